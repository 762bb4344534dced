import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { INestApplicationContext } from '@nestjs/common';
import { type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { SUPPORTED_LOCALES, type Locale } from '../src/common/i18n/locale';
import { TypesettingRuns } from '../src/typesetting/typesetting-runs.service';
import { ArticlePages } from '../src/web/public/article-pages.service';
import { binaryBody } from './support/api-with-worker';
import { PNG } from './support/manuscripts';
import { signIn } from './support/sign-in';
import { eventually, startWorker } from './support/worker-context';
import {
  accessibilityViolations,
  directionOf,
  hreflangAlternates,
  launchBrowser,
  pageDirection,
  saveScreenshot,
  startWebApp,
  visitor,
  watchCsp,
  type WebApp,
} from './web/browser';

const SLUG = 'volunteering';
const JOURNAL_API = `/api/journals/${SLUG}`;
/** What a browser sends when it follows a link. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A published record as the database holds it: what the pages must say. */
interface Published {
  id: string;
  submission_id: string;
  locale: Locale;
  metadata: Record<string, { title: string; subtitle?: string | null; abstract?: string }>;
  contributors: {
    names: Record<string, { given: string; family?: string }>;
    affiliation: string | null;
    orcid: string | null;
  }[];
  doi: string;
  first_page: number;
  last_page: number;
  references: string[];
}

/** The <head>'s meta tags of a page, in order: [name or property, content]. */
function metaTags(html: string): [string, string][] {
  const document = parseDocument(html);
  const all = (nodes: typeof document.children): Element[] =>
    nodes.filter(isTag).flatMap((node) => [node, ...all(node.children)]);
  return all(document.children)
    .filter((node) => node.name === 'meta' && (node.attribs.name || node.attribs.property))
    .map((node) => [node.attribs.name ?? node.attribs.property, node.attribs.content]);
}

const values = (tags: [string, string][], name: string) =>
  tags.filter(([key]) => key === name).map(([, content]) => content);

/** `<link rel="…">`s of a page's head: [rel, href, type]. */
function headLinks(html: string): [string, string, string | undefined][] {
  return [
    ...html.matchAll(/<link rel="(canonical|alternate)" href="([^"]+)"(?: type="([^"]+)")?>/g),
  ].map((match) => [match[1], match[2].replaceAll('&#x3D;', '='), match[3]]);
}

/**
 * The archive, the issue page and the article page of the demo journal's public site, in
 * Arabic, English and French, with the issue typeset by the worker (PDF, HTML and JATS
 * galleys): accessibility, direction, indexing metadata checked against the published record,
 * citation files read back with citation-js, HTTP caching, the catalogue cache cleared by a
 * cover, a correction, a retraction and a publication, and 404 pages for what does not exist.
 */
describe('the archive, issues and articles of a journal’s public site', () => {
  let web: WebApp;
  let browser: Browser;
  let worker: INestApplicationContext;
  let editor: string;
  let arabic: Published;
  let french: Published;
  let issuePublishedAt: Date;
  /** The Arabic article's page as it was read before typesetting gave it its files. */
  let beforeTypesetting: string;
  const tabs = {} as Record<Locale, { context: BrowserContext; page: Page; csp: string[] }>;

  const http = () => request(web.app.getHttpServer());
  const html = (path: string) => http().get(path).set('Accept', BROWSER_ACCEPT);
  const articlePath = (locale: Locale, id = arabic.submission_id) =>
    `/${locale}/j/${SLUG}/articles/${id}`;
  const published = async (submissionId: string): Promise<Published> =>
    (
      await web.dataSource.query(
        `SELECT id, submission_id, locale, metadata, contributors, doi, first_page, last_page, "references"
           FROM publications WHERE submission_id = $1 AND status = 'published'
          ORDER BY version DESC LIMIT 1`,
        [submissionId],
      )
    )[0];

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const [{ submission_id: first }] = await web.dataSource.query(
      `SELECT submission_id FROM publications WHERE status = 'published' AND locale = 'ar'`,
    );
    beforeTypesetting = (await html(articlePath('ar', first)).expect(200)).text;
    ({ worker } = await startWorker(web.env.config));
    // The seed queued the published issue's typesetting; the worker makes its galleys.
    await worker.get(TypesettingRuns).requeueStale(0);
    await eventually(async () => {
      const [{ count }] = await web.dataSource.query(
        `SELECT count(*)::int AS count FROM galleys g JOIN publications p ON p.id = g.publication_id
          WHERE p.status = 'published' AND g.media_type = 'text/html'`,
      );
      return count === 2;
    }, 120_000);
    const rows: { submission_id: string; locale: Locale }[] = await web.dataSource.query(
      `SELECT submission_id, locale FROM publications WHERE status = 'published'`,
    );
    arabic = await published(rows.find((row) => row.locale === 'ar')!.submission_id);
    french = await published(rows.find((row) => row.locale === 'fr')!.submission_id);
    [{ published_at: issuePublishedAt }] = await web.dataSource.query(
      `SELECT published_at FROM issues WHERE volume = 1 AND number = 1`,
    );
    editor = await signIn(web.app, 'editor');
    for (const locale of SUPPORTED_LOCALES) {
      const context = await visitor(browser, web.baseUrl, { locale });
      const page = await context.newPage();
      tabs[locale] = { context, page, csp: watchCsp(page) };
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await web?.close();
  });

  /** Every page this part adds, by the name of its screenshot. */
  const PAGES: [string, () => string][] = [
    ['archive', () => `/j/${SLUG}/issues`],
    ['issue', () => `/j/${SLUG}/issues/1/1`],
    ['article', () => `/j/${SLUG}/articles/${arabic.submission_id}`],
    ['article-full-text', () => `/j/${SLUG}/articles/${arabic.submission_id}/html`],
  ];

  describe.each(PAGES)('%s', (name, path) => {
    it.each(SUPPORTED_LOCALES)(
      'in %s: language and direction, accessible, alternates, no CSP violation, screenshot',
      async (locale) => {
        const { page, csp } = tabs[locale];
        const response = await page.goto(`/${locale}${path()}`);
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await pageDirection(page)).toEqual(
          locale === 'ar'
            ? { direction: 'rtl', navigationSide: 'right' }
            : { direction: 'ltr', navigationSide: 'left' },
        );
        expect(await accessibilityViolations(page)).toEqual([]);
        const site = web.env.config.PUBLIC_URL;
        expect(await hreflangAlternates(page)).toEqual({
          ar: `${site}/ar${path()}`,
          en: `${site}/en${path()}`,
          fr: `${site}/fr${path()}`,
          'x-default': `${site}/ar${path()}`,
        });
        expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
          `${site}/${locale}${path()}`,
        );
        expect(await page.locator('[style]').count()).toBe(0);
        expect(csp).toEqual([]);
        await saveScreenshot(page, name, locale);
      },
    );
  });

  describe('what the pages show', () => {
    it('the archive: volume 1 with its issue, current, linked to the issue’s page', async () => {
      const { page } = tabs.en;
      await page.goto(`/en/j/${SLUG}/issues`);
      expect(await page.locator('h2').allTextContents()).toEqual(['Volume 1']);
      const card = page.locator('.issue-card');
      expect(await card.count()).toBe(1);
      expect(await card.locator('.badge').textContent()).toBe('Current issue');
      await card.locator('a').click();
      await page.waitForURL(`**/en/j/${SLUG}/issues/1/1`);
      expect(await page.locator('h1').textContent()).toMatch(
        /^Vol\. 1, No\. 1 \(\d{4}\): Opening issue/,
      );
    });

    it('the issue: contents by section with authors, pages, DOIs and files; the issue’s PDF', async () => {
      const { page } = tabs.ar;
      await page.goto(`/ar/j/${SLUG}/issues/1/1`);
      expect(await page.locator('.toc__section-title').allTextContents()).toEqual([
        'بحوث ودراسات',
        'تقارير ميدانية',
      ]);
      const first = page.locator('.toc-article').first();
      expect(await first.locator('h4 a').getAttribute('href')).toBe(articlePath('ar'));
      expect(await first.locator('.toc-article__authors').textContent()).toBe('مريم السيد');
      expect(await first.locator('.toc-article__meta').textContent()).toContain(
        `ص ${arabic.first_page}–${arabic.last_page}`,
      );
      expect(await first.locator('a[href^="https://doi.org/"]').getAttribute('href')).toBe(
        `https://doi.org/${arabic.doi}`,
      );
      // The French article's title in Arabic: it has one.
      expect(await page.locator('.toc-article h4 a').nth(1).textContent()).toBe(
        french.metadata.ar.title,
      );
      const issuePdf = await page.locator('.issue-head a.file-link').getAttribute('href');
      expect(issuePdf).toMatch(
        new RegExp(`^/ar/j/${SLUG}/issues/1/1/galleys/[0-9a-f-]{36}/volunteering-1-1\\.pdf$`),
      );
      const pdf = await http().get(issuePdf!).buffer(true).parse(binaryBody).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('the article in Arabic: its title, author, dates, DOI, licence, abstracts each in its direction', async () => {
      const { page } = tabs.ar;
      await page.goto(articlePath('ar'));
      expect(await page.locator('h1').textContent()).toBe(arabic.metadata.ar.title);
      expect(await page.locator('.article-author__name bdi').allTextContents()).toEqual([
        'مريم السيد',
      ]);
      expect(await page.locator('.article-author__affiliation').textContent()).toBe(
        arabic.contributors[0].affiliation,
      );
      expect(await page.locator('.article-facts dt').allTextContents()).toEqual([
        'تاريخ الاستلام',
        'تاريخ القبول',
        'تاريخ النشر',
        'الصفحات',
        'DOI',
      ]);
      expect(await page.locator('.article-facts time').nth(2).getAttribute('datetime')).toBe(
        issuePublishedAt.toISOString().slice(0, 10),
      );
      expect(await page.locator('a.article-doi').getAttribute('href')).toBe(
        `https://doi.org/${arabic.doi}`,
      );
      const licence = page.locator('a[rel="license"]');
      expect([await licence.textContent(), await licence.getAttribute('href')]).toEqual([
        'CC BY 4.0',
        'https://creativecommons.org/licenses/by/4.0/',
      ]);
      // The English abstract on the Arabic page reads left to right; the Arabic one right to left.
      expect(await directionOf(page, '.article-abstract__body[lang="en"]')).toBe('ltr');
      expect(await directionOf(page, '.article-abstract__body[lang="ar"]')).toBe('rtl');
      expect(await page.locator('.article-abstract h2').allTextContents()).toEqual([
        'الملخّص',
        'الملخّص باللغة \u2068الإنجليزية\u2069',
      ]);
      expect(await page.locator('.keywords__list[lang="en"] li').allTextContents()).toEqual([
        'digital volunteering',
        'platforms',
        'Gulf',
      ]);
      expect(await page.locator('.references li').allTextContents()).toEqual(arabic.references);
      const files = await page.locator('.file-link').allTextContents();
      expect(files.map((file) => file.trim())).toEqual(['PDF', 'النص الكامل (HTML)', 'JATS XML']);
    });

    it('the article in English: the Arabic title first, right to left, then its English title', async () => {
      const { page } = tabs.en;
      await page.goto(articlePath('en'));
      expect(await directionOf(page, 'h1')).toBe('rtl');
      expect(await page.locator('.article-header__translation').textContent()).toBe(
        arabic.metadata.en.title,
      );
      expect(await page.locator('.article-abstract h2').allTextContents()).toEqual([
        'Abstract in \u2068Arabic\u2069',
        'Abstract',
      ]);
      expect(await page.locator('.citation').allTextContents()).toEqual([
        expect.stringContaining(`https://doi.org/${arabic.doi}`),
        expect.stringContaining(`https://doi.org/${arabic.doi}`),
        expect.stringContaining(`doi:${arabic.doi}`),
      ]);
      expect(await page.locator('.cite__name').allTextContents()).toEqual([
        'APA (7th edition)',
        'Chicago (author-date)',
        'Vancouver',
        'Download the citation',
      ]);
    });

    it('the full text in the site’s frame: the typeset body, its notes linked both ways', async () => {
      const { page } = tabs.en;
      await page.goto(`${articlePath('en')}/html`);
      expect(await page.locator('.galley').getAttribute('lang')).toBe('ar');
      expect(await directionOf(page, '.galley')).toBe('rtl');
      expect(await page.locator('.galley h1').textContent()).toBe(arabic.metadata.ar.title);
      const references = page.locator('.galley a[role="doc-noteref"]');
      expect(await references.count()).toBe(2);
      await references.first().click();
      await page.waitForURL(/#galley-fn1$/);
      const note = page.locator('#galley-fn1');
      expect(await note.textContent()).toContain('2018');
      await note.locator('a[role="doc-backlink"]').click();
      await page.waitForURL(/#galley-fnref1$/);
      expect(await page.locator('.galley :target').textContent()).toBe('1');
      // Nothing of the galley's own page: its styles, its head, its journal line.
      const source = await page.content();
      expect(source).not.toMatch(/<style|\sstyle="|<script(?![^>]*application\/ld\+json)/);
      expect(await page.locator('.galley table caption').count()).toBe(1);
    });
  });

  describe('what the article page tells indexers', () => {
    it('Highwire, Dublin Core and Open Graph tags say what the published record says', async () => {
      const response = await html(articlePath('ar')).expect(200);
      const tags = metaTags(response.text);
      const site = web.env.config.PUBLIC_URL;
      const page = `${site}${articlePath('ar')}`;
      expect(values(tags, 'citation_title')).toEqual([arabic.metadata.ar.title]);
      expect(values(tags, 'citation_author')).toEqual(
        arabic.contributors.map(({ names }) => `${names.Arab.family}, ${names.Arab.given}`),
      );
      expect(values(tags, 'citation_author_institution')).toEqual(
        arabic.contributors.map((contributor) => contributor.affiliation),
      );
      const day = issuePublishedAt.toISOString().slice(0, 10).replaceAll('-', '/');
      expect(values(tags, 'citation_publication_date')).toEqual([day]);
      expect(values(tags, 'citation_online_date')).toEqual([day]);
      expect(values(tags, 'citation_journal_title')).toEqual(['مجلة العمل التطوعي المحكّمة']);
      expect(values(tags, 'citation_issn')).toEqual(['2958-1427']);
      expect(values(tags, 'citation_volume')).toEqual(['1']);
      expect(values(tags, 'citation_issue')).toEqual(['1']);
      expect(values(tags, 'citation_firstpage')).toEqual([String(arabic.first_page)]);
      expect(values(tags, 'citation_lastpage')).toEqual([String(arabic.last_page)]);
      expect(values(tags, 'citation_doi')).toEqual([arabic.doi]);
      expect(values(tags, 'citation_language')).toEqual(['ar']);
      expect(values(tags, 'citation_abstract_html_url')).toEqual([page]);
      expect(values(tags, 'citation_fulltext_html_url')).toEqual([`${page}/html`]);
      expect(values(tags, 'citation_reference')).toEqual(arabic.references);
      expect(values(tags, 'DC.identifier')).toEqual([`https://doi.org/${arabic.doi}`]);
      expect(values(tags, 'DC.title.alternative')).toEqual([arabic.metadata.en.title]);
      expect(values(tags, 'og:url')).toEqual([page]);

      // The PDF: absolute, under the article's own page, and there.
      const [pdfUrl] = values(tags, 'citation_pdf_url');
      expect(pdfUrl.startsWith(`${page}/galleys/`)).toBe(true);
      const pdf = await http()
        .get(new URL(pdfUrl).pathname)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['cache-control']).toBe('public, max-age=86400, immutable');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

      const links = headLinks(response.text);
      expect(links.filter(([rel]) => rel === 'canonical')).toEqual([
        ['canonical', page, undefined],
      ]);
      const alternates = links.filter(([, , type]) => type);
      expect(alternates.map(([, href, type]) => [href === pdfUrl, type])).toEqual([
        [true, 'application/pdf'],
        [false, 'application/jats+xml'],
      ]);
      const jats = await http().get(new URL(alternates[1][1]).pathname).expect(200);
      expect(jats.text).toContain('<article');

      const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(
        response.text,
      )?.[1];
      expect(JSON.parse(jsonLd!)).toMatchObject({
        '@type': 'ScholarlyArticle',
        '@id': page,
        headline: arabic.metadata.ar.title,
        sameAs: `https://doi.org/${arabic.doi}`,
        inLanguage: 'ar',
      });
    });

    it.each([
      ['bib', 'application/x-bibtex; charset=utf-8'],
      ['ris', 'application/x-research-info-systems; charset=utf-8'],
      ['json', 'application/vnd.citationstyles.csl+json; charset=utf-8'],
    ])('cite.%s reads back with citation-js: the same title and DOI', async (extension, type) => {
      for (const locale of ['ar', 'en'] as const) {
        const response = await http()
          .get(`${articlePath(locale)}/cite.${extension}`)
          .buffer(true)
          .parse(binaryBody)
          .expect(200);
        expect(response.headers['content-type']).toBe(type);
        expect(response.headers['content-disposition']).toMatch(/^attachment; filename=/);
        expect(response.headers['cache-control']).toBe('public, max-age=300');
        const [item] = new Cite((response.body as Buffer).toString('utf8')).data as {
          title: string;
          DOI: string;
        }[];
        const title =
          locale === 'ar'
            ? arabic.metadata.ar.title
            : `${arabic.metadata.ar.title} [${arabic.metadata.en.title}]`;
        expect([item.title, item.DOI.toLowerCase()]).toEqual([title, arabic.doi.toLowerCase()]);
      }
    });
  });

  describe('speed', () => {
    it('a signed-out visitor may keep the page, revalidates it with its ETag, and gets it compressed', async () => {
      const first = await html(articlePath('fr')).set('Accept-Encoding', 'br, gzip').expect(200);
      expect(first.headers['cache-control']).toBe('public, max-age=300');
      expect(first.headers['content-encoding']).toBe('br');
      expect(first.headers.vary).toMatch(/Accept-Encoding/);
      expect(first.headers.etag).toMatch(/^W\/"[\w-]{27}"$/);
      const gzip = await html(articlePath('fr')).set('Accept-Encoding', 'gzip').expect(200);
      expect([gzip.headers['content-encoding'], gzip.headers.etag]).toEqual([
        'gzip',
        first.headers.etag,
      ]);
      expect(gzip.text).toBe(first.text);
      const plain = await html(articlePath('fr')).set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.text).toBe(first.text);
      const again = await html(articlePath('fr'))
        .set('If-None-Match', first.headers.etag)
        .expect(304);
      expect(again.text).toBeFalsy();
      // Kept by address from the first visit on (front-page-cache.ts), with the same headers.
      const kept = await html(articlePath('fr')).set('Accept-Encoding', 'br, gzip').expect(200);
      for (const header of ['content-type', 'content-language', 'cache-control', 'etag', 'vary'])
        expect([header, kept.headers[header]]).toEqual([header, first.headers[header]]);
      expect(kept.text).toBe(first.text);
      // A signed-in visitor's page is theirs alone.
      const signedIn = await html(articlePath('fr')).set('Authorization', editor).expect(200);
      expect(signedIn.headers['cache-control']).toBe('private, no-cache');
    });

    it('renders from the catalogue cache: the same view until the journal’s record changes', async () => {
      const pages = web.app.get(ArticlePages);
      const one = await pages.page(SLUG, arabic.submission_id, 'en');
      const two = await pages.page(SLUG, arabic.submission_id, 'en');
      expect(two.view).toBe(one.view);
      expect(one.cacheKey).toMatch(/\|article:/);
      // Another language is another view, with its own citations.
      const arabicView = await pages.page(SLUG, arabic.submission_id, 'ar');
      expect(arabicView.view).not.toBe(one.view);
    });

    it('the article page weighs at most 60 KB gzipped, HTML, CSS and scripts together', async () => {
      const page = await html(articlePath('ar')).expect(200);
      const scripts = [...page.text.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]);
      const styles = [...page.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
        (m) => m[1],
      );
      let bytes = gzipSync(page.text).length;
      for (const asset of [...scripts, ...styles])
        bytes += gzipSync((await http().get(asset).expect(200)).text).length;
      expect(bytes).toBeLessThanOrEqual(60 * 1024);
    });
  });

  describe('the catalogue cache is cleared when the public record changes', () => {
    it('typesetting the published issue: its files and pages appear on a page read before', async () => {
      expect(beforeTypesetting).not.toContain('class="file-link');
      const now = (await html(articlePath('ar')).expect(200)).text;
      expect(now).toContain('class="file-link file-link--pdf"');
      expect(values(metaTags(now), 'citation_firstpage')).toEqual([String(arabic.first_page)]);
    });

    const cached = async (path: string, test: (text: string) => boolean) =>
      eventually(async () => test((await html(path).expect(200)).text), 5_000);
    /** A visitor who has not been here before: nothing in their browser's cache. */
    const newcomer = async (locale: Locale) => {
      const context = await visitor(browser, web.baseUrl, { locale });
      return { context, page: await context.newPage() };
    };

    it('a cover for the published issue shows on the archive and the issue’s page', async () => {
      await html(`/ar/j/${SLUG}/issues`).expect(200);
      await html(`/ar/j/${SLUG}/issues/1/1`).expect(200);
      const [{ id }] = await web.dataSource.query(
        `SELECT id FROM issues WHERE volume = 1 AND number = 1`,
      );
      await http()
        .put(`${JOURNAL_API}/issues/${id}/cover`)
        .set('Authorization', editor)
        .attach('file', PNG, 'cover.png')
        .expect(200);
      await cached(`/ar/j/${SLUG}/issues`, (text) => text.includes('class="issue-card__cover"'));
      await cached(`/ar/j/${SLUG}/issues/1/1`, (text) =>
        text.includes('class="issue-head__cover"'),
      );
      const { context, page } = await newcomer('ar');
      await page.goto(`/ar/j/${SLUG}/issues/1/1`);
      const cover = page.locator('.issue-head__cover');
      expect(await cover.getAttribute('alt')).toMatch(/^غلاف \u2068المجلد 1، العدد 1/);
      const image = await http()
        .get((await cover.getAttribute('src'))!)
        .expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });

    it('a correction: the page shows version 2; version 1 keeps its page, unindexed, canonical to the newest', async () => {
      const id = arabic.submission_id;
      const before = (await html(articlePath('ar')).expect(200)).text;
      expect(before).toContain(arabic.metadata.ar.title);

      await http()
        .post(`${JOURNAL_API}/submissions/${id}/publication/versions`)
        .set('Authorization', editor)
        .send({ versionNote: 'صُحّح العنوان وأضيف مؤلف ثانٍ.' })
        .expect(201);
      const [draft] = (
        await http()
          .get(`${JOURNAL_API}/submissions/${id}/publication`)
          .set('Authorization', editor)
          .expect(200)
      ).body;
      const title = 'التطوع الرقمي في دول الخليج العربي: المنصات والمتطوعون';
      await http()
        .patch(`${JOURNAL_API}/submissions/${id}/publication`)
        .set('Authorization', editor)
        .send({
          lockVersion: draft.lockVersion,
          metadata: { ar: { ...draft.metadata.ar, title } },
        })
        .expect(200);
      // A second author (the API takes authors from the submission): written into the draft.
      await web.dataSource.query(
        `UPDATE publications SET contributors = contributors || $2::jsonb WHERE id = $1`,
        [
          draft.id,
          JSON.stringify([
            {
              names: {
                Arab: { given: 'سالم', family: 'الكعبي' },
                Latn: { given: 'Salem', family: 'Al-Kaabi' },
              },
              affiliation: 'United Arab Emirates University',
              orcid: '0000-0002-1825-0097',
              corresponding: false,
            },
          ]),
        ],
      );
      await http()
        .post(`${JOURNAL_API}/submissions/${id}/publication/galleys?label=PDF&locale=ar`)
        .set('Authorization', editor)
        .attach('file', Buffer.from(await (await PDFDocument.create()).save()), 'corrected.pdf')
        .expect(201);
      await http()
        .post(`${JOURNAL_API}/submissions/${id}/publication/versions/publish`)
        .set('Authorization', editor)
        .expect(200);

      await cached(articlePath('ar'), (text) => text.includes(title));
      const newest = (await html(articlePath('ar')).expect(200)).text;
      const tags = metaTags(newest);
      expect(values(tags, 'citation_title')).toEqual([title]);
      expect(values(tags, 'citation_author')).toEqual(['السيد, مريم', 'الكعبي, سالم']);
      expect(values(tags, 'citation_author_orcid')).toEqual([
        'https://orcid.org/0000-0002-1825-0097',
      ]);
      expect(values(tags, 'citation_pdf_url')).toEqual([
        expect.stringMatching(/\/galleys\/[0-9a-f-]{36}\/corrected\.pdf$/),
      ]);
      expect(newest).toContain('صُحّح العنوان وأضيف مؤلف ثانٍ.');

      const older = await html(`${articlePath('ar')}/v/1`).expect(200);
      const olderTags = metaTags(older.text);
      expect(olderTags.filter(([name]) => /^(citation_|DC\.)/.test(name))).toEqual([]);
      expect(values(olderTags, 'og:url')).toEqual([
        `${web.env.config.PUBLIC_URL}${articlePath('ar')}`,
      ]);
      expect(headLinks(older.text).filter(([rel]) => rel === 'canonical')).toEqual([
        ['canonical', `${web.env.config.PUBLIC_URL}${articlePath('ar')}`, undefined],
      ]);
      expect(older.text).toContain(arabic.metadata.ar.title);
      expect(older.text).not.toContain('application/ld+json');

      const { context, page } = await newcomer('ar');
      await page.goto(`${articlePath('ar')}/v/1`);
      expect(await page.locator('.notice-banner a').getAttribute('href')).toBe(articlePath('ar'));
      expect(await page.locator('.version [aria-current="page"]').textContent()).toBe('النسخة 1');
      expect(await accessibilityViolations(page)).toEqual([]);
      await saveScreenshot(page, 'article-version', 'ar');
      await context.close();
      await html(`${articlePath('ar')}/v/1/html`).expect(200);
      await html(`${articlePath('ar')}/v/3`).expect(404);
    });

    it('a retraction: a banner over the article, its notice, and a mark in the contents', async () => {
      await html(`/en/j/${SLUG}/issues/1/1`).expect(200);
      await html(articlePath('en', french.submission_id)).expect(200);
      await http()
        .post(`${JOURNAL_API}/submissions/${french.submission_id}/publication/notices`)
        .set('Authorization', editor)
        .send({
          kind: 'retraction',
          texts: {
            ar: 'سُحب هذا المقال بطلب من مؤلفه.',
            en: 'This article is retracted at its author’s request.',
            fr: 'Cet article est rétracté à la demande de son auteur.',
          },
        })
        .expect(201);
      await cached(articlePath('en', french.submission_id), (text) =>
        text.includes('This article has been retracted.'),
      );
      await cached(`/en/j/${SLUG}/issues/1/1`, (text) => text.includes('badge--alert'));
      const { context, page } = await newcomer('en');
      await page.goto(articlePath('en', french.submission_id));
      expect(await page.locator('.notice-banner--alert').textContent()).toContain(
        'This article is retracted at its author’s request.',
      );
      expect(await page.locator('.notice__kind').allTextContents()).toEqual(['Retraction']);
      expect(await accessibilityViolations(page)).toEqual([]);
      await saveScreenshot(page, 'article-retracted', 'en');
      await context.close();
    });

    it('a publication: the new issue is in the archive, current, with its page and articles', async () => {
      const [next] = await web.dataSource.query(
        `SELECT i.id, p.submission_id FROM issues i JOIN publications p ON p.issue_id = i.id
          WHERE i.volume = 1 AND i.number = 2`,
      );
      // Not published yet: its article has no public page.
      await html(articlePath('fr', next.submission_id)).expect(404);
      await html(`/fr/j/${SLUG}/issues/1/2`).expect(404);
      expect((await html(`/fr/j/${SLUG}/issues`).expect(200)).text).not.toContain('n° 2');

      const [record] = (
        await http()
          .get(`${JOURNAL_API}/submissions/${next.submission_id}/publication`)
          .set('Authorization', editor)
          .expect(200)
      ).body;
      await http()
        .patch(`${JOURNAL_API}/submissions/${next.submission_id}/publication`)
        .set('Authorization', editor)
        .send({ lockVersion: record.lockVersion, articleNumber: 'e3' })
        .expect(200);
      const issue = (
        await http()
          .get(`${JOURNAL_API}/issues/${next.id}`)
          .set('Authorization', editor)
          .expect(200)
      ).body;
      await http()
        .post(`${JOURNAL_API}/issues/${next.id}/publish`)
        .set('Authorization', editor)
        .send({ lockVersion: issue.lockVersion, notifyReaders: false })
        .expect(200);

      await cached(`/fr/j/${SLUG}/issues`, (text) => /Vol\. 1, n° 2/.test(text));
      const { context, page } = await newcomer('fr');
      await page.goto(`/fr/j/${SLUG}/issues`);
      expect(await page.locator('.issue-card--current .issue-card__name').textContent()).toMatch(
        /^Vol\. 1, n° 2/,
      );
      await page.goto(`/fr/j/${SLUG}/issues/1/2`);
      await page.locator('.toc-article h4 a').click();
      await page.waitForURL(`**${articlePath('fr', next.submission_id)}`);
      expect(await page.locator('h1').getAttribute('lang')).toBe('en');
      await context.close();
    });

    it('a published issue renamed, and an issue taken back from the public record', async () => {
      const [first, second] = await web.dataSource.query(
        `SELECT id, lock_version FROM issues WHERE volume = 1 ORDER BY number`,
      );
      await html(`/en/j/${SLUG}/issues/1/1`).expect(200);
      await http()
        .patch(`${JOURNAL_API}/issues/${first.id}`)
        .set('Authorization', editor)
        .send({ titles: { en: 'The first issue, renamed' } })
        .expect(200);
      await cached(`/en/j/${SLUG}/issues/1/1`, (text) => text.includes('The first issue, renamed'));

      const [{ submission_id: article }] = await web.dataSource.query(
        `SELECT submission_id FROM publications WHERE issue_id = $1`,
        [second.id],
      );
      await html(articlePath('en', article)).expect(200);
      expect((await html(`/en/j/${SLUG}/issues`).expect(200)).text).toContain('No. 2');
      await http()
        .post(`${JOURNAL_API}/issues/${second.id}/unpublish`)
        .set('Authorization', editor)
        .send({ lockVersion: second.lock_version, reason: 'Published by mistake, too early.' })
        .expect(200);
      await cached(`/en/j/${SLUG}/issues`, (text) => !text.includes('No. 2'));
      await eventually(async () => (await html(articlePath('en', article))).status === 404, 5_000);
      await html(`/en/j/${SLUG}/issues/1/2`).expect(404);
    });
  });

  describe('what does not exist is a 404 page in the address’s language, never a 500', () => {
    const unknown = () => [
      `/ar/j/no-such-journal/issues`,
      `/ar/j/no-such-journal/articles/${arabic.submission_id}`,
      `/ar/j/${SLUG}/issues/9/9`,
      `/ar/j/${SLUG}/issues/abc/1`,
      `/ar/j/${SLUG}/issues/1/-1`,
      `/ar/j/${SLUG}/issues/1/99999999999`,
      `/ar/j/${SLUG}/issues/1/1/galleys/${randomUUID()}/volunteering-1-1.pdf`,
      `/ar/j/${SLUG}/articles/not-a-uuid`,
      `/ar/j/${SLUG}/articles/${randomUUID()}`,
      `/ar/j/${SLUG}/articles/${randomUUID()}/html`,
      `${articlePath('ar')}/v/0`,
      `${articlePath('ar')}/v/abc`,
      `${articlePath('ar')}/v/99`,
      `${articlePath('ar')}/v/99/html`,
      `${articlePath('ar')}/galleys/${randomUUID()}/article.pdf`,
      `${articlePath('ar')}/galleys/not-a-uuid/article.pdf`,
      `${articlePath('ar')}/cite.doc`,
    ];

    it('for every kind of unknown address', async () => {
      for (const path of unknown()) {
        const response = await html(path);
        expect([path, response.status]).toEqual([path, 404]);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(response.text).toContain('<html lang="ar" dir="rtl">');
        expect(response.text).toContain('<h1>غير موجود</h1>');
      }
    });

    it('a file of another article, or under another name, is not this article’s', async () => {
      const page = (await html(articlePath('fr', french.submission_id)).expect(200)).text;
      const frenchPdf = new URL(
        /href="([^"]+\/galleys\/[^"]+\.pdf)"/.exec(page)![1],
        web.env.config.PUBLIC_URL,
      ).pathname;
      await http().get(frenchPdf).expect(200);
      await html(frenchPdf.replace(french.submission_id, arabic.submission_id)).expect(404);
      await html(frenchPdf.replace(/article\.pdf$/, 'other.pdf')).expect(404);
    });

    it('in the browser: the 404 page in the visitor’s language, accessible', async () => {
      const { page } = tabs.fr;
      const response = await page.goto(`/fr/j/${SLUG}/articles/${randomUUID()}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe('Introuvable');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
});
