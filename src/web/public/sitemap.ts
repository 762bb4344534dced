import { type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import { element, serializeXmlDocument, textElement, type XmlElement } from '../../publishing';
import { xmlDate } from './published-articles';

/** A sitemap lists at most this many addresses (sitemaps.org); past it, a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000;

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** A public page, which has an address in each language the site speaks. */
export interface SitemapPage {
  /** Its address after the language: `/`, `/j/volunteering/about`. */
  path: string;
  /** When what it shows last changed, as far as the published record says; null if unknown. */
  lastmod: Date | null;
  /** Where `x-default` sends: the journal's primary language; null for the site's root (`/`). */
  defaultLocale: Locale | null;
}

/** One `<url>` per page and language, each naming every language's address (hreflang). */
function urlsOf(pages: SitemapPage[], base: string): XmlElement[] {
  return pages.flatMap((page) => {
    const addressIn = (locale: Locale) => `${base}/${locale}${page.path}`;
    const alternates = [
      ...SUPPORTED_LOCALES.map((locale) => ({ hreflang: locale, href: addressIn(locale) })),
      {
        hreflang: 'x-default',
        href: page.defaultLocale ? addressIn(page.defaultLocale) : `${base}/`,
      },
    ];
    return SUPPORTED_LOCALES.map((locale) =>
      element('url', {}, [
        textElement('loc', addressIn(locale)),
        page.lastmod && textElement('lastmod', xmlDate(page.lastmod)),
        ...alternates.map((alternate) => element('xhtml:link', { rel: 'alternate', ...alternate })),
      ]),
    );
  });
}

/**
 * The sitemap of these pages (sitemaps.org 0.9, with `xhtml:link` alternates as search engines
 * read them): one document while the addresses fit in one, else `/sitemap.xml` is an index of
 * its parts, `/sitemap.xml?part=1`…, each a sitemap. `part` is the part asked for, if any.
 */
export function sitemapXml(
  pages: SitemapPage[],
  publicUrl: string,
  part: number | undefined,
  maxUrls = SITEMAP_MAX_URLS,
): string {
  const base = publicUrl.replace(/\/+$/, '');
  const urls = urlsOf(pages, base);
  const parts = Math.max(1, Math.ceil(urls.length / maxUrls));
  if (part !== undefined && (part < 1 || part > parts || parts === 1))
    throw httpProblems.raise('not-found', `There is no part ${part} of the sitemap`);
  const urlset = (from: number) =>
    serializeXmlDocument(
      element('urlset', { xmlns: SITEMAP, 'xmlns:xhtml': XHTML }, urls.slice(from, from + maxUrls)),
    );
  if (part !== undefined) return urlset((part - 1) * maxUrls);
  if (parts === 1) return urlset(0);
  const lastmod = pages
    .map((page) => page.lastmod?.getTime() ?? 0)
    .reduce((a, b) => Math.max(a, b), 0);
  return serializeXmlDocument(
    element(
      'sitemapindex',
      { xmlns: SITEMAP },
      Array.from({ length: parts }, (_, index) =>
        element('sitemap', {}, [
          textElement('loc', `${base}/sitemap.xml?part=${index + 1}`),
          lastmod > 0 && textElement('lastmod', xmlDate(new Date(lastmod))),
        ]),
      ),
    ),
  );
}

/** The part a sitemap address asks for (`?part=2`), or undefined for `/sitemap.xml` itself. */
export function sitemapPartOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value))
    throw httpProblems.raise('invalid-value', 'The part of the sitemap is a whole number from 1');
  return Number(value);
}

/**
 * robots.txt: crawlers may read the public site and its published files; not the workspaces,
 * the API, the language switcher (it only redirects) nor search results (endless, and noindex).
 * Names the sitemap by its absolute address.
 */
export function robotsTxt(publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return [
    'User-agent: *',
    // Published files are served by the public API until they have addresses under the article.
    'Allow: /api/public/journals/*/galleys/',
    'Allow: /api/public/journals/*/issues/*/cover',
    'Disallow: /api/',
    'Disallow: /health/',
    'Disallow: /*/login',
    'Disallow: /*/account/',
    'Disallow: /*/admin/',
    'Disallow: /*/language',
    'Disallow: /*/j/*/search',
    'Disallow: /*/j/*/submit/',
    'Disallow: /*/j/*/reviews/',
    'Disallow: /*/j/*/editor/',
    'Disallow: /*/j/*/manage/',
    '',
    `Sitemap: ${base}/sitemap.xml`,
    '',
  ].join('\n');
}
