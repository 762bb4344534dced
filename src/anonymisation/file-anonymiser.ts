/**
 * The one anonymisation pipeline for every file that crosses the anonymity line: an author's
 * files on their way to reviewers, a reviewer's attachments on their way to the author, an
 * editor's letter attachments.
 *
 *   const copy = await anonymiseFile(bytes, mediaType, { contributorNames: ['Leila Benali'] });
 *   // copy.content: the bytes to send across (a rewritten file, or the same bytes when there
 *   //   was nothing to remove, as for a text file)
 *   // copy.removed / copy.summary: what was stripped, for the report
 *   // copy.nameWarnings: { name, excerpt, location, page? } where a contributor is still named
 *   // copy.bodyTextChecked: false when some text could not be read (a scanned PDF)
 *
 * It is recursive: an office package's images, embedded packages and PDFs, and a PDF's attached
 * files, are each cleaned in turn by the same pipeline, within one archive budget
 * (archive-limits.ts). What is stripped is metadata, never prose: names left in the text are
 * reported, with Arabic diacritics, alef forms and Latin case and accents ignored.
 *
 * Throws ArchiveLimitError for a bomb (nothing should be stored), UncleanableFileError for a
 * sound file the pipeline cannot clean (hold it back, or refuse it), and
 * DocumentAnonymisationError for a file that is not what it claims or is damaged.
 */
import { fromBuffer } from 'file-type';
import { DocumentAnonymisationError, UncleanableFileError } from './anonymisation.errors';
import { ArchiveLimitError, type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from './archive-limits';
import { CleaningContext, INSIDE, type RemovalKind } from './cleaning-context';
import { anonymiseImage, CLEANABLE_IMAGE_TYPES } from './image-anonymiser';
import { anonymiseMarkdown, anonymisePlainText } from './markdown-anonymiser';
import { compileNames, type NameTerm, type NameWarning } from './name-matcher';
import { anonymiseOdf, odfMimetypeOf } from './odf-anonymiser';
import { anonymiseOoxml, isOoxmlPackage, OOXML_MAIN_PARTS } from './ooxml-anonymiser';
import { anonymisePdf } from './pdf-anonymiser';
import { anonymiseSvg } from './svg-anonymiser';
import { ZipPackage } from './zip-package';

export { ArchiveLimitError } from './archive-limits';
export { DocumentAnonymisationError, UncleanableFileError } from './anonymisation.errors';
export type { NameWarning } from './name-matcher';
export type { RemovalKind } from './cleaning-context';

/** The office packages the pipeline opens, with what each must hold to be what it claims. */
const PACKAGES: Record<
  string,
  { kind: 'ooxml'; main: string } | { kind: 'odf'; mimetype: string }
> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    kind: 'ooxml',
    main: OOXML_MAIN_PARTS.docx,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    kind: 'ooxml',
    main: OOXML_MAIN_PARTS.xlsx,
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    kind: 'ooxml',
    main: OOXML_MAIN_PARTS.pptx,
  },
  'application/vnd.oasis.opendocument.text': {
    kind: 'odf',
    mimetype: 'application/vnd.oasis.opendocument.text',
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    kind: 'odf',
    mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
  },
  'application/vnd.oasis.opendocument.presentation': {
    kind: 'odf',
    mimetype: 'application/vnd.oasis.opendocument.presentation',
  },
};

/** How the messages name each family, for "is not a Word document" and the like. */
const PACKAGE_WORDS: Record<string, string> = {
  [OOXML_MAIN_PARTS.docx]: 'a Word document',
  [OOXML_MAIN_PARTS.xlsx]: 'an Excel workbook',
  [OOXML_MAIN_PARTS.pptx]: 'a PowerPoint presentation',
  'application/vnd.oasis.opendocument.text': 'an OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'an OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'an OpenDocument presentation',
};

const PDF = 'application/pdf';
const MARKDOWN = 'text/markdown';
const PLAIN_TEXTS = ['text/plain', 'text/csv'];
const SVG = 'image/svg+xml';

/** Every media type whose files the pipeline can clean; anything else is held or refused. */
export const CLEANABLE_MEDIA_TYPES: readonly string[] = [
  ...Object.keys(PACKAGES),
  PDF,
  MARKDOWN,
  ...PLAIN_TEXTS,
  ...CLEANABLE_IMAGE_TYPES,
  SVG,
];

export function isCleanableMediaType(mediaType: string): boolean {
  return CLEANABLE_MEDIA_TYPES.includes(mediaType);
}

/**
 * Parts of a package with nothing of a person in them but their bytes: fonts, metafiles, a
 * bitmap. They are kept as they are once their bytes are searched for the names.
 */
const OPAQUE_PART = /\.(ttf|otf|odttf|fntdata|woff2?|emf|wmf|emz|wmz|svm|bmp|pict?|wdp|jxr)$/iu;
/**
 * A StarView metafile: the picture LibreOffice stores for each embedded object as
 * ObjectReplacements/Object N, with no extension, so it is known by its magic.
 */
const isStarViewMetafile = (input: Uint8Array) =>
  Buffer.from(input.buffer, input.byteOffset, Math.min(input.length, 6)).toString('latin1') ===
  'VCLMTF';
/** Legacy OLE objects and macro projects: compound files that can hold a name anywhere. */
const OLE_PART = /(oleObject\d*\.bin|vbaProject\.bin|\.bin)$/iu;

export interface AnonymiseOptions {
  /** Every name to look for as written ("Leila Benali", «ليلى بنعلي»): contributors or reviewers. */
  contributorNames: readonly string[];
  /** The archive limits (tests and benchmarks lower them). */
  limits?: Readonly<ArchiveLimits>;
}

/** What one run removed and found: stored with the file and shown to the editor and uploader. */
export interface AnonymisationReport {
  /** Human-readable, e.g. 'docProps/core.xml dc:creator', 'word/media/image1.jpeg image metadata (EXIF, XMP)'. */
  removed: string[];
  /** How many of each kind were removed. */
  summary: Record<RemovalKind, number>;
  /** Files inside the upload that were cleaned in turn, by their path in it. */
  embeddedCleaned: string[];
  /** Mentions of a contributor left in the copy: where, with page, paragraph or line. */
  nameWarnings: NameWarning[];
  /** False when some text could not be searched for names (see unreadText): check by eye. */
  bodyTextChecked: boolean;
  /** The files whose text could not be read ('' for the upload itself). */
  unreadText: string[];
}

/**
 * The report as stored with a file (jsonb): the run's report, or only `heldReason` when the file
 * could not be cleaned. Rows from before the full report have removed, nameWarnings and
 * bodyTextChecked only.
 */
export interface StoredAnonymisation extends Partial<AnonymisationReport> {
  /** Why the file could not be cleaned, in words for the editor and the uploader. */
  heldReason?: string;
}

export interface AnonymisedFile extends AnonymisationReport {
  content: Buffer;
}

/** The family of a file found inside another, from its bytes (and its name for opaque parts). */
async function sniff(input: Uint8Array, name: string): Promise<string | undefined> {
  const detected = await fromBuffer(input);
  if (detected) return detected.mime;
  const head = Buffer.from(input.buffer, input.byteOffset, Math.min(input.length, 512))
    .toString('utf8')
    .trimStart();
  if (/\.svgz?$/iu.test(name) || /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg\b/u.test(head))
    return SVG;
  return undefined;
}

/** Last segment of a location: the part's own name. */
const partName = (ctx: CleaningContext) => ctx.at('').split(INSIDE).pop() ?? '';

/** Bytes kept as they are: refused if a contributor's name is in them, as UTF-8 or UTF-16. */
function keepOpaque(input: Uint8Array, ctx: CleaningContext): Uint8Array {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  for (const term of ctx.terms) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const needle = Buffer.from(term.display, encoding);
      if (needle.length >= 4 && bytes.includes(needle))
        throw new UncleanableFileError(
          `${ctx.where} names ${term.display} in a form Tahkim cannot edit`,
        );
    }
  }
  return input;
}

/** Opens a zip and cleans it as the office package it is; `expected` when the type was claimed. */
async function anonymisePackage(
  input: Buffer,
  ctx: CleaningContext,
  expected?: (typeof PACKAGES)[string],
): Promise<Buffer> {
  ctx.budget.enter(ctx.depth, ctx.where);
  const pkg = await ZipPackage.load(input, ctx.where, ctx.budget, ctx.path);
  if (expected?.kind === 'ooxml') {
    if (!isOoxmlPackage(pkg) || !pkg.has(expected.main))
      throw new DocumentAnonymisationError(`${ctx.where} is not ${PACKAGE_WORDS[expected.main]}`);
    return anonymiseOoxml(pkg, ctx);
  }
  if (expected?.kind === 'odf') {
    if (odfMimetypeOf(pkg) !== expected.mimetype)
      throw new DocumentAnonymisationError(
        `${ctx.where} is not ${PACKAGE_WORDS[expected.mimetype]}`,
      );
    return anonymiseOdf(pkg, ctx);
  }
  if (isOoxmlPackage(pkg)) return anonymiseOoxml(pkg, ctx);
  if (odfMimetypeOf(pkg)) return anonymiseOdf(pkg, ctx);
  throw new UncleanableFileError(
    `${ctx.where} is a zip archive, which Tahkim cannot clean (only office documents)`,
  );
}

/** Cleans a file of a known media type; unknown types are uncleanable. */
async function cleanAs(input: Buffer, mediaType: string, ctx: CleaningContext): Promise<Buffer> {
  const pkg = PACKAGES[mediaType];
  if (pkg) return anonymisePackage(input, ctx, pkg);
  if (mediaType === PDF) return anonymisePdf(input, ctx);
  if (mediaType === MARKDOWN) return anonymiseMarkdown(input, ctx);
  if (PLAIN_TEXTS.includes(mediaType)) return anonymisePlainText(input, ctx);
  if (mediaType === SVG) return anonymiseSvg(input, ctx);
  if (mediaType === 'application/zip')
    // Not opened: an archive holds files of any kind, which nobody can promise to clean.
    throw new UncleanableFileError(`${ctx.where} is a zip archive, which Tahkim cannot clean`);
  if (CLEANABLE_IMAGE_TYPES.includes(mediaType)) {
    // A name drawn in the picture cannot be searched for: an uploaded image says so. (Inside a
    // document, images are the document's figures, and the document's text is what is read.)
    if (ctx.depth === 0) ctx.bodyNotChecked();
    return anonymiseImage(input, mediaType, ctx);
  }
  throw new UncleanableFileError(
    `${ctx.where} is of a type Tahkim cannot clean (${mediaType || 'unknown'})`,
  );
}

/** The pipeline as it runs on a file found inside another. */
async function cleanNested(input: Uint8Array, ctx: CleaningContext): Promise<Uint8Array> {
  const name = partName(ctx);
  const mediaType = await sniff(input, name);
  let output: Uint8Array;
  if (mediaType === 'application/x-cfb' || (!mediaType && OLE_PART.test(name)))
    throw new UncleanableFileError(
      `${ctx.where} is an embedded OLE object or macro project, which Tahkim cannot clean`,
    );
  if (mediaType === 'application/zip' || (mediaType && PACKAGES[mediaType]))
    output = await anonymisePackage(Buffer.from(input), ctx);
  else if (mediaType && isCleanableMediaType(mediaType))
    output = await cleanAs(Buffer.from(input), mediaType, ctx);
  else if (OPAQUE_PART.test(name) || mediaType === 'image/bmp' || isStarViewMetafile(input))
    output = keepOpaque(input, ctx);
  else
    throw new UncleanableFileError(
      `${ctx.where} is of a type Tahkim cannot clean (${mediaType ?? 'unknown'})`,
    );
  ctx.cleanedEmbedded();
  return output;
}

/**
 * Runs the pipeline over one uploaded file. `mediaType` is what the upload was detected as (by
 * content); the file must be that.
 */
export async function anonymiseFile(
  input: Buffer,
  mediaType: string,
  options: AnonymiseOptions,
): Promise<AnonymisedFile> {
  const terms: NameTerm[] = compileNames(options.contributorNames);
  const ctx = CleaningContext.root(terms, cleanNested, options.limits ?? DEFAULT_ARCHIVE_LIMITS);
  let content: Buffer;
  try {
    content = await cleanAs(input, mediaType, ctx);
  } catch (error) {
    if (error instanceof DocumentAnonymisationError || error instanceof ArchiveLimitError)
      throw error;
    // A library's own message ("Cannot read properties of undefined") is not for the uploader.
    throw new DocumentAnonymisationError(`${ctx.where} could not be read`, { cause: error });
  }
  return {
    content,
    removed: ctx.removedList,
    summary: ctx.summary(),
    embeddedCleaned: ctx.embedded,
    nameWarnings: ctx.warnings,
    bodyTextChecked: ctx.unread.length === 0,
    unreadText: ctx.unread,
  };
}

/** The report of a run, without the bytes: what is stored and shown. */
export function reportOf(file: AnonymisedFile): AnonymisationReport {
  const { content: _content, ...report } = file;
  return report;
}
