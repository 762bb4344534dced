import mammoth from 'mammoth';
import { posix } from 'node:path';
import { DocumentAnonymisationError } from './anonymisation.errors';
import type { AnonymisedDocument } from './document-anonymiser';
import { findNames, mentionsAnyName, type NameTerm } from './name-matcher';
import {
  blankElements,
  describeRemoval,
  readAttribute,
  removeElements,
  scanParts,
} from './office-parts';
import { localName, mapElements, rewriteAttributes, xmlText } from './xml-edit';
import { ZipPackage } from './zip-package';

const CONTENT_TYPES = '[Content_Types].xml';
const MAIN = 'word/document.xml';
const CORE = 'docProps/core.xml';
const APP = 'docProps/app.xml';

/**
 * Attributes that name a person anywhere under word/: tracked-change and comment authors, comment
 * initials, and the account behind a comment author (people.xml). Neutral, not blank: Word
 * shows "Author" in the margin instead of an empty balloon.
 */
const NEUTRAL_ATTRIBUTES: Record<string, string> = {
  author: 'Author',
  initials: 'A',
  userId: 'Author',
  providerId: 'None',
};

/** Parts dropped whole: custom properties, the first-page thumbnail, digital signatures. */
function isIdentifyingPart(name: string): boolean {
  return (
    name === 'docProps/custom.xml' ||
    /^docProps\/thumbnail\.[^/]+$/iu.test(name) ||
    (name.startsWith('_xmlsignatures/') && !name.includes('/_rels/'))
  );
}

/** Applies `edit` to a part's text and stores the result if it changed. */
function edit(pkg: ZipPackage, part: string, change: (xml: string) => string): void {
  if (!pkg.has(part)) return;
  const xml = pkg.text(part);
  const next = change(xml);
  if (next !== xml) pkg.setText(part, next);
}

/** OPC: the relationships of `a/b.xml` live in `a/_rels/b.xml.rels`. */
function relationshipsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship points to; part names compare case-insensitively in OPC. */
function resolveTarget(relsPart: string, target: string): string {
  const sourceDir = relsPart.replace(/(^|\/)_rels\/[^/]*\.rels$/u, '$1');
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A malformed escape: compare the target as written.
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : posix.join(sourceDir, decoded);
  return posix.normalize(path).toLowerCase();
}

/** Deletes a part with its own relationships, its content-type override and every link to it. */
function removePart(pkg: ZipPackage, part: string, removed: string[]): void {
  if (!pkg.remove(part)) return;
  removed.push(`${part} (whole part)`);
  pkg.remove(relationshipsOf(part));
  const wanted = part.toLowerCase();
  edit(pkg, CONTENT_TYPES, (xml) =>
    mapElements(xml, ['Override'], ({ attributes }) =>
      readAttribute(attributes, 'PartName')?.replace(/^\//u, '').toLowerCase() === wanted
        ? ''
        : undefined,
    ),
  );
  for (const rels of pkg.names().filter((name) => name.endsWith('.rels'))) {
    edit(pkg, rels, (xml) =>
      mapElements(xml, ['Relationship'], ({ attributes }) => {
        if (readAttribute(attributes, 'TargetMode') === 'External') return undefined;
        const target = readAttribute(attributes, 'Target');
        return target !== undefined && resolveTarget(rels, target) === wanted ? '' : undefined;
      }),
    );
  }
}

/** Neutralises person attributes in one word/ part; people.xml also loses its person list. */
function neutraliseAuthors(pkg: ZipPackage, part: string, removed: string[]): void {
  edit(pkg, part, (original) => {
    let xml = original;
    if (/(^|\/)people\.xml$/iu.test(part)) xml = removeElements(xml, part, ['person'], removed);
    const counts = new Map<string, number>();
    const result = rewriteAttributes(xml, (qname, value) => {
      // Unprefixed attributes are not WordprocessingML's (custom XML can have its own "author").
      const neutral = qname.includes(':') ? NEUTRAL_ATTRIBUTES[localName(qname)] : undefined;
      if (neutral === undefined || value === neutral) return undefined;
      counts.set(qname, (counts.get(qname) ?? 0) + 1);
      return neutral;
    });
    for (const [qname, count] of counts) removed.push(describeRemoval(part, qname, count));
    return result.xml;
  });
}

/**
 * The attached template is linked by its full path, which tends to hold the author's account
 * name (C:\Users\leila.benali\…\Thesis.dotx): keep the file name only.
 */
function shortenTemplatePath(pkg: ZipPackage, removed: string[]): void {
  const part = 'word/_rels/settings.xml.rels';
  edit(pkg, part, (xml) =>
    mapElements(xml, ['Relationship'], ({ qname, attributes }) => {
      if (!readAttribute(attributes, 'Type')?.endsWith('/attachedTemplate')) return undefined;
      const target = readAttribute(attributes, 'Target') ?? '';
      const fileName = target.split(/[\\/]/u).pop() ?? '';
      if (fileName === target) return undefined;
      removed.push(`${part} attachedTemplate path`);
      return rewriteAttributes(`<${qname}${attributes}/>`, (name) =>
        localName(name) === 'Target' ? fileName : undefined,
      ).xml;
    }),
  );
}

/** Text deleted under track changes: not in the body text, but there for anyone to restore. */
function deletedText(xml: string): string {
  const pieces: string[] = [];
  mapElements(xml, ['delText'], ({ content }) => {
    pieces.push(xmlText(content ?? ''));
    return undefined;
  });
  return pieces.join('');
}

export async function anonymiseDocx(
  input: Buffer,
  terms: readonly NameTerm[],
): Promise<AnonymisedDocument> {
  const pkg = await ZipPackage.load(input, 'DOCX');
  if (!pkg.has(CONTENT_TYPES) || !pkg.has(MAIN)) {
    throw new DocumentAnonymisationError(
      `The file is a zip package but not a Word document (no ${CONTENT_TYPES} or ${MAIN})`,
    );
  }
  const removed: string[] = [];
  const always = () => true;
  const namesSomeone = (text: string) => mentionsAnyName(text, terms);

  for (const part of pkg.names().filter(isIdentifyingPart)) removePart(pkg, part, removed);

  edit(pkg, CORE, (xml) => {
    const blanked = blankElements(xml, CORE, ['creator', 'lastModifiedBy'], always, removed);
    // Title, keywords and the rest are the paper's own; only a name in them is stripped.
    const fields = ['title', 'subject', 'keywords', 'description', 'contentStatus', 'category'];
    return blankElements(blanked, CORE, fields, namesSomeone, removed);
  });
  edit(pkg, APP, (xml) => blankElements(xml, APP, ['Company', 'Manager'], always, removed));
  for (const part of pkg.names().filter((name) => /^word\/.*\.xml$/iu.test(name))) {
    neutraliseAuthors(pkg, part, removed);
  }
  shortenTemplatePath(pkg, removed);

  const content = await pkg.toBuffer(CONTENT_TYPES);

  // Reading the result back doubles as the proof that Word's main part is still intact.
  let bodyText: string;
  try {
    bodyText = (await mammoth.extractRawText({ buffer: content })).value;
  } catch (error) {
    throw new DocumentAnonymisationError('The Word document body cannot be read', {
      cause: error,
    });
  }
  const nameWarnings = [
    ...findNames(bodyText, terms, 'body'),
    ...findNames(deletedText(pkg.text(MAIN)), terms, `${MAIN} (deleted text)`),
    ...scanParts(pkg, terms, MAIN),
  ];
  return { content, removed, nameWarnings, bodyTextChecked: true };
}
