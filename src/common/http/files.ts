import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * The body of a multipart upload as services see it: headers and a stream, no framework type.
 * It is read only when the service has checked that the caller may upload (FileIntake streams
 * it into storage), so nothing is stored for someone who may not.
 */
export interface UploadSource {
  headers: IncomingHttpHeaders;
  pipe<T extends NodeJS.WritableStream>(destination: T): T;
}

/** A file received and stored (content-addressed), with its type decided from its content. */
export interface ReceivedFile {
  key: string;
  sha256: string;
  size: number;
  mediaType: string;
  /** Kept for display only: no path parts, no control characters, bounded length. */
  originalName: string;
}

/**
 * A file a service hands back for download. The edge streams it as an attachment with its type,
 * `nosniff` and a sandboxing CSP, so an uploaded file can never run as a page of this site.
 */
export interface FileDownload {
  kind: 'file-download';
  content: Readable;
  mediaType: string;
  /** Shown to the person downloading; RFC 6266/5987-encoded on the way out. */
  fileName: string;
  /** `private, no-store` unless the service says otherwise (published galleys are public). */
  cacheControl?: string;
  etag?: string;
}

export function fileDownload(
  content: Readable,
  file: { mediaType: string; fileName: string },
  options: { cacheControl?: string; etag?: string } = {},
): FileDownload {
  return { kind: 'file-download', content, ...file, ...options };
}

export function isFileDownload(value: unknown): value is FileDownload {
  return (value as FileDownload | null)?.kind === 'file-download';
}

/** `@UploadBody() upload: UploadSource` on an upload route: the request's multipart body. */
export const UploadBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): UploadSource => context.switchToHttp().getRequest(),
);
