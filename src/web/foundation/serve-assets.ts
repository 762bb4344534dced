import type { NextFunction, Request, Response } from 'express';
import type { AssetPipeline } from './assets';

/** A hashed name never changes content: any cache may keep it for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the assets from memory, ahead of Nest's routing (no guard, session lookup or rate-limit
 * count for a stylesheet): the precompressed form the client accepts (Brotli, else gzip), an
 * ETag and 304. An address that names no asset (an old hash, a typo) goes on to the 404.
 */
export function serveAssets(pipeline: AssetPipeline) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const asset = pipeline.served(request.originalUrl.split('?')[0]);
    if (!asset) return next();
    response.setHeader('Cache-Control', IMMUTABLE);
    response.setHeader('Content-Type', asset.contentType);
    response.setHeader('ETag', asset.etag);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (asset.gzip) response.setHeader('Vary', 'Accept-Encoding');
    const known = (request.headers['if-none-match'] ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (known.includes(asset.etag)) {
      response.status(304).end();
      return;
    }
    const encoding = asset.gzip ? request.acceptsEncodings('br', 'gzip', 'identity') : false;
    const body = encoding === 'br' ? asset.brotli! : encoding === 'gzip' ? asset.gzip! : asset.body;
    if (encoding === 'br' || encoding === 'gzip') response.setHeader('Content-Encoding', encoding);
    response.setHeader('Content-Length', body.length);
    response.status(200);
    if (request.method === 'HEAD') response.end();
    else response.end(body);
  };
}
