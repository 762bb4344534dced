import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
} from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { DocumentAnonymisationError } from './anonymisation.errors';
import type { AnonymisedDocument } from './document-anonymiser';
import { findNames, mentionsAnyName, type NameTerm } from './name-matcher';

/** Info entries that describe the paper rather than its maker: kept unless they hold a name. */
const DESCRIPTIVE_INFO_KEYS = ['Title', 'Subject', 'Keywords'];
/**
 * Dropped from every dictionary in the file: XMP packets (document-level and per page or image,
 * with creator, tool and history), applications' private data, and page thumbnails.
 */
const IDENTIFYING_KEYS = ['Metadata', 'PieceInfo', 'Thumb'];

const name = (key: string) => PDFName.of(key);

function textOf(object: PDFObject | undefined): string {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : '';
}

/** A new Info dictionary with only the descriptive entries that name nobody. */
function replaceInfo(context: PDFContext, terms: readonly NameTerm[], removed: string[]): void {
  const old = context.trailerInfo.Info ? context.lookup(context.trailerInfo.Info) : undefined;
  const info = context.obj({});
  if (old instanceof PDFDict) {
    for (const [key, value] of old.entries()) {
      const field = key.decodeText();
      const resolved = context.lookup(value);
      const text = textOf(resolved);
      if (DESCRIPTIVE_INFO_KEYS.includes(field) && text && !mentionsAnyName(text, terms)) {
        info.set(key, resolved ?? value);
      } else if (text || !(resolved instanceof PDFString || resolved instanceof PDFHexString)) {
        removed.push(`PDF Info /${field}`); // an empty string is not worth listing
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
function removeAnnotationAuthors(document: PDFDocument, removed: string[]): void {
  let count = 0;
  const strip = (annotation: PDFObject | undefined) => {
    if (!(annotation instanceof PDFDict)) return;
    if (annotation.lookup(name('Subtype')) === name('Widget')) return;
    if (annotation.has(name('T'))) {
      annotation.delete(name('T'));
      count++;
    }
  };
  for (const page of document.getPages()) {
    const annotations = page.node.lookup(name('Annots'));
    if (!(annotations instanceof PDFArray)) continue;
    for (const item of annotations.asArray()) {
      const annotation = document.context.lookup(item);
      strip(annotation);
      if (annotation instanceof PDFDict) strip(annotation.lookup(name('Popup')));
    }
  }
  if (count > 0) removed.push(count > 1 ? `PDF annotation /T (${count})` : 'PDF annotation /T');
}

/**
 * Walks everything reachable from the trailer, dropping IDENTIFYING_KEYS on the way, then deletes
 * every object left unreached. pdf-lib writes all objects it parsed, referenced or not, so
 * without this the old Info dictionary, the XMP stream and any older revision's leftovers
 * (incremental saves keep them) would still be in the output bytes.
 */
function dropIdentifyingKeysAndUnreachable(context: PDFContext, removed: string[]): void {
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
    removed.push(count > 1 ? `PDF /${key} (${count})` : `PDF /${key}`);
  }
  let unreachable = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (reachable.has(ref)) continue;
    context.delete(ref);
    unreachable++;
  }
  if (unreachable > 0) removed.push(`PDF unreferenced objects (${unreachable})`);
}

async function load(input: Buffer): Promise<PDFDocument> {
  // The header may follow a little junk (the spec tolerates 1 KiB); anything else is not a PDF.
  if (!input.subarray(0, 1024).includes('%PDF-')) {
    throw new DocumentAnonymisationError('The file is not a PDF (no %PDF- header)');
  }
  try {
    // updateMetadata: false, or pdf-lib would stamp its own Producer and dates into the copy.
    return await PDFDocument.load(input, { updateMetadata: false });
  } catch (error) {
    const reason =
      error instanceof EncryptedPDFError ? 'is encrypted' : 'cannot be parsed as a PDF';
    throw new DocumentAnonymisationError(`The PDF ${reason}`, { cause: error });
  }
}

/**
 * The text of every page, as pdf.js reads it (through `pdf-parse`): fonts' ToUnicode maps and
 * CID fonts resolved, so Arabic comes out as characters, not glyph codes. Null when the text
 * cannot be read (a scanned PDF has none; a damaged content stream may fail): then the result
 * says the body was not checked rather than "no names found".
 */
async function bodyTextOf(input: Buffer): Promise<string | null> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const parser = new PDFParse({ data: new Uint8Array(input) });
  try {
    const { pages } = await parser.getText();
    const text = pages.map((page) => page.text).join('\n\n');
    return text.trim() ? text : null;
  } catch {
    return null;
  } finally {
    await parser.destroy();
  }
}

/**
 * PDF: the Info dictionary and XMP metadata are rewritten, annotation authors removed, and the
 * body text (extracted with pdf.js) searched for the contributors' names.
 */
export async function anonymisePdf(
  input: Buffer,
  terms: readonly NameTerm[],
): Promise<AnonymisedDocument> {
  const document = await load(input);
  const pageCount = document.getPageCount();
  const removed: string[] = [];
  try {
    replaceInfo(document.context, terms, removed);
    removeAnnotationAuthors(document, removed);
    dropIdentifyingKeysAndUnreachable(document.context, removed);
    const bytes = await document.save({
      useObjectStreams: false, // plain objects: greppable, and older readers cope
      addDefaultPage: false,
      updateFieldAppearances: false, // regenerating form appearances would embed fonts
    });
    const content = Buffer.from(bytes);
    // Belt and braces: the copy must still be a PDF with the same pages.
    const check = await PDFDocument.load(content, { updateMetadata: false });
    if (check.getPageCount() !== pageCount) throw new Error('the page count changed');
    const text = await bodyTextOf(content);
    return {
      content,
      removed,
      nameWarnings: text === null ? [] : findNames(text, terms, 'body'),
      bodyTextChecked: text !== null,
    };
  } catch (error) {
    throw new DocumentAnonymisationError('The PDF could not be rewritten', { cause: error });
  }
}
