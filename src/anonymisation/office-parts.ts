import type { CleaningContext, RemovalKind } from './cleaning-context';
import { isMarkupPart } from './embedded-parts';
import { findNames, type NameTerm, type NameWarning } from './name-matcher';
import {
  decodeXml,
  elementText,
  localName,
  mapElements,
  xmlAttributeValues,
  xmlText,
} from './xml-edit';
import { type ZipPackage } from './zip-package';

/** Edits shared by the OOXML and ODF anonymisers. Each reports what it stripped to `ctx`. */

function tally(ctx: CleaningContext, kind: RemovalKind, part: string, counts: Map<string, number>) {
  for (const [qname, count] of counts) ctx.removed(kind, part, qname, count);
}

/** Empties the text of the named elements when `shouldBlank(text)` says so (and there is text). */
export function blankElements(
  xml: string,
  part: string,
  localNames: readonly string[],
  shouldBlank: (text: string) => boolean,
  ctx: CleaningContext,
  kind: RemovalKind,
  replacement = '',
): string {
  const counts = new Map<string, number>();
  const out = mapElements(xml, localNames, ({ qname, attributes, content }) => {
    const text = elementText(content).trim();
    if (!text || text === replacement || !shouldBlank(text)) return undefined;
    counts.set(qname, (counts.get(qname) ?? 0) + 1);
    return `<${qname}${attributes}>${replacement}</${qname}>`;
  });
  tally(ctx, kind, part, counts);
  return out;
}

/** Deletes the named elements, content and all. */
export function removeElements(
  xml: string,
  part: string,
  localNames: readonly string[],
  ctx: CleaningContext,
  kind: RemovalKind,
): string {
  const counts = new Map<string, number>();
  const out = mapElements(xml, localNames, ({ qname }) => {
    counts.set(qname, (counts.get(qname) ?? 0) + 1);
    return '';
  });
  tally(ctx, kind, part, counts);
  return out;
}

/** Empties every text element (`w:t`, `a:t`) of a fragment, keeping its tags and field codes. */
export function blankTextElements(fragment: string, localNames: readonly string[]): string {
  return mapElements(fragment, localNames, ({ qname, attributes, content }) =>
    content ? `<${qname}${attributes}></${qname}>` : undefined,
  );
}

/** Drops a fragment's character data, keeping its tags (ODF keeps text directly in text:p). */
export function dropCharacterData(fragment: string): string {
  return fragment.replace(/(^|>)[^<]+/gu, '$1');
}

/** The decoded value of an attribute (by local name, any prefix) in a raw attribute string. */
export function readAttribute(attributes: string, name: string): string | undefined {
  for (const [, qname, quoted] of attributes.matchAll(/([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/gu)) {
    if (localName(qname) === name) return decodeXml(quoted.slice(1, -1));
  }
  return undefined;
}

/**
 * Looks for the names in every XML part not already searched as body text: headers, footers,
 * notes, comments, settings, custom XML, leftover metadata, and the attribute values of the
 * body part itself (alt text, hyperlinks). What is found there is not removed automatically —
 * it may be the author's own prose — but the editor gets told.
 */
export function scanParts(
  pkg: ZipPackage,
  terms: readonly NameTerm[],
  bodyPart: string | undefined,
): NameWarning[] {
  if (terms.length === 0) return [];
  const warnings: NameWarning[] = [];
  for (const name of pkg.names()) {
    if (!isMarkupPart(name)) continue;
    let xml: string;
    try {
      xml = pkg.text(name);
    } catch {
      continue; // Not UTF-8: not an XML part Word or LibreOffice wrote, nothing to search.
    }
    const text = name === bodyPart ? '' : xmlText(xml);
    warnings.push(...findNames(`${text}\n${xmlAttributeValues(xml)}`, terms, name));
  }
  return warnings;
}
