import type { Response } from 'express';
import { PUBLIC_PAGE_CACHE } from '../foundation/web-page.interceptor';

/**
 * A document that is the same for every visitor (a feed, the sitemap, robots.txt), as the
 * answer: its type, and the caching of public pages. Express gives it an ETag and answers a
 * revalidation with 304. Set once the document is made, so that an error keeps its own headers.
 */
export function publicDocument(response: Response, mediaType: string, body: string): string {
  response.setHeader('Content-Type', `${mediaType}; charset=utf-8`);
  response.setHeader('Cache-Control', PUBLIC_PAGE_CACHE);
  return body;
}
