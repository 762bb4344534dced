import type { CleaningContext } from './cleaning-context';
import { cleanEmbeddedParts } from './embedded-parts';
import { countAtOrBefore, findNames, type Locator, mentionsAnyName } from './name-matcher';
import {
  blankElements,
  dropCharacterData,
  readAttribute,
  removeElements,
  scanParts,
} from './office-parts';
import { documentText, mapElements, xmlText } from './xml-edit';
import { type ZipPackage } from './zip-package';

const MIMETYPE = 'mimetype';
const ODF_MIMETYPE_PREFIX = 'application/vnd.oasis.opendocument.';
const CONTENT = 'content.xml';
const MANIFEST = 'META-INF/manifest.xml';

/** Parts dropped whole: the first-page thumbnail (it shows the title page) and signatures. */
const IDENTIFYING_PARTS = [
  'Thumbnails/thumbnail.png',
  'META-INF/documentsignatures.xml',
  'META-INF/macrosignatures.xml',
];
/** Parts that are neither markup nor a file of their own: nothing in them names anyone. */
const INERT_PARTS = new Set([MIMETYPE, 'layout-cache']);

const META_PEOPLE = ['initial-creator', 'creator', 'printed-by', 'user-defined', 'template'];
const META_FIELDS = ['title', 'subject', 'keyword', 'description'];
const HEADERS_AND_FOOTERS = [
  'header',
  'footer',
  'header-left',
  'footer-left',
  'header-first',
  'footer-first',
];
const PRESENTATION_DECLS = ['header-decl', 'footer-decl', 'date-time-decl'];
/** settings.xml items naming the author's printer, and its driver's settings blob. */
const PRINTER_ITEMS = new Set(['PrinterName', 'PrinterSetup', 'PrinterPaperFromSetup']);

function edit(pkg: ZipPackage, part: string, change: (xml: string) => string): void {
  if (!pkg.has(part)) return;
  const xml = pkg.text(part);
  const next = change(xml);
  if (next !== xml) pkg.setText(part, next);
}

const named = (part: string, file: string) => part === file || part.endsWith(`/${file}`);

/** A header or footer line that names a contributor loses its text (fields and styles stay). */
function cleanHeadersAndFooters(xml: string, part: string, ctx: CleaningContext): string {
  let blanked = 0;
  const out = mapElements(xml, HEADERS_AND_FOOTERS, ({ qname, attributes, content }) => {
    if (content === undefined || !mentionsAnyName(xmlText(content), ctx.terms)) return undefined;
    const cleaned = mapElements(content, ['p', 'h'], (paragraph) => {
      if (paragraph.content === undefined) return undefined;
      if (!mentionsAnyName(xmlText(paragraph.content), ctx.terms)) return undefined;
      blanked++;
      return `<${paragraph.qname}${paragraph.attributes}>${dropCharacterData(paragraph.content)}</${paragraph.qname}>`;
    });
    return `<${qname}${attributes}>${cleaned}</${qname}>`;
  });
  if (blanked > 0) ctx.removed('header-footer', part, 'line naming a contributor', blanked);
  return out;
}

/**
 * LibreOffice records where it broke pages (text:soft-page-break); a presentation's pages are
 * its draw:page elements. Without either, the paragraph is the place given.
 */
function bodyOf(xml: string): { text: string; locate: Locator } {
  let slides = 0;
  const body = documentText(xml, {
    paragraphs: new Set(['p', 'h']),
    separator: '\n',
    skip: new Set(),
    pageBreak: (local) => local === 'soft-page-break' || (local === 'page' && slides++ > 0),
  });
  const locate: Locator = body.pageStarts.length
    ? (offset) => ({ page: countAtOrBefore(body.pageStarts, offset) + 1 })
    : (offset) => ({ paragraph: countAtOrBefore(body.paragraphStarts, offset) });
  return { text: body.text, locate };
}

/** The OpenDocument type a package declares in its first entry, if it is one. */
export function odfMimetypeOf(pkg: ZipPackage): string | undefined {
  if (!pkg.has(MIMETYPE)) return undefined;
  const mimetype = pkg.text(MIMETYPE).trim();
  return mimetype.startsWith(ODF_MIMETYPE_PREFIX) && pkg.has(CONTENT) ? mimetype : undefined;
}

/**
 * OpenDocument (ODT, ODS, ODP, and embedded objects and ODF files inside them): meta.xml's
 * people, annotation and tracked-change authors, header and footer lines naming a contributor,
 * printer settings, the thumbnail and signatures; every picture and embedded file cleaned.
 */
export async function anonymiseOdf(pkg: ZipPackage, ctx: CleaningContext): Promise<Buffer> {
  const dropped = IDENTIFYING_PARTS.filter((part) => pkg.remove(part));
  for (const part of dropped) ctx.removedWhole(part);
  if (dropped.length > 0) {
    edit(pkg, MANIFEST, (xml) =>
      mapElements(xml, ['file-entry'], ({ attributes }) =>
        dropped.includes(readAttribute(attributes, 'full-path') ?? '') ? '' : undefined,
      ),
    );
  }

  for (const part of pkg.names()) {
    if (named(part, 'meta.xml')) {
      // meta:template points at the template's full path, which tends to hold an account name.
      edit(pkg, part, (xml) => {
        const stripped = removeElements(xml, part, META_PEOPLE, ctx, 'property');
        const namesSomeone = (text: string) => mentionsAnyName(text, ctx.terms);
        return blankElements(stripped, part, META_FIELDS, namesSomeone, ctx, 'property');
      });
    } else if (named(part, 'content.xml') || named(part, 'styles.xml')) {
      // Annotations and tracked changes name their author in dc:creator (and initials beside it).
      edit(pkg, part, (xml) => {
        const always = () => true;
        let out = blankElements(xml, part, ['creator'], always, ctx, 'revision-author', 'Author');
        out = blankElements(out, part, ['creator-initials'], always, ctx, 'revision-author');
        // A presentation's footer, header and date are declared once, in content.xml, and
        // printed on every slide: a declaration naming a contributor is a signature.
        const names = (text: string) => mentionsAnyName(text, ctx.terms);
        out = blankElements(out, part, PRESENTATION_DECLS, names, ctx, 'header-footer');
        return named(part, 'styles.xml') ? cleanHeadersAndFooters(out, part, ctx) : out;
      });
    } else if (named(part, 'settings.xml')) {
      edit(pkg, part, (xml) =>
        mapElements(xml, ['config-item'], ({ qname, attributes, content }) => {
          if (!content || !PRINTER_ITEMS.has(readAttribute(attributes, 'name') ?? ''))
            return undefined;
          ctx.removed('property', part, readAttribute(attributes, 'name')!);
          return `<${qname}${attributes}></${qname}>`;
        }),
      );
    }
  }
  await cleanEmbeddedParts(pkg, ctx, (name) => INERT_PARTS.has(name));

  // ODF: "mimetype" must be the first entry, stored uncompressed, so its bytes can be sniffed.
  const content = await pkg.toBuffer(MIMETYPE, [MIMETYPE]);
  const body = bodyOf(pkg.text(CONTENT));
  ctx.warn([
    ...findNames(body.text, ctx.terms, 'body', body.locate),
    ...scanParts(pkg, ctx.terms, CONTENT),
  ]);
  return content;
}
