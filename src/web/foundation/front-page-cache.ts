import type { NextFunction, Request, Response } from 'express';
import type { Locale } from '../../common/i18n/locale';
import type { RenderedPage } from './page-responses';

/** Sessions and one-time messages make a page the visitor's own: never served from here. */
const PERSONAL_COOKIES = /(?:^|;\s*)(tahkim_session|tahkim_flash)=/;
/** The public pages that may be kept: an address in a language, without a query. */
const PAGE_ADDRESS = /^\/(ar|en|fr)\/[^?#]*$/;

/**
 * Says whether a page kept for an address still shows the current public record: the stamp of
 * the record it was rendered from, now (null: unknown, so nothing kept is trusted). The public
 * catalogue's cache gives it (src/web/public/catalogue-cache.ts).
 */
export interface PageFreshness {
  stampOf(address: string): string | null;
}

interface FrontEntry {
  stamp: string;
  page: RenderedPage;
  locale: Locale;
}

/**
 * The rendered public pages of signed-out visitors, by their address, served ahead of Nest's
 * routing, guards and interceptors (as the assets are): for readers and indexers, who are most
 * of a journal's traffic, a kept page costs a map lookup. A page is kept when the page
 * interceptor renders it with a cache key (see PageOptions.cacheKey), with the stamp of the
 * public record it shows; it is served only while PageFreshness gives the same stamp, so a
 * publication, a correction or a journal's new settings make it unreachable at once.
 */
export class FrontPageCache {
  private readonly entries = new Map<string, FrontEntry>();
  private freshness: PageFreshness | null = null;

  constructor(readonly maxEntries = 2_000) {}

  /** Who says what is current; until someone does, nothing is served from here. */
  useFreshness(freshness: PageFreshness): void {
    this.freshness = freshness;
  }

  remember(address: string, stamp: string, page: RenderedPage, locale: Locale): void {
    if (!PAGE_ADDRESS.test(address)) return;
    this.entries.delete(address);
    this.entries.set(address, { stamp, page, locale });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /** The page kept for `address`, if it still shows the current record. */
  lookup(address: string): FrontEntry | null {
    const entry = this.entries.get(address);
    if (!entry) return null;
    if (!this.freshness || this.freshness.stampOf(address) !== entry.stamp) {
      this.entries.delete(address);
      return null;
    }
    this.entries.delete(address);
    this.entries.set(address, entry);
    return entry;
  }
}

/**
 * The middleware: a GET or HEAD of a kept page by a visitor without a session answers from
 * memory with the headers the page interceptor gives it (ETag and 304, Brotli or gzip as
 * accepted, `Cache-Control: public, max-age=300`); anything else goes on to Nest.
 */
export function serveFrontPages(cache: FrontPageCache, cacheControl: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    // Signed in (a session cookie, or a program's bearer token) or told something once: theirs.
    if (request.headers.authorization || PERSONAL_COOKIES.test(request.headers.cookie ?? ''))
      return next();
    const address = request.originalUrl;
    if (!PAGE_ADDRESS.test(address)) return next();
    const entry = cache.lookup(address);
    if (!entry) return next();
    const { page } = entry;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Language', entry.locale);
    response.setHeader('Cache-Control', cacheControl);
    response.setHeader('ETag', page.etag);
    response.setHeader('Vary', 'Accept-Encoding');
    const known = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
    if (known.includes(page.etag)) {
      response.status(304).end();
      return;
    }
    const encoding = page.compressible ? request.acceptsEncodings('br', 'gzip', 'identity') : false;
    const body =
      encoding === 'br' || encoding === 'gzip' ? page.body(encoding) : Buffer.from(page.html);
    if (encoding === 'br' || encoding === 'gzip') response.setHeader('Content-Encoding', encoding);
    response.setHeader('Content-Length', body.length);
    response.status(200);
    if (request.method === 'HEAD') response.end();
    else response.end(body);
  };
}
