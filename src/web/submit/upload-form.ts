import busboy from 'busboy';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { UploadSource } from '../../common/http/files';

/** A multipart form as the files step receives it: its fields before the file, and the file. */
export interface UploadForm {
  /** The text fields that came before the file (`genre`). */
  fields: Record<string, string>;
  /** The file, as a one-file multipart body FileIntake reads; null when none was chosen. */
  file: UploadSource | null;
  /** Reads the file to its end and drops it (a form refused before the file is stored). */
  skip(): void;
}

/** Bounds on the text fields read before the file. */
const LIMITS = { fields: 10, fieldSize: 1024, files: 1, parts: 12 };

/** A file name inside a multipart header, as browsers write it (raw UTF-8, `"` escaped). */
const quoted = (fileName: string) => fileName.replace(/[\r\n]/g, '').replace(/"/g, '%22');

/**
 * Reads a browser's multipart upload form up to its file. The upload API takes the kind of file
 * (`genre`) in its address, but a form without script can only send it as a field: the field
 * comes first (the page's order), and the file then streams on to FileIntake, as a body of its
 * own with only the file in it, never held whole in memory. Nothing is read of the file until
 * the service pipes it (after its checks).
 */
export function readUploadForm(request: UploadSource): Promise<UploadForm> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: LIMITS });
    } catch {
      resolve({ fields: {}, file: null, skip: () => undefined });
      return;
    }
    const fields: Record<string, string> = {};
    let settled = false;
    parser.on('field', (name, value) => {
      if (!settled) fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      // A form sent with no file chosen still has the part, with no name and no bytes.
      if (field !== 'file' || settled || !info.filename) {
        stream.resume();
        return;
      }
      settled = true;
      const boundary = `tahkim-${randomBytes(16).toString('hex')}`;
      resolve({
        fields,
        skip: () => {
          stream.unpipe();
          stream.resume();
        },
        file: {
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          pipe<T extends NodeJS.WritableStream>(destination: T): T {
            const body = new PassThrough();
            body.write(
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(info.filename ?? 'file')}"\r\n` +
                'Content-Type: application/octet-stream\r\n\r\n',
            );
            stream.on('error', (error) => body.destroy(error));
            stream.on('end', () => body.end(`\r\n--${boundary}--\r\n`));
            stream.pipe(body, { end: false });
            return body.pipe(destination);
          },
        },
      });
    });
    parser.on('error', (error) => {
      if (!settled) reject(error instanceof Error ? error : new Error(String(error)));
    });
    parser.on('close', () => {
      if (!settled) resolve({ fields, file: null, skip: () => undefined });
    });
    request.pipe(parser);
  });
}
