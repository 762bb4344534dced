import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { SUPPORTED_LOCALES, type Locale } from '../src/common/i18n/locale';
import { DEMO_JOURNAL } from '../src/demo';
import { signIn } from './support/sign-in';
import {
  accessibilityViolations,
  launchBrowser,
  pageDirection,
  saveScreenshot,
  startWebApp,
  visitor,
  type WebApp,
} from './web/browser';
import { childNamed, childrenNamed, parseXml, text } from './web/xml';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const ATOM = 'http://www.w3.org/2005/Atom';
const API = '/api/journals/volunteering/announcements';
const DAY = 86_400_000;

/** The demo's two announcements (src/demo/demo-journal.ts), newest first. */
const CALL = {
  ar: 'دعوة للمشاركة في عدد خاص عن التطوع الشبابي',
  en: 'Call for papers: a special issue on youth volunteering',
  fr: 'Appel à contributions\u202f: un numéro spécial sur le bénévolat des jeunes',
};
const FORUM = {
  ar: 'الملتقى الخليجي المغربي في الرباط',
  en: 'The Gulf–Moroccan forum meets in Rabat',
  fr: 'Le forum Golfe–Maroc se réunit à Rabat',
};

/** Text without the isolates that keep a value's direction inside a sentence. */
const plain = (value: string | null) => (value ?? '').replace(/[\u2068\u2069]/g, '').trim();

describe('a journal’s announcements on its public site', () => {
  let web: WebApp;
  let browser: Browser;
  let editor: string;
  const tabs = {} as Record<Locale, { context: BrowserContext; page: Page }>;
  const ids = {} as {
    call: string;
    forum: string;
    draft: string;
    scheduled: string;
    expired: string;
  };

  const http = () => request(web.app.getHttpServer());
  const create = async (body: Record<string, unknown>): Promise<string> =>
    (await http().post(API).set('Authorization', editor).send(body).expect(201)).body.id;

  beforeAll(async () => {
    [web, browser] = await Promise.all([
      startWebApp({ seed: { submissions: false } }),
      launchBrowser(),
    ]);
    editor = await signIn(web.app, 'editor');
    const published: { id: string; titles: { en: string } }[] = (await http().get(API).expect(200))
      .body.items;
    ids.call = published.find((item) => item.titles.en === CALL.en)!.id;
    ids.forum = published.find((item) => item.titles.en === FORUM.en)!.id;
    // Beside the demo's: a draft, one to come tomorrow, one published long ago that has expired.
    ids.draft = await create({ titles: { ar: 'مسودة لم تُنشر' } });
    ids.scheduled = await create({
      titles: { ar: 'إعلان مجدول للغد', en: 'Scheduled for tomorrow' },
      publishedAt: new Date(Date.now() + DAY).toISOString(),
    });
    ids.expired = await create({
      titles: { ar: 'موعد انقضى', en: 'A deadline that has passed' },
      publishedAt: new Date(Date.now() - 60 * DAY).toISOString(),
      expiresAt: new Date(Date.now() - 30 * DAY).toISOString(),
    });
    for (const locale of SUPPORTED_LOCALES) {
      const context = await visitor(browser, web.baseUrl, { locale });
      tabs[locale] = { context, page: await context.newPage() };
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const titlesOn = async (page: Page, selector: string) =>
    (await page.locator(selector).allTextContents()).map(plain);

  it('the journal’s home shows those published and not expired, newest first, linked', async () => {
    const { page } = tabs.ar;
    await page.goto('/ar/j/volunteering');
    expect(plain(await page.locator('#announcements').textContent())).toBe('الإعلانات');
    expect(await titlesOn(page, '.home-announcements .announcement-item__title')).toEqual([
      CALL.ar,
      FORUM.ar,
    ]);
    expect(
      await page
        .locator('.home-announcements .announcement-item__title a')
        .first()
        .getAttribute('href'),
    ).toBe(`/ar/j/volunteering/announcements/${ids.call}`);
    expect(
      plain(
        await page
          .locator('.home-announcements .announcement-item > p:not(.muted)')
          .first()
          .textContent(),
      ),
    ).toBe('تُرسل الملخصات قبل 15 مارس.');
    expect(
      await page.locator('.home-announcements a[href="/ar/j/volunteering/announcements"]').count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)(
    'the list in %s: published ones, expired included, none to come; accessible; screenshot',
    async (locale) => {
      const { page } = tabs[locale];
      const response = await page.goto(`/${locale}/j/volunteering/announcements`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toBe('public, max-age=300');
      // No French title: the journal's primary language's (Arabic) before any other.
      const expired = { ar: 'موعد انقضى', en: 'A deadline that has passed', fr: 'موعد انقضى' };
      expect(await titlesOn(page, '.announcement-item__title')).toEqual([
        CALL[locale],
        FORUM[locale],
        expired[locale],
      ]);
      // The menu says where the visitor is; the page reads in its language's direction.
      expect(await page.locator('.main-nav a[aria-current="page"]').getAttribute('href')).toBe(
        `/${locale}/j/volunteering/announcements`,
      );
      expect((await pageDirection(page)).direction).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      // On the French page that title is marked as Arabic, right to left.
      if (locale === 'fr') {
        const foreign = page.locator('.announcement-item__title a span[lang="ar"]');
        expect(await foreign.getAttribute('dir')).toBe('rtl');
      }
      expect(await accessibilityViolations(page)).toEqual([]);
      await saveScreenshot(page, 'journal-announcements', locale);
    },
  );

  it.each(SUPPORTED_LOCALES)('an announcement’s page in %s: title, date, body', async (locale) => {
    const { page } = tabs[locale];
    const response = await page.goto(`/${locale}/j/volunteering/announcements/${ids.call}`);
    expect(response?.status()).toBe(200);
    expect(plain(await page.locator('h1').textContent())).toBe(CALL[locale]);
    expect(await page.locator('title').textContent()).toBe(
      `${CALL[locale]} · ${DEMO_JOURNAL.titles[locale]}`,
    );
    expect(await page.locator('.announcement time').getAttribute('datetime')).toMatch(
      /^\d{4}-\d\d-\d\d$/,
    );
    const [body] = (await http().get(API).expect(200)).body.items;
    expect(await page.locator('.announcement .prose p').allTextContents()).toEqual(
      (body.bodies[locale] as string).split('\n\n'),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'announcement', locale);
  });

  it('a draft, one to come, another journal’s or no announcement at all is the 404 page', async () => {
    for (const path of [
      `/en/j/volunteering/announcements/${ids.draft}`,
      `/en/j/volunteering/announcements/${ids.scheduled}`,
      '/en/j/volunteering/announcements/00000000-0000-4000-8000-000000000000',
      '/en/j/volunteering/announcements/not-an-id',
      `/en/j/no-such-journal/announcements/${ids.call}`,
      '/en/j/no-such-journal/announcements',
    ]) {
      const response = await http().get(path).set('Accept', BROWSER_ACCEPT);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('<html lang="en" dir="ltr">');
    }
  });

  it('a cursor it did not give out, two cursors or an unknown parameter is the 400 page', async () => {
    for (const query of [
      'cursor=nonsense',
      'cursor=a&cursor=b',
      `cursor=${'x'.repeat(501)}`,
      'sort=old',
    ]) {
      const response = await http()
        .get(`/fr/j/volunteering/announcements?${query}`)
        .set('Accept', BROWSER_ACCEPT);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.text).toContain('<html lang="fr" dir="ltr">');
    }
  });

  it('pages older ones twenty at a time; later pages are not indexed', async () => {
    for (let day = 1; day <= 20; day += 1)
      await create({
        titles: { ar: `إعلان قديم ${day}` },
        publishedAt: new Date(Date.now() - (100 + day) * DAY).toISOString(),
      });
    // A new visitor: the tabs' browser may keep the list it saw for five minutes (max-age).
    const context = await visitor(browser, web.baseUrl, { locale: 'ar' });
    const page = await context.newPage();
    await page.goto('/ar/j/volunteering/announcements');
    expect(await page.locator('.announcement-item').count()).toBe(20);
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/cursor=/);
    // 23 published in all: the last three of the oldest, the oldest last.
    expect(await titlesOn(page, '.announcement-item__title')).toEqual([
      'إعلان قديم 18',
      'إعلان قديم 19',
      'إعلان قديم 20',
    ]);
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('has an Atom feed per language, linked from the journal’s pages', async () => {
    const response = await http().get('/fr/j/volunteering/announcements/feed.atom');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const root = await parseXml(tabs.fr.page, response.text);
    const site = web.env.config.PUBLIC_URL.replace(/\/+$/, '');
    expect([root.name, root.ns, root.attributes['xml:lang']]).toEqual(['feed', ATOM, 'fr']);
    expect(text(root, 'id')).toBe(`${site}/fr/j/volunteering/announcements/feed.atom`);
    const entries = childrenNamed(root, 'entry');
    expect(entries.slice(0, 2).map((entry) => text(entry, 'title'))).toEqual([CALL.fr, FORUM.fr]);
    const call = entries[0];
    expect(text(call, 'id')).toBe(`${site}/fr/j/volunteering/announcements/${ids.call}`);
    expect(text(call, 'summary')).toBe('Les résumés sont attendus avant le 15 mars.');
    expect(text(call, 'published')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // An Arabic-only one, marked as Arabic in the French feed; nothing unpublished.
    const arabic = entries.find((entry) => text(entry, 'title') === 'إعلان قديم 1')!;
    expect(childNamed(arabic, 'title').attributes['xml:lang']).toBe('ar');
    const titles = entries.map((entry) => text(entry, 'title'));
    expect(titles).not.toContain('مسودة لم تُنشر');
    expect(titles).not.toContain('Scheduled for tomorrow');
  });
});
