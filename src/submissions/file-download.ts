import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { FileStorage } from '../storage/file-storage';
import type { SubmissionFile } from './entities/submission-file.entity';

// For decisions, production, publishing, reviews and typesetting, until their routes return a
// FileDownload (common/http/files) as this feature's do.
/**
 * Streams a stored submission file as a download. Always an attachment with the detected media
 * type and `nosniff`, so an uploaded file can never run as a page of this site; the original
 * name travels RFC 6266/5987-encoded (Arabic names survive), with an ASCII fallback.
 */
export async function sendSubmissionFile(
  response: Response,
  storage: FileStorage,
  file: Pick<SubmissionFile, 'originalName' | 'mediaType'>,
  key: string,
  // Private unless the caller says otherwise: only published galleys are for any cache.
  cacheControl = 'private, no-store',
): Promise<void> {
  const stream = await storage.get(key);
  const ascii = file.originalName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  response.setHeader('Content-Type', file.mediaType);
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
  );
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', cacheControl);
  await pipeline(stream, response);
}
