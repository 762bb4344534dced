import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { type FileDownload, isFileDownload } from './files';

/** `attachment; filename="…"; filename*=UTF-8''…`: Arabic names survive, with an ASCII fallback. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The headers every download carries, whatever route serves it. */
function setDownloadHeaders(response: Response, download: FileDownload): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', download.cacheControl ?? 'private, no-store');
  if (download.etag) response.setHeader('ETag', download.etag);
}

/**
 * Controllers return the FileDownload their service hands back; this turns it into a streamed
 * attachment (Nest's StreamableFile, which also ends the stream if the client goes away).
 * Everything else passes through as JSON.
 */
@Injectable()
export class FileDownloadInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!isFileDownload(value)) return value;
        setDownloadHeaders(context.switchToHttp().getResponse<Response>(), value);
        return new StreamableFile(value.content, {
          type: value.mediaType,
          disposition: contentDisposition(value.fileName),
        });
      }),
    );
  }
}
