import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SUPPORTED_LOCALES, type Locale } from '../src/common/i18n/locale';
import { SearchDocumentsRepository } from '../src/publishing/search/search-documents.repository';
import { SearchIndex } from '../src/publishing/search/search-index.service';
import { Messages } from '../src/web/foundation/messages';
import {
  accessibilityViolations,
  launchBrowser,
  pageDirection,
  saveScreenshot,
  startWebApp,
  visitor,
  watchCsp,
  type WebApp,
} from './web/browser';
import { STANDARDS } from './support/standards';
import { childNamed, childrenNamed, parseXml, text } from './web/xml';

/** sitemaps.org's schema with the `xhtml:link` alternates declared (see its README). */
const SITEMAP_XSD = join(STANDARDS, 'sitemaps-0.9', 'sitemap-with-xhtml-links.xsd');
const ATOM = 'http://www.w3.org/2005/Atom';
/** What a browser sends when it follows a link. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const DIGITAL_AR = 'التطوع الرقمي في دول الخليج: المنصات والمتطوعون';
const RABAT_FR = 'Les étudiants bénévoles de Rabat pendant les inondations de 2025';
/** The seeded journal's articles (see seedLab): LAB_ARTICLES plus one with markup in its title. */
const LAB_ARTICLES = 54;
const HOSTILE_TITLE = '<script>alert("x")</script> Bénévolat & <b>gras</b>';

/** Text without the isolates that keep a value's direction inside a sentence (U+2068…U+2069). */
const plain = (value: string | null) => (value ?? '').replace(/[\u2068\u2069]/g, '');

/** A menu's choices: value and label (isolates left out). */
const optionsOf = (page: Page, select: string) =>
  page
    .locator(`${select} option`)
    .evaluateAll((options) =>
      options.map((option) => [option.getAttribute('value') ?? '', option.textContent ?? '']),
    )
    .then((pairs) => pairs.map(([value, label]) => ({ value, label: plain(label) })));

/**
 * A second journal, in French, with LAB_ARTICLES + 1 published articles (enough for pages of
 * results and a full feed) in two issues, two sections and two years, all with «bénévolat» in
 * their title, one of them with markup in it. Written as the benchmark writes its articles,
 * then indexed as publishing indexes them (SearchIndex).
 */
async function seedLab(dataSource: DataSource): Promise<{ journalId: string; sections: string[] }> {
  const [{ id: journalId }] = await dataSource.query(
    `INSERT INTO journals (slug, titles, primary_locale, publisher_name)
     VALUES ('search-lab', '{"fr":"Laboratoire du bénévolat","en":"Volunteering Lab"}', 'fr', 'Éditions du Lab')
     RETURNING id`,
  );
  const [{ id: userId }] = await dataSource.query(
    `INSERT INTO users (email, names, status)
     VALUES ('lab-author@example.org', '{"Latn":{"given":"Lab","family":"Author"}}', 'active') RETURNING id`,
  );
  const sections: { id: string }[] = await dataSource.query(
    `INSERT INTO sections (journal_id, titles, seq) VALUES
       ($1, '{"fr":"Articles","en":"Articles","ar":"مقالات"}', 1),
       ($1, '{"fr":"Notes","en":"Notes","ar":"ملاحظات"}', 2) RETURNING id`,
    [journalId],
  );
  const issues: { id: string }[] = await dataSource.query(
    `INSERT INTO issues (journal_id, volume, number, year, status, published_at, lock_version) VALUES
       ($1, 1, 1, 2024, 'published', '2024-06-01T08:00:00Z', 1),
       ($1, 2, 1, 2025, 'published', '2025-06-01T08:00:00Z', 1) RETURNING id`,
    [journalId],
  );
  const rows = Array.from({ length: LAB_ARTICLES + 1 }, (_, n) => {
    const hostile = n === LAB_ARTICLES;
    const metadata: Record<string, object> = {
      fr: {
        title: hostile ? HOSTILE_TITLE : `Étude ${n + 1} sur le bénévolat`,
        abstract: `Résumé de l’étude ${n + 1}, consacrée au bénévolat de proximité.`,
        keywords: ['bénévolat'],
      },
    };
    if (n % 3 === 0 && !hostile) metadata.en = { title: `Study ${n + 1} of volunteering` };
    const inSecond = n >= 20;
    return {
      n,
      metadata,
      contributors: [
        {
          names: { Latn: { given: 'Camille', family: `Durand ${n + 1}` } },
          corresponding: true,
        },
      ],
      issue: issues[inSecond ? 1 : 0].id,
      year: inSecond ? 2025 : 2024,
      section: sections[n % 2].id,
      // A minute apart, in the order of n: the newest is the last.
      published: new Date(Date.UTC(inSecond ? 2025 : 2024, 5, 1, 8, n)).toISOString(),
    };
  });
  await dataSource.query(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS r(n int, metadata jsonb, contributors jsonb, issue uuid, year int, section uuid, published timestamptz)
     ), made AS (
       INSERT INTO submissions (journal_id, section_id, submitter_id, locale, stage, number, submitted_at, lock_version)
       SELECT $2, input.section, $3, 'fr', 'published', 'LAB-' || input.n, now(), 1 FROM input
       RETURNING id, number
     )
     INSERT INTO publications (submission_id, version, status, issue_id, section_id, seq, locale,
            metadata, contributors, copyright_holder, copyright_year, licence_url, published_at, lock_version)
     SELECT made.id, 1, 'published', input.issue, input.section, input.n, 'fr', input.metadata,
            input.contributors, 'Les auteurs', input.year, 'https://creativecommons.org/licenses/by/4.0/',
            input.published, 1
       FROM input JOIN made ON made.number = 'LAB-' || input.n`,
    [JSON.stringify(rows), journalId, userId],
  );
  const ids: { id: string }[] = await dataSource.query(
    'SELECT id FROM submissions WHERE journal_id = $1',
    [journalId],
  );
  await new SearchIndex(SearchDocumentsRepository.over(dataSource)).refresh(
    ids.map((row) => row.id),
  );
  return { journalId, sections: sections.map((section) => section.id) };
}

describe('search, the Atom feed, sitemap.xml and robots.txt', () => {
  let web: WebApp;
  let browser: Browser;
  let dir: string;
  let site: string;
  let lab: { journalId: string; sections: string[] };
  /** The demo's published articles: title → submission id. */
  let demo: Record<string, string>;
  const tabs = {} as Record<Locale, { context: BrowserContext; page: Page; csp: string[] }>;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    site = web.env.config.PUBLIC_URL.replace(/\/+$/, '');
    dir = mkdtempSync(join(tmpdir(), 'tahkim-web-search-'));
    lab = await seedLab(web.dataSource);
    const published: { id: string; title: string }[] = await web.dataSource.query(
      `SELECT p.submission_id AS id, COALESCE(p.metadata->'ar'->>'title', '') AS title
         FROM publications p JOIN submissions s ON s.id = p.submission_id
        WHERE p.status = 'published' AND s.number NOT LIKE 'LAB-%'`,
    );
    demo = Object.fromEntries(published.map((row) => [row.title, row.id]));
    for (const locale of SUPPORTED_LOCALES) {
      const context = await visitor(browser, web.baseUrl, { locale });
      const page = await context.newPage();
      tabs[locale] = { context, page, csp: watchCsp(page) };
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const http = () => request(web.app.getHttpServer());
  const searchUrl = (locale: Locale, slug: string, query: Record<string, string>) =>
    `/${locale}/j/${slug}/search?${new URLSearchParams(query).toString()}`;
  const resultTitles = (page: Page) => page.locator('.search-result__title a').allTextContents();

  describe('the search page', () => {
    const QUERIES: Record<Locale, string> = { ar: 'التطوع', en: 'volunteering', fr: 'bénévoles' };

    it.each(SUPPORTED_LOCALES)(
      'in %s: its language and direction, accessible, not indexed, in the menu, screenshot',
      async (locale) => {
        const { page, csp } = tabs[locale];
        const response = await page.goto(searchUrl(locale, 'volunteering', { q: QUERIES[locale] }));
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await pageDirection(page)).toEqual(
          locale === 'ar'
            ? { direction: 'rtl', navigationSide: 'right' }
            : { direction: 'ltr', navigationSide: 'left' },
        );
        expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
        expect(await page.locator('link[rel="canonical"]').count()).toBe(0);
        const current = page.locator('.main-nav a[aria-current="page"]');
        expect(await current.getAttribute('href')).toBe(`/${locale}/j/volunteering/search`);
        expect(await current.textContent()).toBe(
          { ar: 'البحث', en: 'Search', fr: 'Recherche' }[locale],
        );
        expect(csp).toEqual([]);
        await saveScreenshot(page, 'search', locale);
      },
    );

    it('a 360 px phone does not scroll it sideways', async () => {
      const context = await visitor(browser, web.baseUrl, {
        locale: 'ar',
        width: 360,
        height: 740,
      });
      const page = await context.newPage();
      await page.goto(searchUrl('ar', 'search-lab', { q: 'benevolat' }));
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBe(0);
      await saveScreenshot(page, 'search-phone', 'ar');
      await context.close();
    });

    it('the menu has the archive, the announcements and the search on every journal page', async () => {
      const { page } = tabs.fr;
      await page.goto('/fr/j/volunteering/about');
      const links = page.locator('.main-nav a');
      expect(await links.allTextContents()).toEqual([
        'Accueil',
        'Archives',
        'Annonces',
        'À propos',
        'Comité de rédaction',
        'Recherche',
      ]);
      expect(await page.locator('.main-nav a[href="/fr/j/volunteering/issues"]').count()).toBe(1);
      expect(await page.locator('.main-nav a[aria-current="page"]').textContent()).toBe('À propos');
    });

    it('an empty query shows the form, without results', async () => {
      const { page } = tabs.en;
      const response = await page.goto('/en/j/volunteering/search');
      expect(response?.status()).toBe(200);
      expect(await page.locator('form[role="search"] input[name="q"]').inputValue()).toBe('');
      expect(await page.locator('.search-results').count()).toBe(0);
      // The filters offer the journal's sections, its issues' years and the site's languages.
      const sections = (await optionsOf(page, '#search-section')).map((option) => option.label);
      expect(sections).toEqual(
        expect.arrayContaining(['All sections', 'Research Articles', 'Field Reports']),
      );
      expect((await optionsOf(page, '#search-language')).map((option) => option.label)).toEqual([
        'All languages',
        'Arabic',
        'English',
        'French',
      ]);
      const [{ year }]: { year: number }[] = await web.dataSource.query(
        `SELECT i.year FROM issues i JOIN journals j ON j.id = i.journal_id
          WHERE j.slug = 'volunteering' AND i.status = 'published'`,
      );
      expect(await optionsOf(page, '#search-year')).toEqual([
        { value: '', label: 'All years' },
        { value: String(year), label: String(year) },
      ]);
      // A lone letter is nothing to search for: the form says so.
      await page.goto('/en/j/volunteering/search?q=a');
      expect(await page.locator('.search-notice').textContent()).toBe(
        'Type a word of at least two letters or digits.',
      );
    });

    it('works without JavaScript: the form is a GET to the same page', async () => {
      const context = await browser.newContext({
        baseURL: web.baseUrl,
        locale: 'en',
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto('/en/j/volunteering/search');
      await page.locator('#search-q').fill('floods');
      await page.locator('#search-q').press('Enter');
      await page.waitForURL('**/en/j/volunteering/search?q=floods**');
      expect(await resultTitles(page)).toEqual([
        'Student volunteers in Rabat during the 2025 floods',
      ]);
      await context.close();
    });

    it('a reader finds the demo’s Arabic article by a query written with another hamza form and no diacritics', async () => {
      const { page } = tabs.ar;
      // Printed «التطوع الرقمي»: typed with a hamza on the alef and an alef maqsura for the ya.
      await page.goto(searchUrl('ar', 'volunteering', { q: 'ألتطوع الرقمى' }));
      const link = page.locator('.search-result__title a');
      expect(await link.count()).toBe(1);
      expect(await link.textContent()).toBe(DIGITAL_AR);
      expect(await link.getAttribute('href')).toBe(
        `/ar/j/volunteering/articles/${demo[DIGITAL_AR]}`,
      );
      expect(await link.locator('mark').allTextContents()).toEqual(['التطوع', 'الرقمي']);
      expect(await page.locator('.search-result__snippet mark').count()).toBeGreaterThan(0);
      expect(await page.locator('#search-count').textContent()).toBe(
        'عُثر على مقال واحد عن «\u2068ألتطوع الرقمى\u2069»',
      );
      // The search box shows what was typed.
      expect(await page.locator('#search-q').inputValue()).toBe('ألتطوع الرقمى');
      // With tashkeel and a tatweel, the same.
      await page.goto(searchUrl('ar', 'volunteering', { q: 'التَّطـوُّع الرَّقْمِيّ' }));
      expect(await resultTitles(page)).toEqual([DIGITAL_AR]);
    });

    it('finds a French accented word typed without its accents', async () => {
      const { page } = tabs.fr;
      await page.goto(searchUrl('fr', 'volunteering', { q: 'etudiants benevoles' }));
      expect(await resultTitles(page)).toEqual([RABAT_FR]);
      expect(await page.locator('.search-result__title mark').allTextContents()).toEqual([
        'étudiants',
        'bénévoles',
      ]);
      const link = page.locator('.search-result__title a');
      expect(await link.getAttribute('href')).toBe(
        `/fr/j/volunteering/articles/${demo['الطلبة المتطوعون في الرباط خلال فيضانات 2025']}`,
      );
    });

    it('an article without a title in the page’s language shows its own, marked with its language and direction', async () => {
      const { page } = tabs.fr;
      await page.goto(searchUrl('fr', 'volunteering', { q: 'المنصات' }));
      const link = page.locator('.search-result__title a');
      expect([await link.getAttribute('lang'), await link.getAttribute('dir')]).toEqual([
        'ar',
        'rtl',
      ]);
    });

    it('counts results with the plural each number takes, Arabic’s six forms included', async () => {
      const { page } = tabs.ar;
      const count = async (slug: string, q: string, filters: Record<string, string> = {}) => {
        await page.goto(searchUrl('ar', slug, { q, ...filters }));
        return page.locator('#search-count').textContent();
      };
      expect(await count('volunteering', 'zzzz')).toBe('لم يُعثر على أي مقال عن «\u2068zzzz\u2069»');
      expect(await count('volunteering', 'volunteering')).toBe(
        'عُثر على مقالين عن «\u2068volunteering\u2069»',
      );
      expect(await count('search-lab', 'benevolat')).toBe(
        `عُثر على ${LAB_ARTICLES + 1} مقالًا عن «\u2068benevolat\u2069»`,
      );
      // Three to ten («few») and a hundred and more («other»), from the same catalog message.
      const messages = web.app.get(Messages);
      expect(messages.format('ar', 'search.count', { count: 3, query: 'x' })).toBe(
        'عُثر على 3 مقالات عن «x»',
      );
      expect(messages.format('ar', 'search.count', { count: 100, query: 'x' })).toBe(
        'عُثر على 100 مقال عن «x»',
      );
      expect(messages.format('en', 'search.count', { count: 1, query: 'x' })).toBe(
        '1 article found for “x”',
      );
      expect(messages.format('fr', 'search.count', { count: 2, query: 'x' })).toBe(
        '2 articles trouvés pour «\u202Fx\u202F»',
      );
    });

    it('filters by section, year and language through the form, each choice with its count', async () => {
      const { page } = tabs.en;
      await page.goto(searchUrl('en', 'volunteering', { q: 'volunteering' }));
      expect(await resultTitles(page)).toHaveLength(2);
      expect(await page.locator('#search-section option:checked').textContent()).toBe(
        'All sections',
      );
      const field = (await optionsOf(page, '#search-section')).find(
        (option) => option.label === 'Field Reports (1)',
      );
      expect(field).toBeDefined();
      await page.locator('#search-section').selectOption(field!.value);
      await page.locator('.search-filters button').click();
      await page.waitForURL(/section=/);
      expect(await resultTitles(page)).toEqual([
        'Student volunteers in Rabat during the 2025 floods',
      ]);
      // The choice stays chosen, and the other filters count within it.
      expect(plain(await page.locator('#search-section option:checked').textContent())).toBe(
        'Field Reports (1)',
      );
      await page.locator('#search-section').selectOption('');
      await page.locator('#search-language').selectOption('fr');
      await page.locator('.search-filters button').click();
      await page.waitForURL(/language=fr/);
      expect(await resultTitles(page)).toEqual([
        'Student volunteers in Rabat during the 2025 floods',
      ]);
      // Years, on the seeded journal: 20 articles in 2024, the rest in 2025.
      await page.goto(searchUrl('en', 'search-lab', { q: 'benevolat', year: '2024' }));
      expect(await page.locator('#search-count').textContent()).toMatch(/^20 articles found/);
      expect((await optionsOf(page, '#search-year')).map((option) => option.label)).toEqual([
        'All years',
        `2025 (${LAB_ARTICLES + 1 - 20})`,
        '2024 (20)',
      ]);
      await page.goto(
        searchUrl('en', 'search-lab', { q: 'benevolat', year: '2024', section: lab.sections[1] }),
      );
      expect(await page.locator('#search-count').textContent()).toMatch(/^10 articles found/);
    });

    it('pages results, ten to a page, each link keeping the search and its filters', async () => {
      const { page } = tabs.en;
      await page.goto(searchUrl('en', 'search-lab', { q: 'benevolat', year: '2025' }));
      const total = LAB_ARTICLES + 1 - 20;
      expect(await page.locator('#search-count').textContent()).toMatch(
        new RegExp(`^${total} articles found`),
      );
      expect(await page.locator('.search-result').count()).toBe(10);
      const pages = Math.ceil(total / 10);
      expect(await page.locator('.pagination a[aria-current="page"]').textContent()).toBe('1');
      await page.locator('.pagination a[rel="next"]').click();
      await page.waitForURL(/page=2/);
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toEqual({
        q: 'benevolat',
        year: '2025',
        page: '2',
      });
      expect(await page.locator('.search-results__list').getAttribute('start')).toBe('11');
      expect(await page.locator('.pagination a[aria-current="page"]').textContent()).toBe('2');
      expect(await accessibilityViolations(page)).toEqual([]);
      await saveScreenshot(page, 'search-results-page-2', 'en');
      const firstOfPage2 = await resultTitles(page);
      expect(firstOfPage2).toHaveLength(10);
      await page.locator(`.pagination a:text-is("${pages}")`).click();
      await page.waitForURL(new RegExp(`page=${pages}`));
      expect(await page.locator('.search-result').count()).toBe(total - (pages - 1) * 10);
      expect(await page.locator('.pagination a[rel="next"]').count()).toBe(0);
      // Every result on every page is a different article.
      const seen = new Set<string>();
      for (let n = 1; n <= pages; n++) {
        await page.goto(
          searchUrl('en', 'search-lab', { q: 'benevolat', year: '2025', page: String(n) }),
        );
        for (const href of await page
          .locator('.search-result__title a')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')))
          seen.add(href);
      }
      expect(seen.size).toBe(total);
    });

    it('never writes what a visitor typed, nor an article’s text, as markup', async () => {
      const { page } = tabs.fr;
      const typed = '"><script>alert(1)</script><b>bénévolat</b> gras';
      await page.goto(searchUrl('fr', 'search-lab', { q: typed }));
      // Echoed in the search box as typed, and in the count as text.
      expect(await page.locator('#search-q').inputValue()).toBe(typed);
      expect(await page.locator('#search-count').textContent()).toContain(typed);
      // The one article with markup in its title: found, shown as text, its words marked.
      const title = page.locator('.search-result__title a');
      expect(await title.count()).toBe(1);
      expect(await title.textContent()).toBe(HOSTILE_TITLE);
      expect(await title.locator('mark').allTextContents()).toEqual([
        'script',
        'alert',
        'script',
        'Bénévolat',
        'gras',
      ]);
      expect(await page.locator('main script, main b, main img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(0);
    });

    it.each([
      [
        'a 10,000-character query',
        { q: 'a'.repeat(10_000) },
        'Le texte de la recherche est vide, trop court ou trop long',
      ],
      ['page=-1', { q: 'benevolat', page: '-1' }, 'Cette page de résultats n’existe pas'],
      ['page=abc, even without a query', { page: 'abc' }, 'Cette page de résultats n’existe pas'],
      [
        'an unknown language',
        { q: 'benevolat', language: 'de' },
        'Un filtre de recherche ne correspond pas à la revue',
      ],
      [
        'an unknown section',
        { q: 'benevolat', section: '00000000-0000-4000-8000-000000000000' },
        'Un filtre de recherche ne correspond pas à la revue',
      ],
      [
        'a year that is no year',
        { q: 'benevolat', year: 'MMXXV' },
        'Un filtre de recherche ne correspond pas à la revue',
      ],
    ])('%s: the 400 page in the visitor’s language', async (_, query, title) => {
      const { page } = tabs.fr;
      const response = await page.goto(searchUrl('fr', 'search-lab', query));
      expect(response?.status()).toBe(400);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe(title);
    });

    it('a 10,000-letter Arabic query, too long for an address: the 400 page in Arabic', async () => {
      // About 60 KB once encoded: past Node's header limit, refused before the app runs.
      const { page } = tabs.ar;
      const response = await page.goto(searchUrl('ar', 'search-lab', { q: 'ا'.repeat(10_000) }));
      expect(response?.status()).toBe(400);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    });

    it('a filter given twice is a 400, not a 500; an unknown journal a 404', async () => {
      const twice = await http()
        .get('/en/j/volunteering/search?q=gulf&language=ar&language=en')
        .set('Accept', BROWSER_ACCEPT);
      expect(twice.status).toBe(400);
      expect(twice.text).toContain('<html lang="en" dir="ltr">');
      const unknown = await http()
        .get('/en/j/no-such-journal/search?q=gulf')
        .set('Accept', BROWSER_ACCEPT);
      expect(unknown.status).toBe(404);
    });

    it('may be cached by anyone a few minutes, and revalidated', async () => {
      const response = await http().get('/en/j/volunteering/search?q=gulf');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const again = await http()
        .get('/en/j/volunteering/search?q=gulf')
        .set('If-None-Match', response.headers.etag);
      expect(again.status).toBe(304);
    });
  });

  describe('the Atom feed', () => {
    const feed = async (locale: Locale, slug: string) => {
      const response = await http().get(`/${locale}/j/${slug}/feed.atom`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      return { response, root: await parseXml(tabs.en.page, response.text) };
    };

    it('parses, and lists the journal’s published articles with what Atom requires', async () => {
      const { root } = await feed('ar', 'volunteering');
      expect([root.name, root.ns, root.attributes['xml:lang']]).toEqual(['feed', ATOM, 'ar']);
      expect(text(root, 'id')).toBe(`${site}/ar/j/volunteering/feed.atom`);
      expect(text(root, 'title')).toBe('مجلة العمل التطوعي المحكّمة');
      expect(text(root, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const links = childrenNamed(root, 'link').map((link) => link.attributes);
      expect(links).toEqual(
        expect.arrayContaining([
          {
            rel: 'self',
            type: 'application/atom+xml',
            href: `${site}/ar/j/volunteering/feed.atom`,
          },
          {
            rel: 'alternate',
            type: 'text/html',
            hreflang: 'ar',
            href: `${site}/ar/j/volunteering`,
          },
        ]),
      );
      const entries = childrenNamed(root, 'entry');
      expect(entries.map((entry) => text(entry, 'title')).sort()).toEqual(
        [DIGITAL_AR, 'الطلبة المتطوعون في الرباط خلال فيضانات 2025'].sort(),
      );
      for (const entry of entries) {
        const url = text(entry, 'id');
        expect(
          Object.values(demo).map((id) => `${site}/ar/j/volunteering/articles/${id}`),
        ).toContain(url);
        expect(childNamed(entry, 'link').attributes).toEqual({
          rel: 'alternate',
          type: 'text/html',
          href: url,
        });
        expect(text(entry, 'published')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(text(entry, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(childrenNamed(entry, 'author').length).toBeGreaterThan(0);
        expect(text(childNamed(entry, 'author'), 'name')).toBeTruthy();
      }
      const digital = entries.find((entry) => text(entry, 'title') === DIGITAL_AR)!;
      expect(text(digital, 'summary')).toMatch(/^تدرس هذه المقالة منصات التطوع الرقمي/);
      expect(childNamed(digital, 'title').attributes['xml:lang']).toBeUndefined();
    });

    it('gives a title in the feed’s language when the article has one, else its own, marked', async () => {
      const { root } = await feed('fr', 'volunteering');
      const titles = childrenNamed(root, 'entry').map((entry) => ({
        title: text(entry, 'title'),
        lang: childNamed(entry, 'title').attributes['xml:lang'],
      }));
      expect(titles).toEqual(
        expect.arrayContaining([
          { title: RABAT_FR, lang: undefined },
          { title: DIGITAL_AR, lang: 'ar' },
        ]),
      );
    });

    it('lists the 50 articles published last, newest first', async () => {
      const { root } = await feed('en', 'search-lab');
      const entries = childrenNamed(root, 'entry');
      expect(entries).toHaveLength(50);
      const published = entries.map((entry) => text(entry, 'published')!);
      expect([...published].sort().reverse()).toEqual(published);
      // The five published first are left out.
      expect(published.at(-1)).toBe('2024-06-01T08:05:00Z');
      // No English title: the French one, marked as French; the markup in a title is text.
      const hostile = entries.find((entry) => text(entry, 'title') === HOSTILE_TITLE)!;
      expect(childNamed(hostile, 'title').attributes['xml:lang']).toBe('fr');
    });

    it('is linked from the journal’s pages, and may be cached and revalidated', async () => {
      const { page } = tabs.ar;
      await page.goto('/ar/j/volunteering');
      // The articles' feed first, then the announcements'.
      const links = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      expect(await links.count()).toBe(2);
      expect(await links.nth(0).getAttribute('href')).toBe('/ar/j/volunteering/feed.atom');
      expect(await links.nth(1).getAttribute('href')).toBe(
        '/ar/j/volunteering/announcements/feed.atom',
      );
      const { response } = await feed('ar', 'volunteering');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const again = await http()
        .get('/ar/j/volunteering/feed.atom')
        .set('If-None-Match', response.headers.etag);
      expect(again.status).toBe(304);
      expect((await http().get('/ar/j/no-such-journal/feed.atom')).status).toBe(404);
    });
  });

  describe('sitemap.xml and robots.txt', () => {
    const valid = (xml: string, name: string): string => {
      const file = join(dir, name);
      writeFileSync(file, xml);
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', SITEMAP_XSD, file], {
        stdio: 'pipe',
      });
      return xml;
    };

    it('validates against the sitemaps.org schema, and the validation can fail', async () => {
      const response = await http().get('/sitemap.xml');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      valid(response.text, 'sitemap.xml');
      // A <loc> too short for the schema, an hreflang that is no language: refused.
      expect(() =>
        valid(response.text.replace(/<loc>[^<]+<\/loc>/, '<loc>x</loc>'), 'bad-loc.xml'),
      ).toThrow();
      expect(() =>
        valid(response.text.replace('hreflang="en"', 'hreflang="English"'), 'bad-lang.xml'),
      ).toThrow();
    });

    it('lists every public page of every journal in every language, with its alternates', async () => {
      const root = await parseXml(tabs.en.page, (await http().get('/sitemap.xml')).text);
      const urls = childrenNamed(root, 'url');
      const locs = urls.map((url) => text(url, 'loc'));
      expect(new Set(locs).size).toBe(locs.length);
      const labIssues = ['/issues/1/1', '/issues/2/1'];
      const [demoIssue]: { volume: number; number: number }[] = await web.dataSource.query(
        `SELECT volume, number FROM issues i JOIN journals j ON j.id = i.journal_id
          WHERE j.slug = 'volunteering' AND i.status = 'published'`,
      );
      const labArticles: { id: string }[] = await web.dataSource.query(
        'SELECT id FROM submissions WHERE journal_id = $1',
        [lab.journalId],
      );
      const paths = [
        '/',
        ...['volunteering', 'search-lab'].flatMap((slug) =>
          ['', '/about', '/board', '/announcements', '/issues'].map((path) => `/j/${slug}${path}`),
        ),
        `/j/volunteering/issues/${demoIssue.volume}/${demoIssue.number}`,
        ...Object.values(demo).map((id) => `/j/volunteering/articles/${id}`),
        ...labIssues.map((path) => `/j/search-lab${path}`),
        ...labArticles.map((row) => `/j/search-lab/articles/${row.id}`),
      ];
      expect([...locs].sort()).toEqual(
        paths
          .flatMap((path) => SUPPORTED_LOCALES.map((locale) => `${site}/${locale}${path}`))
          .sort(),
      );
      // Each names the page in every language, and x-default: the journal's primary language.
      const article = `/j/volunteering/articles/${demo[DIGITAL_AR]}`;
      const entry = urls.find((url) => text(url, 'loc') === `${site}/fr${article}`)!;
      expect(
        childrenNamed(entry, 'link').map((link) => [
          link.ns,
          link.attributes.hreflang,
          link.attributes.href,
        ]),
      ).toEqual([
        ['http://www.w3.org/1999/xhtml', 'ar', `${site}/ar${article}`],
        ['http://www.w3.org/1999/xhtml', 'en', `${site}/en${article}`],
        ['http://www.w3.org/1999/xhtml', 'fr', `${site}/fr${article}`],
        ['http://www.w3.org/1999/xhtml', 'x-default', `${site}/ar${article}`],
      ]);
      const labHome = urls.find((url) => text(url, 'loc') === `${site}/en/j/search-lab`)!;
      expect(
        childrenNamed(labHome, 'link').find((link) => link.attributes.hreflang === 'x-default')
          ?.attributes.href,
      ).toBe(`${site}/fr/j/search-lab`);
      const home = urls.find((url) => text(url, 'loc') === `${site}/ar/`)!;
      expect(
        childrenNamed(home, 'link').find((link) => link.attributes.hreflang === 'x-default')
          ?.attributes.href,
      ).toBe(`${site}/`);
      // When each last changed, from the published record.
      const labIssue = urls.find(
        (url) => text(url, 'loc') === `${site}/en/j/search-lab/issues/1/1`,
      )!;
      expect(text(labIssue, 'lastmod')).toBe('2024-06-01T08:19:00Z');
      const [newest]: { id: string }[] = await web.dataSource.query(
        `SELECT id FROM submissions WHERE number = 'LAB-${LAB_ARTICLES - 1}'`,
      );
      const newestUrl = urls.find(
        (url) => text(url, 'loc') === `${site}/ar/j/search-lab/articles/${newest.id}`,
      )!;
      expect(text(newestUrl, 'lastmod')).toBe(`2025-06-01T08:${LAB_ARTICLES - 1}:00Z`);
      expect(
        text(
          urls.find((url) => text(url, 'loc') === `${site}/ar/j/search-lab/issues`)!,
          'lastmod',
        ),
      ).toBe(`2025-06-01T08:${LAB_ARTICLES}:00Z`);
      // The announcements' list changed when the newest was published; the lab has none.
      const announced = (path: string) =>
        text(
          urls.find((url) => text(url, 'loc') === `${site}/en${path}`)!,
          'lastmod',
        );
      const [latestAnnouncement]: { at: Date }[] = await web.dataSource.query(
        `SELECT greatest(published_at, updated_at) AS at FROM announcements
          ORDER BY published_at DESC LIMIT 1`,
      );
      expect(announced('/j/volunteering/announcements')).toBe(
        latestAnnouncement.at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      );
      expect(announced('/j/search-lab/announcements')).toBeUndefined();
    });

    it('may be cached and revalidated', async () => {
      const response = await http().get('/sitemap.xml');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const again = await http().get('/sitemap.xml').set('If-None-Match', response.headers.etag);
      expect(again.status).toBe(304);
      // One document has no parts; a part that is no number is refused.
      expect((await http().get('/sitemap.xml?part=1')).status).toBe(404);
      expect((await http().get('/sitemap.xml?part=x')).status).toBe(400);
    });

    it('robots.txt names the sitemap and keeps crawlers out of workspaces and search results', async () => {
      const response = await http().get('/robots.txt');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const lines = response.text.split('\n');
      expect(lines).toContain(`Sitemap: ${site}/sitemap.xml`);
      for (const rule of ['/api/', '/*/login', '/*/account/', '/*/j/*/search'])
        expect(lines).toContain(`Disallow: ${rule}`);
      const sitemapPath = new URL(
        lines.find((line) => line.startsWith('Sitemap: '))!.slice('Sitemap: '.length),
      ).pathname;
      expect((await http().get(sitemapPath)).status).toBe(200);
    });
  });
});
