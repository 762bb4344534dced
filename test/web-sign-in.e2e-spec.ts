import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DEMO_PASSWORD } from '../src/demo';
import {
  accessibilityViolations,
  launchBrowser,
  pageDirection,
  saveScreenshot,
  startWebApp,
  visitor,
  type WebApp,
} from './web/browser';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const AUTHOR = 'author1@volunteering.example.org';

/** Text without the isolates that keep a value's direction inside a sentence. */
const plain = (value: string | null) => (value ?? '').replace(/[\u2068\u2069]/g, '').trim();

describe('signing in and out on the web, and the forms’ protections', () => {
  let web: WebApp;
  let browser: Browser;

  const http = () => request(web.app.getHttpServer());

  beforeAll(async () => {
    [web, browser] = await Promise.all([
      startWebApp({ seed: { submissions: false } }),
      launchBrowser(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const newTab = async (locale: 'ar' | 'en' | 'fr') => {
    const context = await visitor(browser, web.baseUrl, { locale });
    return { context, page: await context.newPage() };
  };

  const signIn = async (page: Page, email: string, password: string) => {
    await page.fill('#field-email', email);
    await page.fill('#field-password', password);
    await page.click('form.form button[type="submit"]');
  };

  it('sends a signed-out visitor of their account to sign in, then back', async () => {
    const response = await http().get('/ar/account').set('Accept', BROWSER_ACCEPT);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/ar/login?next=%2Faccount');
    // Programs keep problem+json.
    const program = await http().get('/ar/account').set('Accept', 'application/json');
    expect(program.status).toBe(401);
    expect(program.headers['content-type']).toMatch(/application\/problem\+json/);

    const { context, page } = await newTab('ar');
    await page.goto('/ar/account');
    expect(new URL(page.url()).pathname).toBe('/ar/login');
    expect((await pageDirection(page)).direction).toBe('rtl');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'login', 'ar');
    await signIn(page, AUTHOR, DEMO_PASSWORD);
    await page.waitForURL('**/ar/account');
    expect(plain(await page.locator('h1').textContent())).toBe('حسابي');
    expect(await page.locator('.lead').textContent()).toContain('ليلى بنعلي');
    expect(await page.locator('a[href="/ar/j/volunteering/submissions"]').count()).toBe(1);
    expect(await page.locator('a[href="/ar/j/volunteering/reviews"]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Signed-in pages are this visitor's alone.
    const reload = await page.reload();
    expect(reload?.headers()['cache-control']).toBe('private, no-cache');
    // Signing in again is not asked of someone signed in.
    await page.goto('/ar/login?next=%2Fj%2Fvolunteering');
    expect(new URL(page.url()).pathname).toBe('/ar/j/volunteering');
    await context.close();
  });

  it('keeps the address and says what is wrong, in the page’s language, never the password', async () => {
    const { context, page } = await newTab('fr');
    await page.goto('/fr/login');
    await signIn(page, AUTHOR, 'not-the-password');
    await page.waitForSelector('.form-errors');
    expect(plain(await page.locator('.form-errors li').first().textContent())).toBe(
      'L’adresse électronique ou le mot de passe est incorrect',
    );
    expect(await page.inputValue('#field-email')).toBe(AUTHOR);
    expect(await page.inputValue('#field-password')).toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A field the rules refuse: its message beside it, linked from the summary and to the field.
    await page.fill('#field-email', 'not an address');
    await page.fill('#field-password', 'whatever');
    await page.click('form.form button[type="submit"]');
    await page.waitForSelector('#field-email-error');
    expect(plain(await page.locator('#field-email-error').textContent())).toBe(
      'Saisissez une adresse électronique, comme name@example.org.',
    );
    expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#field-email', 'aria-describedby')).toBe('field-email-error');
    expect(await page.getAttribute('.form-errors a', 'href')).toBe('#field-email');
    expect(await page.inputValue('#field-email')).toBe('not an address');
    await saveScreenshot(page, 'login-refused', 'fr');
    await context.close();
  });

  it('goes back only to this site’s own pages', async () => {
    const { context, page } = await newTab('en');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/login']) {
      await page.goto(`/en/login?next=${encodeURIComponent(next)}`);
      await signIn(page, AUTHOR, DEMO_PASSWORD);
      await page.waitForURL('**/en/account');
      expect([next, new URL(page.url()).host]).toEqual([next, new URL(web.baseUrl).host]);
      await page.context().clearCookies();
    }
    await context.close();
  });

  it('refuses a form without its token, or with another visitor’s, with the form-expired page', async () => {
    const { context, page } = await newTab('en');
    await page.goto('/en/login');
    const token = await page.inputValue('input[name="_csrf"]');
    const cookies = await context.cookies();
    const visitorCookie = cookies.find((cookie) => cookie.name === 'tahkim_visitor')!;
    expect(visitorCookie.httpOnly).toBe(true);
    const post = (fields: Record<string, string>, cookie?: string) => {
      const sent = http()
        .post('/en/login')
        .set('Accept', BROWSER_ACCEPT)
        .type('form')
        .send({ email: AUTHOR, password: DEMO_PASSWORD, ...fields });
      return cookie ? sent.set('Cookie', cookie) : sent;
    };
    const mine = `tahkim_visitor=${visitorCookie.value}`;
    for (const refused of [
      await post({}, mine),
      await post({ _csrf: 'forged' }, mine),
      // The token of one visitor is worth nothing with another's cookie.
      await post({ _csrf: token }, `tahkim_visitor=${'x'.repeat(32)}`),
      await post({ _csrf: token }),
    ]) {
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('This form has expired');
      expect(refused.headers['set-cookie'] ?? []).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^tahkim_session=/)]),
      );
    }
    const accepted = await post({ _csrf: token }, mine);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe('/en/account');
    await context.close();
  });

  it('signs out from the site bar, and the account is closed again', async () => {
    const { context, page } = await newTab('en');
    await page.goto('/en/login');
    await signIn(page, AUTHOR, DEMO_PASSWORD);
    await page.waitForURL('**/en/account');
    // The site's pages tell other sites nothing of where a visitor was, yet their own forms
    // carry the site's Origin (with `no-referrer` browsers send `Origin: null`).
    const account = await page.reload();
    expect(account?.headers()['referrer-policy']).toBe('same-origin');
    await page.click('.account-links button[type="submit"]');
    await page.waitForURL((url) => url.pathname === '/en/');
    expect(await page.locator('.flash').textContent()).toBe('You are signed out.');
    // Said once.
    await page.reload();
    expect(await page.locator('.flash').count()).toBe(0);
    expect(await page.locator('.account-links a').textContent()).toBe('Sign in');
    await page.goto('/en/account');
    expect(new URL(page.url()).pathname).toBe('/en/login');
    await context.close();
  });
});
