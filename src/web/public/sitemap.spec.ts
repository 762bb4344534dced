import { robotsTxt, sitemapPartOf, sitemapXml, type SitemapPage } from './sitemap';

const SITE = 'https://journals.example/';
const pages: SitemapPage[] = [
  { path: '/', lastmod: new Date('2026-03-01T10:00:00.123Z'), defaultLocale: null },
  { path: '/j/revue/about', lastmod: null, defaultLocale: 'fr' },
];
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

describe('sitemapXml', () => {
  it('one <url> per page and language, each naming every language and x-default', () => {
    const xml = sitemapXml(pages, SITE, undefined);
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/,
    );
    expect(locs(xml)).toEqual([
      'https://journals.example/ar/',
      'https://journals.example/en/',
      'https://journals.example/fr/',
      'https://journals.example/ar/j/revue/about',
      'https://journals.example/en/j/revue/about',
      'https://journals.example/fr/j/revue/about',
    ]);
    expect(xml.match(/<lastmod>2026-03-01T10:00:00Z<\/lastmod>/g)).toHaveLength(3);
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="x-default" href="https://journals.example/"/>',
    );
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="x-default" href="https://journals.example/fr/j/revue/about"/>',
    );
  });

  it('past the limit, an index of parts, each a sitemap of its share', () => {
    const index = sitemapXml(pages, SITE, undefined, 4);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locs(index)).toEqual([
      'https://journals.example/sitemap.xml?part=1',
      'https://journals.example/sitemap.xml?part=2',
    ]);
    expect(locs(sitemapXml(pages, SITE, 1, 4))).toHaveLength(4);
    expect(locs(sitemapXml(pages, SITE, 2, 4))).toEqual([
      'https://journals.example/en/j/revue/about',
      'https://journals.example/fr/j/revue/about',
    ]);
    expect(() => sitemapXml(pages, SITE, 3, 4)).toThrow(/no part 3/);
    // One document has no parts.
    expect(() => sitemapXml(pages, SITE, 1)).toThrow(/no part 1/);
  });
});

describe('sitemapPartOf', () => {
  it('reads ?part=, refusing anything but a whole number from 1', () => {
    expect(sitemapPartOf(undefined)).toBeUndefined();
    expect(sitemapPartOf('2')).toBe(2);
    for (const bad of ['0', '-1', 'x', '1e3', ['1', '2']])
      expect(() => sitemapPartOf(bad)).toThrow(/whole number/);
  });
});

describe('robotsTxt', () => {
  it('names the sitemap by its absolute address and keeps crawlers out of workspaces and searches', () => {
    const robots = robotsTxt(SITE);
    expect(robots).toMatch(/^User-agent: \*\n/);
    expect(robots).toContain('\nSitemap: https://journals.example/sitemap.xml\n');
    for (const rule of ['/api/', '/*/login', '/*/account/', '/*/j/*/search'])
      expect(robots).toContain(`\nDisallow: ${rule}\n`);
  });
});
