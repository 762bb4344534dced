import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';

/**
 * The web's routes, which live outside the API's `/api` prefix. Each pattern matches route
 * paths as controllers declare them, and web routes begin with the literal `:locale` (escaped
 * here, so that `\:locale` matches only that text and no API route such as `me` or `oai`).
 */
export const WEB_ROUTES: RouteInfo[] = [
  { path: '/', method: RequestMethod.GET },
  { path: '\\:locale', method: RequestMethod.ALL },
  { path: '\\:locale/{*rest}', method: RequestMethod.ALL },
  // What crawlers read at the root.
  { path: 'sitemap.xml', method: RequestMethod.GET },
  { path: 'robots.txt', method: RequestMethod.GET },
  // An article's address before the site had pages, which earlier exports and PDFs gave.
  { path: 'journals/:slug/articles/:id', method: RequestMethod.GET },
];
