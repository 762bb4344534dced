import mammoth from 'mammoth';
import { posix } from 'node:path';
import { DocumentAnonymisationError } from './anonymisation.errors';
import type { CleaningContext, RemovalKind } from './cleaning-context';
import { cleanEmbeddedParts, isMarkupPart } from './embedded-parts';
import { countAtOrBefore, findNames, type Locator, mentionsAnyName } from './name-matcher';
import {
  blankElements,
  blankTextElements,
  readAttribute,
  removeElements,
  scanParts,
} from './office-parts';
import { documentText, localName, mapElements, rewriteAttributes, xmlText } from './xml-edit';
import { type ZipPackage } from './zip-package';

const CONTENT_TYPES = '[Content_Types].xml';
const WORD_MAIN = 'word/document.xml';
const CORE = 'docProps/core.xml';
const APP = 'docProps/app.xml';
const WORKBOOK = 'xl/workbook.xml';

/** The OOXML families, by the main part each must have. */
export const OOXML_MAIN_PARTS = {
  docx: WORD_MAIN,
  xlsx: WORKBOOK,
  pptx: 'ppt/presentation.xml',
} as const;

/**
 * Prefixed attributes that name a person in WordprocessingML and DrawingML: tracked-change and
 * comment authors, comment initials, the account behind a comment author (people.xml). Neutral,
 * not blank: Word shows "Author" in the margin instead of an empty balloon.
 */
const NEUTRAL_PREFIXED: Record<string, string> = {
  author: 'Author',
  initials: 'A',
  userId: 'Author',
  providerId: 'None',
};

/**
 * SpreadsheetML and PresentationML write their people unprefixed, on these elements: comment
 * authors (cmAuthor; the modern comments' author list), the workbook's people (persons) and the
 * shared workbook's revision log (userInfo, and userName on every revision header), and the
 * user who set a workbook's write-reservation password (fileSharing).
 */
const NEUTRAL_BY_ELEMENT: Record<string, Record<string, string>> = {
  cmAuthor: { name: 'Author', initials: 'A' },
  author: { name: 'Author', initials: 'A', userId: 'Author', providerId: 'None' },
  person: { displayName: 'Author', userId: 'Author', providerId: 'None' },
  userInfo: { name: 'Author' },
  fileSharing: { userName: 'Author' },
};

const COMMENT_PART =
  /^(word\/comments[^/]*\.xml|xl\/comments[^/]*\.xml|xl\/threadedComments\/.*|ppt\/comments\/.*|ppt\/commentAuthors\.xml|ppt\/authors\.xml)$/iu;
const PEOPLE_PART = /^(word\/people\.xml|xl\/persons\/.*)$/iu;
const WORD_HEADER_FOOTER = /^word\/(header|footer)\d*\.xml$/iu;
const SHEET_PART = /^xl\/(worksheets|chartsheets|charts)\/[^/]+\.xml$/iu;
const SLIDE_PART =
  /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|handoutMasters)\/[^/]+\.xml$/iu;
const SHEET_HEADERS = [
  'oddHeader',
  'oddFooter',
  'evenHeader',
  'evenFooter',
  'firstHeader',
  'firstFooter',
];
// Slide placeholders that print on every slide: footer, header, date.
const FOOTER_PLACEHOLDER = /<[\w.-]*:?ph\b[^>]*\btype\s*=\s*["'](ftr|hdr|dt)["']/u;

/**
 * Parts dropped whole: custom properties, the first-page thumbnail, digital signatures (they
 * name the signer), and printer settings (a device name, often the owner's).
 */
function identifyingPart(name: string): RemovalKind | undefined {
  if (name === 'docProps/custom.xml') return 'property';
  if (/^docProps\/thumbnail\.[^/]+$/iu.test(name)) return 'whole-part';
  if (name.startsWith('_xmlsignatures/') && !name.includes('/_rels/')) return 'whole-part';
  if (/\/printerSettings\/[^/]+$/iu.test(name)) return 'whole-part';
  return undefined;
}

/** Applies `change` to a part's text and stores the result if it changed. */
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
function removePart(pkg: ZipPackage, part: string, kind: RemovalKind, ctx: CleaningContext): void {
  if (!pkg.remove(part)) return;
  ctx.removedWhole(part, kind);
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

function neutralValue(part: string, element: string, qname: string): string | undefined {
  const local = localName(qname);
  if (qname.includes(':')) return NEUTRAL_PREFIXED[local];
  // Unprefixed attributes are not WordprocessingML's (custom XML can have its own "author").
  if (part.startsWith('word/')) return undefined;
  if (local === 'userName' && part.startsWith('xl/revisions/')) return 'Author';
  return NEUTRAL_BY_ELEMENT[localName(element)]?.[local];
}

/** Neutralises the people named in one XML part; people parts also lose their person list. */
function neutralisePeople(pkg: ZipPackage, part: string, ctx: CleaningContext): void {
  const kind: RemovalKind = PEOPLE_PART.test(part)
    ? 'person'
    : COMMENT_PART.test(part)
      ? 'comment-author'
      : 'revision-author';
  edit(pkg, part, (original) => {
    let xml = original;
    if (/^word\/people\.xml$/iu.test(part))
      xml = removeElements(xml, part, ['person'], ctx, 'person');
    // A legacy spreadsheet comment names its author as the text of <author>.
    if (/^xl\/comments[^/]*\.xml$/iu.test(part)) {
      xml = blankElements(xml, part, ['author'], () => true, ctx, 'comment-author', 'Author');
      xml = neutraliseNoteSignatures(xml, part, ctx);
    }
    const counts = new Map<string, number>();
    const result = rewriteAttributes(xml, (qname, value, element) => {
      const neutral = neutralValue(part, element, qname);
      if (neutral === undefined || value === neutral) return undefined;
      counts.set(qname, (counts.get(qname) ?? 0) + 1);
      return neutral;
    });
    for (const [qname, count] of counts) ctx.removed(kind, part, qname, count);
    return result.xml;
  });
}

/**
 * Excel starts every note with its author's name in bold ("Leila Benali:"), written as the
 * note's first run of text: when that run names a contributor it becomes "Author:".
 */
function neutraliseNoteSignatures(xml: string, part: string, ctx: CleaningContext): string {
  let count = 0;
  const out = mapElements(xml, ['comment'], ({ qname, attributes, content }) => {
    if (content === undefined) return undefined;
    let first = true;
    const next = mapElements(content, ['r'], (run) => {
      if (!first || run.content === undefined) return undefined;
      first = false;
      const text = xmlText(run.content);
      if (!/:\s*$/u.test(text) || !mentionsAnyName(text, ctx.terms)) return undefined;
      count++;
      const neutral = mapElements(
        run.content,
        ['t'],
        (t) => `<${t.qname}${t.attributes}>Author:</${t.qname}>`,
      );
      return `<${run.qname}${run.attributes}>${neutral}</${run.qname}>`;
    });
    return next === content ? undefined : `<${qname}${attributes}>${next}</${qname}>`;
  });
  if (count > 0) ctx.removed('comment-author', part, 'note author line', count);
  return out;
}

/**
 * Headers and footers print on every page, so a name there ("Draft – L. Benali") is the
 * author's signature rather than prose: the line that names a contributor is emptied.
 */
function cleanHeadersAndFooters(pkg: ZipPackage, ctx: CleaningContext): void {
  const names = (text: string) => mentionsAnyName(text, ctx.terms);
  let blanked = 0;
  for (const part of pkg.names()) {
    if (WORD_HEADER_FOOTER.test(part)) {
      edit(pkg, part, (xml) =>
        mapElements(xml, ['p'], ({ qname, attributes, content }) => {
          if (content === undefined || !names(xmlText(content))) return undefined;
          blanked++;
          return `<${qname}${attributes}>${blankTextElements(content, ['t'])}</${qname}>`;
        }),
      );
    } else if (SHEET_PART.test(part)) {
      edit(pkg, part, (xml) =>
        blankElements(xml, part, SHEET_HEADERS, names, ctx, 'header-footer'),
      );
    } else if (SLIDE_PART.test(part)) {
      edit(pkg, part, (xml) =>
        mapElements(xml, ['sp'], ({ qname, attributes, content }) => {
          if (content === undefined || !FOOTER_PLACEHOLDER.test(content)) return undefined;
          if (!names(xmlText(content))) return undefined;
          blanked++;
          return `<${qname}${attributes}>${blankTextElements(content, ['t'])}</${qname}>`;
        }),
      );
    } else continue;
    if (blanked > 0) ctx.removed('header-footer', part, 'line naming a contributor', blanked);
    blanked = 0;
  }
}

/**
 * The attached template is linked by its full path, which tends to hold the author's account
 * name (C:\Users\leila.benali\…\Thesis.dotx): keep the file name only.
 */
function shortenTemplatePath(pkg: ZipPackage, ctx: CleaningContext): void {
  const part = 'word/_rels/settings.xml.rels';
  edit(pkg, part, (xml) =>
    mapElements(xml, ['Relationship'], ({ qname, attributes }) => {
      if (!readAttribute(attributes, 'Type')?.endsWith('/attachedTemplate')) return undefined;
      const target = readAttribute(attributes, 'Target') ?? '';
      const fileName = target.split(/[\\/]/u).pop() ?? '';
      if (fileName === target) return undefined;
      ctx.removed('property', part, 'attachedTemplate path');
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

/**
 * Word's body text with its pages: Word records where it last broke each page
 * (w:lastRenderedPageBreak) and explicit breaks are w:br w:type="page". Without either, the
 * paragraph is the place given.
 */
function wordBody(xml: string): { text: string; locate: Locator } {
  const body = documentText(xml, {
    paragraphs: new Set(['p']),
    separator: '\n\n',
    skip: new Set(['delText', 'instrText']),
    pageBreak: (local, tag) =>
      local === 'lastRenderedPageBreak' ||
      (local === 'br' && /\btype\s*=\s*["']page["']/u.test(tag)),
  });
  const locate: Locator = body.pageStarts.length
    ? (offset) => ({ page: countAtOrBefore(body.pageStarts, offset) + 1 })
    : (offset) => ({ paragraph: countAtOrBefore(body.paragraphStarts, offset) });
  return { text: body.text, locate };
}

/** Whether a package is OOXML (Open Packaging Conventions): it lists its parts' types. */
export const isOoxmlPackage = (pkg: ZipPackage) => pkg.has(CONTENT_TYPES);

/**
 * OOXML (DOCX, XLSX, PPTX, and any other OPC package embedded in one): document properties,
 * people, comment and revision authors, header and footer lines naming a contributor, printer
 * settings and thumbnails removed; every embedded image, package and PDF cleaned in turn.
 */
export async function anonymiseOoxml(pkg: ZipPackage, ctx: CleaningContext): Promise<Buffer> {
  const main = Object.values(OOXML_MAIN_PARTS).find((part) => pkg.has(part));
  const always = () => true;
  const namesSomeone = (text: string) => mentionsAnyName(text, ctx.terms);

  for (const part of pkg.names()) {
    const kind = identifyingPart(part);
    if (kind) removePart(pkg, part, kind, ctx);
  }
  edit(pkg, CORE, (xml) => {
    const blanked = blankElements(
      xml,
      CORE,
      ['creator', 'lastModifiedBy'],
      always,
      ctx,
      'property',
    );
    // Title, keywords and the rest are the paper's own; only a name in them is stripped.
    const fields = ['title', 'subject', 'keywords', 'description', 'contentStatus', 'category'];
    return blankElements(blanked, CORE, fields, namesSomeone, ctx, 'property');
  });
  edit(pkg, APP, (xml) => blankElements(xml, APP, ['Company', 'Manager'], always, ctx, 'property'));
  // Excel records the folder a workbook was saved in (x15ac:absPath), account name and all.
  edit(pkg, WORKBOOK, (xml) => removeElements(xml, WORKBOOK, ['absPath'], ctx, 'property'));
  for (const part of pkg.names().filter(isMarkupPart)) {
    if (part !== CONTENT_TYPES && !part.endsWith('.rels')) neutralisePeople(pkg, part, ctx);
  }
  cleanHeadersAndFooters(pkg, ctx);
  shortenTemplatePath(pkg, ctx);
  await cleanEmbeddedParts(pkg, ctx);

  const content = await pkg.toBuffer(CONTENT_TYPES);
  const warnings = [];
  if (main === WORD_MAIN) {
    // Reading the result back doubles as the proof that Word's main part is still intact.
    try {
      await mammoth.extractRawText({ buffer: content });
    } catch (error) {
      throw new DocumentAnonymisationError('The Word document body cannot be read', {
        cause: error,
      });
    }
    const xml = pkg.text(WORD_MAIN);
    const body = wordBody(xml);
    warnings.push(
      ...findNames(body.text, ctx.terms, 'body', body.locate),
      ...findNames(deletedText(xml), ctx.terms, `${WORD_MAIN} (deleted text)`),
    );
  }
  warnings.push(...scanParts(pkg, ctx.terms, main === WORD_MAIN ? WORD_MAIN : undefined));
  ctx.warn(warnings);
  return content;
}
