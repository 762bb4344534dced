import { inflateSync } from 'node:zlib';
import {
  EncryptedPDFError,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { DocumentAnonymisationError, UncleanableFileError } from './anonymisation.errors';
import { ArchiveLimit, ArchiveLimitError } from './archive-limits';
import type { CleaningContext } from './cleaning-context';
import { findNames, mentionsAnyName } from './name-matcher';

/** Info entries that describe the paper rather than its maker: kept unless they hold a name. */
const DESCRIPTIVE_INFO_KEYS = ['Title', 'Subject', 'Keywords'];
/**
 * Dropped from every dictionary in the file: XMP packets (document-level and per page or image,
 * with creator, tool and history), applications' private data, and page thumbnails.
 */
const IDENTIFYING_KEYS = ['Metadata', 'PieceInfo', 'Thumb'];
const IDENTIFYING_KEY_WORDS: Record<string, string> = {
  Metadata: 'XMP metadata',
  PieceInfo: 'application data',
  Thumb: 'page thumbnail',
};

const name = (key: string) => PDFName.of(key);

function textOf(object: PDFObject | undefined): string {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : '';
}

/** A new Info dictionary with only the descriptive entries that name nobody. */
function replaceInfo(context: PDFContext, ctx: CleaningContext): void {
  const old = context.trailerInfo.Info ? context.lookup(context.trailerInfo.Info) : undefined;
  const info = context.obj({});
  if (old instanceof PDFDict) {
    for (const [key, value] of old.entries()) {
      const field = key.decodeText();
      const resolved = context.lookup(value);
      const text = textOf(resolved);
      if (DESCRIPTIVE_INFO_KEYS.includes(field) && text && !mentionsAnyName(text, ctx.terms)) {
        info.set(key, resolved ?? value);
      } else if (text || !(resolved instanceof PDFString || resolved instanceof PDFHexString)) {
        ctx.removed('property', '', `PDF Info /${field}`); // an empty string is not worth listing
      }
    }
  }
  // The old dictionary stays in the file unless nothing points at it: see dropUnreachable.
  context.trailerInfo.Info = context.register(info);
}

/**
 * Markup annotations (comments, highlights, their pop-ups) carry their author in /T. Widgets
 * are skipped: there /T is a form field's name, and removing it would break the form.
 */
function removeAnnotationAuthors(document: PDFDocument, ctx: CleaningContext): void {
  let count = 0;
  const strip = (annotation: PDFObject | undefined) => {
    if (!(annotation instanceof PDFDict)) return;
    if (annotation.lookup(name('Subtype')) === name('Widget')) return;
    if (annotation.has(name('T'))) {
      annotation.delete(name('T'));
      count++;
    }
  };
  for (const annotation of annotationsOf(document)) {
    strip(annotation);
    strip(annotation.lookup(name('Popup')));
  }
  if (count > 0) ctx.removed('comment-author', '', 'PDF annotation /T', count);
  // A comment's text is the commenter's prose: kept, but a name in it is reported with its page.
  document.getPages().forEach((page, index) => {
    const annotations = page.node.lookup(name('Annots'));
    if (!(annotations instanceof PDFArray)) return;
    for (const item of annotations.asArray()) {
      const annotation = document.context.lookup(item);
      if (!(annotation instanceof PDFDict)) continue;
      const text = textOf(annotation.lookup(name('Contents')));
      if (text) ctx.warn(findNames(text, ctx.terms, 'PDF comment', () => ({ page: index + 1 })));
    }
  });
}

function annotationsOf(document: PDFDocument): PDFDict[] {
  const found: PDFDict[] = [];
  for (const page of document.getPages()) {
    const annotations = page.node.lookup(name('Annots'));
    if (!(annotations instanceof PDFArray)) continue;
    for (const item of annotations.asArray()) {
      const annotation = document.context.lookup(item);
      if (annotation instanceof PDFDict) found.push(annotation);
    }
  }
  return found;
}

/**
 * The bytes of a stream as a reader would see them, inflated within the archive budget: a PDF
 * can hold a Flate bomb as well as a zip can. Only no filter and FlateDecode are read; anything
 * else is beyond what Tahkim checks.
 */
function streamBytes(stream: PDFRawStream, ctx: CleaningContext, where: string): Uint8Array | null {
  const filter = stream.dict.lookup(name('Filter'));
  const filters =
    filter instanceof PDFArray ? filter.asArray() : filter === undefined ? [] : [filter];
  if (filters.length === 0) return stream.contents;
  if (filters.length > 1 || filters[0] !== name('FlateDecode')) return null;
  if (stream.dict.has(name('DecodeParms'))) return null; // predictors: images, not text
  const { entryBytes, totalBytes, ratio, ratioGraceBytes } = ctx.budget.limits;
  // The tightest of the limits that apply to this stream decides how far it may inflate.
  const bounds: [ArchiveLimit, number, number][] = [
    [ArchiveLimit.EntryBytes, entryBytes, entryBytes],
    [ArchiveLimit.Ratio, Math.max(ratioGraceBytes, stream.contents.length * ratio), ratio],
    [ArchiveLimit.TotalBytes, totalBytes - ctx.budget.spent, totalBytes],
  ];
  const [limit, allowed, max] = bounds.reduce((a, b) => (b[1] < a[1] ? b : a));
  let inflated: Buffer;
  try {
    // maxOutputLength stops zlib at the first byte past the limit: never inflated whole.
    inflated = inflateSync(stream.contents, { maxOutputLength: Math.max(allowed, 0) + 1 });
  } catch (error) {
    if (error instanceof RangeError) throw new ArchiveLimitError(limit, max, where);
    return null; // not valid Flate data: the reader will not get text out of it either
  }
  if (inflated.length > allowed) throw new ArchiveLimitError(limit, max, where);
  ctx.budget.spend(inflated.length);
  return inflated;
}

/**
 * Inflates, within the budget, every stream the text reader will inflate in turn (page
 * contents, form XObjects): a content stream that unpacks to gigabytes is refused here, before
 * pdf.js reads it. Images are left compressed: reading text never decodes them.
 */
function checkContentStreams(document: PDFDocument, ctx: CleaningContext): void {
  for (const [ref, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const subtype = object.dict.lookup(name('Subtype'));
    const type = object.dict.lookup(name('Type'));
    if (subtype === name('Image') || type === name('EmbeddedFile') || type === name('XRef'))
      continue;
    streamBytes(object, ctx, ctx.at(`PDF object ${ref.objectNumber}`));
  }
}

/**
 * Every file specification that carries an embedded file (the name tree and attachments), with
 * where the name tree keys it (the key is its file name, as the reader's list shows it).
 */
function embeddedFileSpecs(document: PDFDocument): Map<PDFDict, { keys: PDFArray; at: number }[]> {
  const specs = new Map<PDFDict, { keys: PDFArray; at: number }[]>();
  const walkTree = (node: PDFObject | undefined, depth: number) => {
    if (!(node instanceof PDFDict) || depth > 32) return;
    const names = node.lookup(name('Names'));
    if (names instanceof PDFArray) {
      const items = names.asArray();
      for (let i = 1; i < items.length; i += 2) {
        const spec = document.context.lookup(items[i]);
        if (spec instanceof PDFDict)
          specs.set(spec, [...(specs.get(spec) ?? []), { keys: names, at: i - 1 }]);
      }
    }
    const kids = node.lookup(name('Kids'));
    if (kids instanceof PDFArray)
      for (const kid of kids.asArray()) walkTree(document.context.lookup(kid), depth + 1);
  };
  const catalogNames = document.catalog.lookup(name('Names'));
  if (catalogNames instanceof PDFDict) walkTree(catalogNames.lookup(name('EmbeddedFiles')), 0);
  for (const annotation of annotationsOf(document)) {
    if (annotation.lookup(name('Subtype')) !== name('FileAttachment')) continue;
    const spec = annotation.lookup(name('FS'));
    if (spec instanceof PDFDict && !specs.has(spec)) specs.set(spec, []);
  }
  return specs;
}

/**
 * An attached file is a file like any other: it is cleaned in turn and stored back in place of
 * the original (uncompressed; the PDF is rewritten anyway). Its description goes, since it is
 * free text an author may sign, and a file name that names a contributor ("Benali data.xlsx")
 * becomes attachment-N with its extension, in the specification and in the name tree.
 */
async function cleanEmbeddedFiles(document: PDFDocument, ctx: CleaningContext): Promise<void> {
  const context = document.context;
  for (const [index, [spec, treeKeys]] of [...embeddedFileSpecs(document)].entries()) {
    let fileName =
      textOf(spec.lookup(name('UF'))) ||
      textOf(spec.lookup(name('F'))) ||
      `attachment-${index + 1}`;
    const names = [
      ...['UF', 'F'].map((key) => textOf(spec.lookup(name(key)))),
      ...treeKeys.map(({ keys, at }) => textOf(keys.lookup(at))),
    ];
    if (names.some((text) => mentionsAnyName(text, ctx.terms))) {
      fileName = `attachment-${index + 1}${/\.[\w]{1,8}$/u.exec(fileName)?.[0] ?? ''}`;
      spec.set(name('F'), PDFString.of(fileName));
      if (spec.has(name('UF'))) spec.set(name('UF'), PDFHexString.fromText(fileName));
      for (const { keys, at } of treeKeys) keys.set(at, PDFHexString.fromText(fileName));
      ctx.removed(
        'property',
        '',
        `PDF attachment file name naming a contributor (now ${fileName})`,
      );
    }
    if (spec.has(name('Desc'))) {
      spec.delete(name('Desc'));
      ctx.removed('property', '', `PDF attachment ${fileName} /Desc`);
    }
    const files = spec.lookup(name('EF'));
    if (!(files instanceof PDFDict)) continue;
    for (const [key, value] of files.entries()) {
      const stream = context.lookup(value);
      if (!(stream instanceof PDFRawStream)) continue;
      const where = `attachment ${fileName}`;
      ctx.budget.enter(ctx.depth + 1, ctx.at(where));
      const bytes = streamBytes(stream, ctx, ctx.at(where));
      if (bytes === null)
        throw new UncleanableFileError(
          `${ctx.at(where)} is compressed in a way Tahkim cannot read, so it cannot be cleaned`,
        );
      const cleaned = await ctx.cleanEmbedded(bytes, fileName);
      const replacement = context.stream(cleaned, { Type: 'EmbeddedFile' });
      files.set(key, context.register(replacement));
    }
  }
}

/**
 * A JPEG image is stored whole (DCTDecode data is the JPEG file), so a photo keeps its EXIF,
 * XMP, IPTC and comments in the PDF: each goes through the image pipeline, which leaves the
 * coded pixels byte for byte as they were.
 */
async function cleanJpegImages(document: PDFDocument, ctx: CleaningContext): Promise<void> {
  const context = document.context;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.lookup(name('Subtype')) !== name('Image')) continue;
    const filter = object.dict.lookup(name('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
    if (filters.length !== 1 || filters[0] !== name('DCTDecode')) continue;
    const cleaned = await ctx.cleanEmbedded(object.contents, `PDF image ${ref.objectNumber}`);
    if (cleaned !== object.contents) context.assign(ref, PDFRawStream.of(object.dict, cleaned));
  }
}

/**
 * Walks everything reachable from the trailer, dropping IDENTIFYING_KEYS on the way, then deletes
 * every object left unreached. pdf-lib writes all objects it parsed, referenced or not, so
 * without this the old Info dictionary, the XMP stream and any older revision's leftovers
 * (incremental saves keep them) would still be in the output bytes.
 */
function dropIdentifyingKeysAndUnreachable(context: PDFContext, ctx: CleaningContext): void {
  const dropped = new Map<string, number>();
  const reachable = new Set<PDFRef>();
  const { Root, Info, Encrypt, ID } = context.trailerInfo;
  const pending: PDFObject[] = [Root, Info, Encrypt, ID].filter((o): o is PDFObject => !!o);
  while (pending.length > 0) {
    const object = pending.pop();
    if (object instanceof PDFRef) {
      if (reachable.has(object)) continue;
      reachable.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      const dict = object instanceof PDFStream ? object.dict : object;
      for (const key of IDENTIFYING_KEYS) {
        if (!dict.has(name(key))) continue;
        dict.delete(name(key));
        dropped.set(key, (dropped.get(key) ?? 0) + 1);
      }
      pending.push(...dict.values());
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [key, count] of dropped) {
    ctx.removed('property', '', `PDF /${key} (${IDENTIFYING_KEY_WORDS[key]})`, count);
  }
  let unreachable = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (reachable.has(ref)) continue;
    context.delete(ref);
    unreachable++;
  }
  if (unreachable > 0) ctx.removed('whole-part', '', 'PDF unreferenced objects', unreachable);
}

/**
 * pdf-lib is compiled to ES5, where a subclass of Error constructs a plain Error: its
 * EncryptedPDFError is never an instanceof EncryptedPDFError, so its message is what tells.
 */
const ENCRYPTED_PDF_MESSAGE = new EncryptedPDFError().message;
const isEncryptedPdfError = (error: unknown) =>
  error instanceof EncryptedPDFError ||
  (error instanceof Error && error.message === ENCRYPTED_PDF_MESSAGE);

/**
 * Loads a PDF, or says in words why it is not one Tahkim can use: not a PDF at all (only its
 * first bytes look like one), damaged, without pages, or encrypted. The parser's own messages
 * ("Cannot read properties of undefined") are never shown.
 */
export async function loadPdf(input: Uint8Array, where = 'The file'): Promise<PDFDocument> {
  // The header may follow a little junk (the spec tolerates 1 KiB); anything else is not a PDF.
  if (
    !Buffer.from(input.buffer, input.byteOffset, Math.min(input.length, 1024)).includes('%PDF-')
  ) {
    throw new DocumentAnonymisationError(`${where} is not a PDF (no %PDF- header)`);
  }
  let document: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib would stamp its own Producer and dates into the copy.
    document = await PDFDocument.load(input, { updateMetadata: false });
  } catch (error) {
    if (isEncryptedPdfError(error))
      throw new UncleanableFileError(`${where} is an encrypted PDF, so it cannot be cleaned`, {
        cause: error,
      });
    throw new DocumentAnonymisationError(`${where} is a damaged PDF: it cannot be read`, {
      cause: error,
    });
  }
  let pages: number;
  try {
    pages = document.getPageCount();
  } catch (error) {
    throw new DocumentAnonymisationError(`${where} is a damaged PDF: its pages cannot be found`, {
      cause: error,
    });
  }
  if (pages === 0) throw new DocumentAnonymisationError(`${where} is a PDF without pages`);
  if (document.isEncrypted)
    throw new UncleanableFileError(`${where} is an encrypted PDF, so it cannot be cleaned`);
  return document;
}

/**
 * The text of each page, as pdf.js reads it (through `pdf-parse`): fonts' ToUnicode maps and
 * CID fonts resolved, so Arabic comes out as characters, not glyph codes. Null when the text
 * cannot be read (a scanned PDF has none; a damaged content stream may fail): then the report
 * says the body was not checked rather than "no names found".
 */
async function pageTexts(input: Uint8Array): Promise<string[] | null> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const parser = new PDFParse({ data: new Uint8Array(input) });
  try {
    const { pages } = await parser.getText();
    const texts = pages.map((page) => page.text);
    return texts.some((text) => text.trim()) ? texts : null;
  } catch {
    return null;
  } finally {
    await parser.destroy();
  }
}

/**
 * PDF: the Info dictionary and XMP metadata are rewritten, annotation authors removed, attached
 * files cleaned in turn, and the text of each page (extracted with pdf.js) searched for the
 * contributors' names, so a mention is reported with its page.
 */
export async function anonymisePdf(input: Buffer, ctx: CleaningContext): Promise<Buffer> {
  const document = await loadPdf(input, ctx.where);
  const pageCount = document.getPageCount();
  checkContentStreams(document, ctx);
  replaceInfo(document.context, ctx);
  removeAnnotationAuthors(document, ctx);
  await cleanEmbeddedFiles(document, ctx);
  await cleanJpegImages(document, ctx);
  dropIdentifyingKeysAndUnreachable(document.context, ctx);
  let content: Buffer;
  try {
    const bytes = await document.save({
      useObjectStreams: false, // plain objects: greppable, and older readers cope
      addDefaultPage: false,
      updateFieldAppearances: false, // regenerating form appearances would embed fonts
    });
    content = Buffer.from(bytes);
    // Belt and braces: the copy must still be a PDF with the same pages.
    const check = await PDFDocument.load(content, { updateMetadata: false });
    if (check.getPageCount() !== pageCount) throw new Error('the page count changed');
  } catch (error) {
    throw new DocumentAnonymisationError(`${ctx.where}: the PDF could not be rewritten`, {
      cause: error,
    });
  }
  const pages = await pageTexts(content);
  if (pages === null) ctx.bodyNotChecked();
  else
    ctx.warn(
      pages.flatMap((text, index) =>
        findNames(text, ctx.terms, 'body', () => ({ page: index + 1 })),
      ),
    );
  return content;
}
