import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { SUPPORTED_LOCALES, type Locale } from '../src/common/i18n/locale';
import { DEMO_JOURNAL } from '../src/demo';
import { AssetPipeline } from '../src/web/foundation/assets';
import { FailingPagesModule, PAGE_INTERNAL_TEXT } from './web/failing-pages.module';
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

/** The little of the browser's window these tests call (the project compiles without the DOM). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { outlineStyle: string };
}

/** The public pages of this issue's first part, by name (the screenshot's) and address. */
const PAGES = [
  ['installation-home', '/'],
  ['journal-home', '/j/volunteering'],
  ['journal-about', '/j/volunteering/about'],
  ['journal-board', '/j/volunteering/board'],
] as const;

describe('the public site in Arabic, English and French', () => {
  let web: WebApp;
  let browser: Browser;
  /** One visitor and one tab per language, reused by every test of the file. */
  const tabs = {} as Record<Locale, { context: BrowserContext; page: Page; csp: string[] }>;

  beforeAll(async () => {
    [web, browser] = await Promise.all([
      startWebApp({ imports: [FailingPagesModule] }),
      launchBrowser(),
    ]);
    // A second journal, with other settings and no issue yet, titled in French only.
    await request(web.app.getHttpServer())
      .post('/api/journals')
      .set('Authorization', `Bearer ${web.env.config.ADMIN_API_TOKEN}`)
      .send({
        slug: 'revue-sans-numero',
        titles: { fr: 'Revue sans numéro' },
        primaryLocale: 'fr',
        publisherName: 'Éditions du Sahel',
        reviewPolicy: 'open',
        copyrightHolderRule: 'publisher',
        licenceUrl: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
      })
      .expect(201);
    for (const locale of SUPPORTED_LOCALES) {
      const context = await visitor(browser, web.baseUrl, { locale });
      const page = await context.newPage();
      tabs[locale] = { context, page, csp: watchCsp(page) };
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(PAGES)('%s', (name, path) => {
    it.each(SUPPORTED_LOCALES)(
      'in %s: right language and direction, accessible, alternates, screenshot',
      async (locale) => {
        const { page, csp } = tabs[locale];
        const response = await page.goto(`/${locale}${path}`);
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');

        const html = page.locator('html');
        expect(await html.getAttribute('lang')).toBe(locale);
        expect(await html.getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(await pageDirection(page)).toEqual(
          locale === 'ar'
            ? { direction: 'rtl', navigationSide: 'right' }
            : { direction: 'ltr', navigationSide: 'left' },
        );

        expect(await accessibilityViolations(page)).toEqual([]);

        const site = web.env.config.PUBLIC_URL;
        const pathOnly = path === '/' ? '/' : path;
        expect(await hreflangAlternates(page)).toEqual({
          ar: `${site}/ar${pathOnly}`,
          en: `${site}/en${pathOnly}`,
          fr: `${site}/fr${pathOnly}`,
          // The installation's home lets the browser choose; a journal sends to its primary language.
          'x-default': path === '/' ? `${site}/` : `${site}/ar${pathOnly}`,
        });
        expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
          `${site}/${locale}${pathOnly}`,
        );
        expect(csp).toEqual([]);
        await saveScreenshot(page, name, locale);
      },
    );
  });

  const http = () => request(web.app.getHttpServer());
  /** What a browser sends when it follows a link. */
  const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  describe('the journal’s pages say what its settings say', () => {
    it('home: its description and its current issue, contents by section', async () => {
      const { page } = tabs.ar;
      await page.goto('/ar/j/volunteering');
      expect(await page.title()).toBe('مجلة العمل التطوعي المحكّمة');
      expect(await page.locator('.intro').textContent()).toContain('الملتقى الخليجي المغربي');
      const issue = page.locator('.current-issue');
      expect(await issue.locator('.issue-summary__name').textContent()).toMatch(
        /^المجلد 1، العدد 1 \(\d{4}\): العدد الافتتاحي/,
      );
      // The publication date in Arabic words with Latin digits.
      expect(await issue.locator('time').textContent()).toMatch(
        /^نُشر في \u2068\d{1,2} \S+ \d{4}\u2069$/,
      );
      expect(await issue.locator('.toc__section-title').allTextContents()).toEqual([
        'بحوث ودراسات',
        'تقارير ميدانية',
      ]);
      const first = issue.locator('.toc-article').first();
      expect(await first.locator('.toc-article__title a').getAttribute('href')).toMatch(
        /^\/ar\/j\/volunteering\/articles\/[0-9a-f-]{36}$/,
      );
      expect(await first.locator('.toc-article__authors bdi').textContent()).toBe('مريم السيد');
      expect(await first.locator('a[href^="https://doi.org/"]').getAttribute('href')).toMatch(
        /^https:\/\/doi\.org\/10\.32013\/jvw\.\d{4}\.1$/,
      );
    });

    it('home before the first issue, and a text only in another language marked as such', async () => {
      const { page } = tabs.ar;
      await page.goto('/ar/j/revue-sans-numero');
      expect(await page.locator('.current-issue').textContent()).toContain(
        'لم يصدر العدد الأول بعد.',
      );
      const title = page.locator('.masthead__title span');
      expect([await title.getAttribute('lang'), await title.getAttribute('dir')]).toEqual([
        'fr',
        'ltr',
      ]);
      expect(await directionOf(page, '.masthead__title span')).toBe('ltr');
      await page.goto('/ar/');
      expect(await page.locator('.lead').textContent()).toBe('مجلتان');
      expect(await page.locator('.card__title a span[lang="fr"]').textContent()).toBe(
        'Revue sans numéro',
      );
    });

    it('about, for a journal with other settings: open review, publisher’s copyright', async () => {
      const { page } = tabs.en;
      await page.goto('/en/j/revue-sans-numero/about');
      expect(await page.locator('#peer-review + p').textContent()).toContain('peer review is open');
      expect(await page.locator('#copyright ~ p').first().textContent()).toContain(
        'to the publisher, \u2068Éditions du Sahel\u2069.',
      );
      expect(await page.locator('a[rel="license"]').textContent()).toBe('CC BY-NC-SA 4.0');
      expect(await page.locator('#author-guidelines ~ p').first().textContent()).toBe(
        'The journal has not published its guidelines for authors yet.',
      );
      // No policy of its own: the page claims none for it.
      expect(await page.locator('#ethics ~ p').first().textContent()).toBe(
        'The journal has not published its publication ethics policy yet.',
      );
      expect(await accessibilityViolations(page)).toEqual([]);
    });

    it.each([
      ['ar', 'مزدوج التعمية'],
      ['en', 'double-anonymous'],
      ['fr', 'double anonymat'],
    ] as const)(
      'about in %s: scope, guidelines, double-anonymous review, licence, ethics, ISSN',
      async (locale, words) => {
        const { page } = tabs[locale];
        await page.goto(`/${locale}/j/volunteering/about`);
        expect(await page.locator('#peer-review + p').textContent()).toContain(words);
        // The journal's own policies, in the page's language, one paragraph per paragraph.
        for (const [heading, setting] of [
          ['focus-and-scope', DEMO_JOURNAL.focusAndScope],
          ['author-guidelines', DEMO_JOURNAL.authorGuidelines],
          ['ethics', DEMO_JOURNAL.publicationEthics],
        ] as const) {
          const paragraphs = await page.locator(`#${heading} + div > p`).allTextContents();
          expect(paragraphs).toEqual(setting[locale].split('\n\n'));
        }
        const licence = page.locator('a[rel="license"]');
        expect(await licence.getAttribute('href')).toBe(
          'https://creativecommons.org/licenses/by/4.0/',
        );
        expect(await licence.textContent()).toBe('CC BY 4.0');
        expect(await page.locator('a[href^="https://publicationethics.org/"]').count()).toBe(1);
        expect(await page.locator('#journal-information ~ dl').textContent()).toContain(
          '2958-1427',
        );
        expect(
          await page.locator('a[href="mailto:editorial@volunteering.example.org"]').count(),
        ).toBe(1);
      },
    );

    it('board: every member in masthead order, an English-only text marked as English', async () => {
      const { page } = tabs.ar;
      await page.goto('/ar/j/volunteering/board');
      const roles = await page.locator('.board-member__role').allTextContents();
      expect(roles.map((role) => role.trim())).toEqual([
        'رئيس التحرير',
        'مديرة التحرير',
        'محرّرة قسم التقارير الميدانية',
        'محرّر قسم السياسات والحوكمة',
      ]);
      // The publisher's English name on an Arabic page is isolated, and reads left to right.
      await page.goto('/ar/j/volunteering/about');
      const publisher = page.locator('#contact ~ dl bdi').first();
      expect(await publisher.textContent()).toBe('Arab Union for Volunteer Work');
      expect(await directionOf(page, '#contact ~ dl bdi')).toBe('ltr');
    });

    it('uses Latin digits on Arabic pages (the journal has no setting for Arabic-Indic ones)', async () => {
      const { page } = tabs.ar;
      await page.goto('/ar/j/volunteering/about');
      const text = (await page.locator('#peer-review ~ p').nth(1).textContent()) ?? '';
      expect(text).toMatch(/28/);
      expect(text).not.toMatch(/[٠-٩]/);
    });
  });

  describe('languages', () => {
    it('/ sends a visitor to their saved language, else their browser’s, else Arabic', async () => {
      const to = async (headers: Record<string, string>) => {
        const response = await http().get('/').set(headers);
        expect(response.status).toBe(302);
        expect(response.headers.vary).toMatch(/Accept-Language/);
        expect(response.headers['cache-control']).toBe('private, no-store');
        return response.headers.location;
      };
      expect(await to({})).toBe('/ar/');
      expect(await to({ 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' })).toBe('/fr/');
      expect(await to({ 'Accept-Language': 'de' })).toBe('/ar/');
      expect(await to({ 'Accept-Language': 'fr', Cookie: 'tahkim_locale=en' })).toBe('/en/');
    });

    it('the switcher opens the same page in the chosen language and remembers the choice', async () => {
      const context = await visitor(browser, web.baseUrl, { locale: 'ar' });
      const page = await context.newPage();
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/ar/');
      await page.goto('/ar/j/volunteering/about');
      await page.locator('.language-switcher a[hreflang="en"]').click();
      await page.waitForURL('**/en/j/volunteering/about');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const cookie = (await context.cookies()).find(
        (candidate) => candidate.name === 'tahkim_locale',
      );
      expect(cookie).toMatchObject({ value: 'en', httpOnly: true, sameSite: 'Lax', path: '/' });
      // The next visit to / opens in English, though the browser asks for Arabic.
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/en/');
      await context.close();
    });

    it('the switcher keeps a page’s query and never leaves the site', async () => {
      const kept = await http().get('/fr/language?next=%2Fj%2Fvolunteering%3Fa%3D1');
      expect(kept.status).toBe(303);
      expect(kept.headers.location).toBe('/fr/j/volunteering?a=1');
      expect(kept.headers['set-cookie']?.[0]).toMatch(/^tahkim_locale=fr; /);
      const away = await http().get('/fr/language?next=%2F%2Fevil.example%2F');
      expect(away.headers.location).toBe('/fr/');
    });

    it('an address in a language the site does not speak is a 404 page in the visitor’s', async () => {
      const context = await visitor(browser, web.baseUrl, { locale: 'fr-FR' });
      const page = await context.newPage();
      const response = await page.goto('/de/j/volunteering');
      expect(response?.status()).toBe(404);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe('Introuvable');
      await context.close();
    });
  });

  describe('addresses', () => {
    it('the web’s routes leave the API’s where they were, under /api', async () => {
      await http().get('/api/oai?verb=Identify').expect(200);
      await http().get('/oai?verb=Identify').expect(404);
      await http().get('/me').expect(404);
    });

    it('a language’s home answers with or without its slash, one canonical address', async () => {
      const response = await http().get('/en');
      expect(response.status).toBe(200);
      expect(response.text).toContain(
        `<link rel="canonical" href="${web.env.config.PUBLIC_URL}/en/">`,
      );
    });
  });

  describe('error pages', () => {
    it('an unknown journal: 404 in the address’s language, with the correlation id', async () => {
      const { page } = tabs.fr;
      const response = await page.goto('/ar/j/no-such-journal');
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(response?.headers()['cache-control']).toBe('no-store');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      // The problem registry's title for not-found, in Arabic.
      expect(await page.locator('h1').textContent()).toBe('غير موجود');
      expect(await page.locator('.error-page__reference code').textContent()).toBe(
        response?.headers()['x-request-id'],
      );
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      expect(await accessibilityViolations(page)).toEqual([]);
      await saveScreenshot(page, 'error-404', 'ar');
    });

    it('a bad address (NUL in a segment): 400 page, refused before routing', async () => {
      const response = await http().get('/en/j/volunteer%00ing').set('Accept', BROWSER_ACCEPT);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('<html lang="en" dir="ltr">');
      expect(response.text).toContain(response.headers['x-request-id']);
    });

    it('a bug: 500 page in the visitor’s language, nothing of the error shown', async () => {
      const { page } = tabs.fr;
      const response = await page.goto('/fr/test-failures/type-error');
      expect(response?.status()).toBe(500);
      expect(await page.locator('h1').textContent()).toBe('Une erreur s’est produite');
      const html = await page.content();
      expect(html).not.toContain(PAGE_INTERNAL_TEXT);
      expect(html).not.toMatch(/TypeError|Cannot read/);
      expect(html).toContain(response?.headers()['x-request-id']);
    });

    it('/api keeps problem+json, even for a browser', async () => {
      const response = await http().get('/api/unknown').set('Accept', BROWSER_ACCEPT);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 404,
        correlationId: response.headers['x-request-id'],
      });
      const program = await http().get('/ar/j/no-such-journal');
      expect(program.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('assets', () => {
    const stylesheet = async () => {
      const { page } = tabs.en;
      await page.goto('/en/');
      return (await page.locator('link[rel="stylesheet"]').getAttribute('href'))!;
    };

    it('are served under content-hashed names, cached for a year, immutable', async () => {
      const href = await stylesheet();
      expect(href).toMatch(/^\/assets\/css\/site\.[0-9a-f]{12}\.css$/);
      const response = await http().get(href);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(response.text).toContain('IBM Plex Sans Arabic');
      const again = await http().get(href).set('If-None-Match', response.headers.etag);
      expect(again.status).toBe(304);
      const compressed = await http().get(href).set('Accept-Encoding', 'br, gzip');
      expect(compressed.headers['content-encoding']).toBe('br');
    });

    it('serve the fonts from the app, and htmx pinned from node_modules', async () => {
      const css = (await http().get(await stylesheet())).text;
      const font =
        /url\((\/assets\/fonts\/ibm-plex-sans-arabic-arabic-400-normal\.[0-9a-f]{12}\.woff2)\)/.exec(
          css,
        )?.[1];
      expect(font).toBeDefined();
      const response = await http().get(font!);
      expect(response.headers['content-type']).toBe('font/woff2');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const htmx = await http().get(web.app.get(AssetPipeline).url('js/htmx.min.js'));
      expect(htmx.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(htmx.text).toContain('version:"2.0.11"');
      // An old or made-up hash names nothing.
      expect((await http().get('/assets/css/site.000000000000.css')).status).toBe(404);
    });
  });

  describe('headers', () => {
    it('a strict Content-Security-Policy on every page', async () => {
      const response = await http().get('/en/j/volunteering');
      const policy = Object.fromEntries(
        String(response.headers['content-security-policy'])
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect(policy).toMatchObject({
        'script-src': "'self'",
        'style-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'frame-ancestors': "'none'",
        'form-action': "'self'",
      });
      expect(response.text).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\sstyle="|<style/);
    });

    it('keeps Swagger UI working: /api/docs has its own policy', async () => {
      const response = await http().get('/api/docs/');
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toMatch(/style-src[^;]*'unsafe-inline'/);
    });

    it('public pages may be cached by anyone for a few minutes, and revalidated', async () => {
      const response = await http().get('/fr/j/volunteering/board');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      expect(response.headers['content-language']).toBe('fr');
      const again = await http()
        .get('/fr/j/volunteering/board')
        .set('If-None-Match', response.headers.etag);
      expect(again.status).toBe(304);
    });
  });

  describe('people', () => {
    it.each(['ar', 'fr'] as const)(
      'a 360 px phone scrolls no page sideways (%s)',
      async (locale) => {
        const context = await visitor(browser, web.baseUrl, { locale, width: 360, height: 740 });
        const page = await context.newPage();
        for (const [name, path] of PAGES) {
          await page.goto(`/${locale}${path}`);
          const overflow = await page.evaluate(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          );
          expect([name, overflow]).toEqual([name, 0]);
          if (name === 'journal-about') await saveScreenshot(page, `${name}-phone`, locale);
        }
        await context.close();
      },
    );

    it('keyboard: the skip link comes first, leads to the content, and focus is visible', async () => {
      const { page } = tabs.ar;
      await page.goto('/ar/j/volunteering');
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      expect(await skip.getAttribute('href')).toBe('#main');
      expect(await skip.isVisible()).toBe(true);
      const outline = await skip.evaluate(
        (element) =>
          (globalThis as unknown as BrowserWindow).getComputedStyle(element).outlineStyle,
      );
      expect(outline).toBe('solid');
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement.id')).toBe('main');
    });
  });
});
