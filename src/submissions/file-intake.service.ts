import { Injectable } from '@nestjs/common';
import busboy from 'busboy';
import { fromBuffer } from 'file-type';
import { Transform, type TransformCallback } from 'node:stream';
import type { ReceivedFile, UploadSource } from '../common/http/files';
import { FileStorage } from '../storage/file-storage';
import type { FileGenre } from './entities/submission-file.entity';
import { submissionProblems } from './submissions.problems';

// Control characters are exactly what these two look for.
// eslint-disable-next-line no-control-regex
const BINARY_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/g;

/** Enough bytes for every signature file-type knows. */
const SNIFF_BYTES = 4100;

export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
  markdown: 'text/markdown',
  text: 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odp: 'application/vnd.oasis.opendocument.presentation',
  xml: 'application/xml',
  epub: 'application/epub+zip',
} as const;

const EXTENSIONS: Record<string, string> = {
  [MEDIA_TYPES.docx]: 'docx',
  [MEDIA_TYPES.odt]: 'odt',
  [MEDIA_TYPES.pdf]: 'pdf',
  [MEDIA_TYPES.markdown]: 'md',
  [MEDIA_TYPES.text]: 'txt',
  [MEDIA_TYPES.csv]: 'csv',
  [MEDIA_TYPES.xlsx]: 'xlsx',
  [MEDIA_TYPES.ods]: 'ods',
  [MEDIA_TYPES.zip]: 'zip',
  [MEDIA_TYPES.png]: 'png',
  [MEDIA_TYPES.jpeg]: 'jpg',
  [MEDIA_TYPES.tiff]: 'tif',
  [MEDIA_TYPES.webp]: 'webp',
  [MEDIA_TYPES.gif]: 'gif',
  [MEDIA_TYPES.svg]: 'svg',
  [MEDIA_TYPES.pptx]: 'pptx',
  [MEDIA_TYPES.odp]: 'odp',
  [MEDIA_TYPES.xml]: 'xml',
  [MEDIA_TYPES.epub]: 'epub',
};

/** The usual file extension of a media type we accept, for names we make up ourselves. */
export function extensionOf(mediaType: string): string {
  return EXTENSIONS[mediaType] ?? 'bin';
}

/**
 * What an upload is for: a kind of submission file, a reviewer's attachment to a review, or an
 * editor's attachment to a decision letter.
 */
export type UploadKind = FileGenre | 'review_attachment' | 'letter_attachment';

const IMAGES = [
  MEDIA_TYPES.png,
  MEDIA_TYPES.jpeg,
  MEDIA_TYPES.tiff,
  MEDIA_TYPES.webp,
  MEDIA_TYPES.gif,
  MEDIA_TYPES.svg,
] as const;
/** What a reviewer or an editor may attach: what the anonymisation pipeline can clean. */
const ATTACHMENTS = [
  MEDIA_TYPES.docx,
  MEDIA_TYPES.odt,
  MEDIA_TYPES.pdf,
  MEDIA_TYPES.markdown,
  MEDIA_TYPES.text,
  MEDIA_TYPES.xlsx,
  MEDIA_TYPES.ods,
  MEDIA_TYPES.csv,
  MEDIA_TYPES.pptx,
  MEDIA_TYPES.odp,
  ...IMAGES,
] as const;

/** What each kind of file may be, by its content. */
const ALLOWED: Record<UploadKind, readonly string[]> = {
  manuscript: [MEDIA_TYPES.docx, MEDIA_TYPES.odt, MEDIA_TYPES.pdf, MEDIA_TYPES.markdown],
  cover_letter: [MEDIA_TYPES.docx, MEDIA_TYPES.odt, MEDIA_TYPES.pdf, MEDIA_TYPES.markdown],
  figure: [...IMAGES, MEDIA_TYPES.pdf],
  table: [
    MEDIA_TYPES.docx,
    MEDIA_TYPES.odt,
    MEDIA_TYPES.xlsx,
    MEDIA_TYPES.ods,
    MEDIA_TYPES.csv,
    MEDIA_TYPES.pdf,
  ],
  dataset: [MEDIA_TYPES.csv, MEDIA_TYPES.xlsx, MEDIA_TYPES.ods, MEDIA_TYPES.zip, MEDIA_TYPES.text],
  supplementary: [
    MEDIA_TYPES.docx,
    MEDIA_TYPES.odt,
    MEDIA_TYPES.pdf,
    MEDIA_TYPES.markdown,
    MEDIA_TYPES.xlsx,
    MEDIA_TYPES.ods,
    MEDIA_TYPES.csv,
    MEDIA_TYPES.pptx,
    MEDIA_TYPES.odp,
    MEDIA_TYPES.zip,
    ...IMAGES,
  ],
  copyedited: [MEDIA_TYPES.docx, MEDIA_TYPES.odt, MEDIA_TYPES.pdf, MEDIA_TYPES.markdown],
  // Proofs, JATS XML (with its XML declaration) and e-books.
  galley: [MEDIA_TYPES.pdf, MEDIA_TYPES.xml, MEDIA_TYPES.epub],
  review_attachment: ATTACHMENTS,
  letter_attachment: ATTACHMENTS,
};

const KIND_NAMES: Record<UploadKind, string> = {
  manuscript: 'manuscript',
  cover_letter: 'cover letter',
  figure: 'figure',
  table: 'table',
  dataset: 'dataset',
  supplementary: 'supplementary file',
  copyedited: 'copyedited file',
  galley: 'galley',
  review_attachment: 'file attached to a review',
  letter_attachment: 'file attached to a letter',
};

const badFile = (detail: string, status: 400 | 413 | 415 = 400) =>
  submissionProblems.raise('unacceptable-file', detail, undefined, status);

/** Keeps the first bytes for sniffing and stops the stream past the size limit. */
class SniffAndLimit extends Transform {
  head = Buffer.alloc(0);
  size = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limitBytes) {
      callback(
        badFile(
          `The file is larger than this journal accepts (${Math.round(this.limitBytes / 1024 / 1024)} MB)`,
          413,
        ),
      );
      return;
    }
    if (this.head.length < SNIFF_BYTES)
      this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
    callback(null, chunk);
  }
}

/** Plain text: valid UTF-8 without control characters other than tab and line breaks. */
function looksLikeText(head: Buffer): boolean {
  // A multi-byte character may be cut at the sniff boundary: ignore the last 3 bytes.
  const sample = head.subarray(0, Math.max(0, head.length - (head.length === SNIFF_BYTES ? 3 : 0)));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return !BINARY_IN_TEXT.test(text);
  } catch {
    return false;
  }
}

// An SVG drawing: its root element after an optional XML declaration, comments and doctype.
const SVG_ROOT =
  /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/u;
/** Kinds whose text files are documents (Markdown) rather than data (CSV, plain text). */
const DOCUMENT_KINDS: readonly UploadKind[] = [
  'manuscript',
  'cover_letter',
  'supplementary',
  'copyedited',
  'review_attachment',
  'letter_attachment',
];

async function detectMediaType(head: Buffer, genre: UploadKind): Promise<string | null> {
  const detected = await fromBuffer(head);
  // An SVG is XML or text by its bytes: told apart by its root, so that it is cleaned as an
  // image (its metadata removed), not read as Markdown.
  if ((!detected || detected.mime === MEDIA_TYPES.xml) && looksLikeText(head)) {
    if (SVG_ROOT.test(head.toString('utf8'))) return MEDIA_TYPES.svg;
  }
  if (detected) return detected.mime;
  if (!looksLikeText(head)) return null;
  // Text has no signature: for documents it is Markdown, for data CSV or plain text.
  if (DOCUMENT_KINDS.includes(genre)) return MEDIA_TYPES.markdown;
  const firstLine = head.toString('utf8').split(/\r?\n/, 1)[0];
  return firstLine.includes(',') || firstLine.includes(';') ? MEDIA_TYPES.csv : MEDIA_TYPES.text;
}

/**
 * Receives one multipart file upload as a stream into FileStorage (never whole in memory),
 * enforcing the size limit while it flows, then decides its type from its first bytes.
 * A refused upload leaves nothing behind (storage is content-addressed, so the same bytes may
 * already belong to another file: those stay).
 */
@Injectable()
export class FileIntake {
  constructor(private readonly storage: FileStorage) {}

  /**
   * @param isKeyInUse whether a file row already holds this content: refused content is
   *   deleted from storage only when nothing else uses it.
   */
  receive(
    source: UploadSource,
    genre: UploadKind,
    limitBytes: number,
    isKeyInUse: (key: string) => Promise<boolean>,
  ): Promise<ReceivedFile> {
    return new Promise((resolve, reject) => {
      if (!source.headers['content-type']?.startsWith('multipart/form-data')) {
        reject(badFile('Send the file as multipart/form-data in a field named "file"', 415));
        return;
      }
      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: source.headers,
          defParamCharset: 'utf8',
          limits: { files: 1, fields: 5, fileSize: limitBytes + 1 },
        });
      } catch (error) {
        reject(badFile(`The upload could not be read: ${(error as Error).message}`));
        return;
      }
      let handled = false;
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || handled) {
          stream.resume();
          return;
        }
        handled = true;
        const sniffer = new SniffAndLimit(limitBytes);
        stream.on('error', (error) => sniffer.destroy(error));
        const piped = stream.pipe(sniffer);
        this.storage
          .put(piped)
          .then(async (stored) => {
            const discard = async () => {
              if (!(await isKeyInUse(stored.key))) await this.storage.delete(stored.key);
            };
            if (sniffer.size === 0) {
              await discard();
              return reject(badFile('The file is empty'));
            }
            const mediaType = await detectMediaType(sniffer.head, genre);
            if (!mediaType || !ALLOWED[genre].includes(mediaType)) {
              await discard();
              return reject(
                badFile(
                  `A ${KIND_NAMES[genre]} must be one of: ${ALLOWED[genre].join(', ')}; this file's content is ${mediaType ?? 'not a recognised type'}` +
                    ' (the file name does not count)',
                  415,
                ),
              );
            }
            resolve({ ...stored, mediaType, originalName: sanitiseName(info.filename) });
          })
          .catch(reject);
      });
      parser.on('error', (error) =>
        reject(badFile(`The upload could not be read: ${(error as Error).message}`)),
      );
      parser.on('close', () => {
        if (!handled) reject(badFile('The request has no file in a field named "file"'));
      });
      source.pipe(parser);
    });
  }
}

/** Kept for display only: no path parts, no control characters, bounded length. */
function sanitiseName(name: string | undefined): string {
  const base = (name ?? 'file').split(/[\\/]/).pop() ?? 'file';
  const clean = base.replace(CONTROL_CHARACTERS, '').trim().slice(0, 255);
  return clean || 'file';
}
