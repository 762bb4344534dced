import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { projectRoot } from '../src/common/paths/project-root';
import { tokenIn } from './support/api-with-worker';
import { signIn as signInByApi } from './support/sign-in';
import {
  accessibilityViolations,
  directionOf,
  launchBrowser,
  pageDirection,
  saveScreenshot,
  startWebApp,
  visitor,
  type WebApp,
  watchCsp,
} from './web/browser';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const PASSWORD = 'Olive-trees-of-Meknes-7';
const NEW_PASSWORD = 'Cedars-above-Ifrane-after-snow';

type Locale = 'ar' | 'en' | 'fr';

/** Text without the isolates that keep a value's direction inside a sentence. */
const plain = (value: string | null) => (value ?? '').replace(/[\u2068\u2069]/g, '').trim();

/** A message of the UI catalogs, as written (no arguments). */
const catalogs = Object.fromEntries(
  (['ar', 'en', 'fr'] as const).map((locale) => {
    const dir = join(projectRoot(), 'templates', 'web', 'messages');
    const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return [locale, { ...read(`${locale}.json`), ...read(`account/${locale}.json`) }];
  }),
) as Record<Locale, Record<string, string>>;
const says = (locale: Locale, key: string) => catalogs[locale][key];

/** The first link to the site in an email's text. */
function linkIn(mail: ParsedMail, web: WebApp): URL {
  // The text part writes a button as `label [address]`.
  const found = (mail.text ?? '')
    .match(/https?:\/\/[^\s[\]<>"')]+/g)
    ?.find((url) => url.includes('token='));
  if (!found) throw new Error(`no link with a token in: ${mail.text}`);
  const url = new URL(found);
  expect(url.origin).toBe(web.baseUrl);
  return url;
}

describe('the account pages: registering, passwords, invitations, profile, sessions, export, deletion', () => {
  let web: WebApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const http = () => request(web.app.getHttpServer());

  beforeAll(async () => {
    [web, browser] = await Promise.all([
      startWebApp({
        seed: { submissions: false },
        worker: true,
        // Many registrations and resets from one address in one file.
        env: { AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR: '1000' },
      }),
      launchBrowser(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await web?.close();
  });

  const newTab = async (locale: Locale) => {
    const context = await visitor(browser, web.baseUrl, { locale });
    contexts.push(context);
    return { context, page: await context.newPage() };
  };

  const submit = (page: Page) => page.click('form.form button[type="submit"]');

  const signIn = async (page: Page, locale: Locale, email: string, password = PASSWORD) => {
    await page.goto(`/${locale}/login`);
    await page.fill('#field-email', email);
    await page.fill('#field-password', password);
    await submit(page);
  };

  /** A person registered and confirmed through the API, in `locale`. */
  const registered = async (
    email: string,
    locale: Locale,
    names: Record<string, { given: string; family?: string }> = { Latn: { given: 'Test' } },
  ) => {
    await http()
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, names, preferredLocale: locale })
      .expect(202);
    const token = tokenIn(await web.mailTo(email));
    await http().post('/api/auth/verify-email').send({ token }).expect(200);
    return email;
  };

  it('registers in Arabic with names in both scripts, confirms from the email, signs in and lands on the account', async () => {
    const email = 'salma.alaoui@example.org';
    const { page } = await newTab('ar');
    await page.goto('/ar/register');
    expect((await pageDirection(page)).direction).toBe('rtl');
    expect(await page.inputValue('#field-preferredLocale')).toBe('ar');
    expect(await directionOf(page, '#field-names-Arab-given')).toBe('rtl');
    expect(await directionOf(page, '#field-names-Latn-given')).toBe('ltr');
    expect(await directionOf(page, '#field-email')).toBe('ltr');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.fill('#field-names-Arab-given', 'سلمى');
    await page.fill('#field-names-Arab-family', 'العلوي');
    await page.fill('#field-names-Latn-given', 'Salma');
    await page.fill('#field-names-Latn-family', 'Alaoui');
    await page.fill('#field-email', email);
    await page.fill('#field-password', PASSWORD);
    await saveScreenshot(page, 'register', 'ar');
    await submit(page);
    await page.waitForURL('**/ar/register/sent');
    expect(plain(await page.locator('h1').textContent())).toBe(
      says('ar', 'account.email-sent.title'),
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    const answer = plain(await page.locator('main').textContent());

    // An address that has an account gets the very same answer (its owner is told by email).
    const { page: twice } = await newTab('ar');
    await twice.goto('/ar/register');
    await twice.fill('#field-names-Latn-given', 'Someone');
    await twice.fill('#field-email', email);
    await twice.fill('#field-password', NEW_PASSWORD);
    await submit(twice);
    await twice.waitForURL('**/ar/register/sent');
    expect(plain(await twice.locator('main').textContent())).toBe(answer);

    const mail = await web.mailTo(email, (candidate) =>
      (candidate.text ?? '').includes('/verify-email?token='),
    );
    expect(mail.subject).toBe('تأكيد عنوان بريدك الإلكتروني في تحكيم');
    const link = linkIn(mail, web);
    expect(link.pathname).toBe('/ar/verify-email');
    // Opening the link (as a mail scanner would) confirms nothing: only the button does (a
    // double press included).
    const cspReports = watchCsp(page);
    await page.goto(link.pathname + link.search);
    await page.goto(link.pathname + link.search);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.dblclick('form.form button[type="submit"]');
    await page.waitForURL('**/ar/login');
    expect(plain(await page.locator('.flash').textContent())).toBe(
      says('ar', 'account.flash.email-confirmed'),
    );
    await page.fill('#field-email', email);
    await page.fill('#field-password', PASSWORD);
    await submit(page);
    await page.waitForURL('**/ar/account');
    expect(plain(await page.locator('h1').textContent())).toBe('حسابي');
    expect(await page.locator('.lead').textContent()).toContain('سلمى العلوي');
    expect(cspReports).toEqual([]);

    // The link is spent: pressed again, it says the address is confirmed and leads to sign in.
    const { page: other } = await newTab('ar');
    await other.goto(link.pathname + link.search);
    await submit(other);
    await other.waitForURL('**/ar/login');
    expect(plain(await other.locator('.flash').textContent())).toBe(
      says('ar', 'account.flash.email-confirmed'),
    );
    // A link that never worked still gets the dead link's page, with the way on.
    await other.goto('/ar/verify-email?token=00000000-0000-4000-8000-000000000000.forged');
    await submit(other);
    await other.waitForSelector('h1');
    expect(plain(await other.locator('h1').textContent())).toBe(
      says('ar', 'account.link-invalid.title'),
    );
    expect(await other.locator('form[action="/ar/verify-email/resend"]').count()).toBe(1);
  });

  it('keeps every value but the password when a registration is refused, with each message beside its field in Arabic', async () => {
    const { page } = await newTab('ar');
    await page.goto('/ar/register');
    await page.fill('#field-names-Arab-given', 'يوسف');
    await page.fill('#field-names-Latn-given', 'Youssef');
    await page.fill('#field-names-Latn-family', 'Berrada');
    await page.fill('#field-email', 'not an address');
    await page.fill('#field-password', 'Zq7-w');
    await page.selectOption('#field-preferredLocale', 'fr');
    await submit(page);
    await page.waitForSelector('.form-errors');
    expect(plain(await page.locator('#field-email-error').textContent())).toBe(
      says('ar', 'form.error.isEmail'),
    );
    expect(plain(await page.locator('#field-password-error').textContent())).toBe(
      'يجب ألا تقل كلمة المرور عن 10 أحرف.',
    );
    expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#field-password', 'aria-describedby')).toBe(
      'field-password-hint field-password-error',
    );
    expect(await page.inputValue('#field-names-Arab-given')).toBe('يوسف');
    expect(await page.inputValue('#field-names-Latn-given')).toBe('Youssef');
    expect(await page.inputValue('#field-names-Latn-family')).toBe('Berrada');
    expect(await page.inputValue('#field-email')).toBe('not an address');
    expect(await page.inputValue('#field-preferredLocale')).toBe('fr');
    expect(await page.inputValue('#field-password')).toBe('');
    expect(await page.content()).not.toContain('Zq7-w');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A family name without its given name, and no name at all.
    await page.fill('#field-names-Arab-given', '');
    await page.fill('#field-names-Arab-family', 'برادة');
    await page.fill('#field-email', 'youssef.berrada@example.org');
    await page.fill('#field-password', PASSWORD);
    await submit(page);
    await page.waitForSelector('#field-names-Arab-given-error');
    expect(plain(await page.locator('#field-names-Arab-given-error').textContent())).toBe(
      says('ar', 'account.error.given-name'),
    );
    for (const field of [
      '#field-names-Arab-family',
      '#field-names-Latn-given',
      '#field-names-Latn-family',
    ])
      await page.fill(field, '');
    await page.fill('#field-password', PASSWORD);
    await submit(page);
    await page.waitForSelector('#field-names-error');
    expect(plain(await page.locator('#field-names-error').textContent())).toBe(
      says('ar', 'form.error.isNotEmptyObject'),
    );
    expect(await page.getAttribute('.form-errors a', 'href')).toBe('#field-names');
  });

  it('resets a forgotten password from the emailed link; the old password stops working', async () => {
    const email = await registered('nadia.forgot@example.org', 'en');
    const { page } = await newTab('en');
    await page.goto('/en/password/forgot');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.fill('#field-email', email);
    await submit(page);
    await page.waitForURL('**/en/password/forgot/sent');
    const sent = plain(await page.locator('main').textContent());

    // An address without an account gets the very same page.
    const { page: stranger } = await newTab('en');
    await stranger.goto('/en/password/forgot');
    await stranger.fill('#field-email', 'nobody.here@example.org');
    await submit(stranger);
    await stranger.waitForURL('**/en/password/forgot/sent');
    expect(plain(await stranger.locator('main').textContent())).toBe(sent);

    const mail = await web.mailTo(email, (candidate) =>
      (candidate.text ?? '').includes('/password/reset?token='),
    );
    const link = linkIn(mail, web);
    expect(link.pathname).toBe('/en/password/reset');
    await page.goto(link.pathname + link.search);
    expect(await accessibilityViolations(page)).toEqual([]);
    // A weak password is refused without spending the link.
    await page.fill('#field-newPassword', 'nadia.forgot');
    await submit(page);
    await page.waitForSelector('#field-newPassword-error');
    expect(plain(await page.locator('#field-newPassword-error').textContent())).toContain(
      says('en', 'form.error.password-has-email'),
    );
    await page.fill('#field-newPassword', NEW_PASSWORD);
    await submit(page);
    await page.waitForURL('**/en/login');
    expect(await page.locator('.flash').textContent()).toBe(
      says('en', 'account.flash.password-set'),
    );

    await signIn(page, 'en', email, PASSWORD);
    await page.waitForSelector('.form-errors');
    expect(new URL(page.url()).pathname).toBe('/en/login');
    await signIn(page, 'en', email, NEW_PASSWORD);
    await page.waitForURL('**/en/account');
  });

  it('accepts an enrolment invitation from its email: a password set, names corrected, signed in', async () => {
    const email = 'karim.invited@example.org';
    const manager = await signInByApi(web.app, 'manager');
    await http()
      .post('/api/journals/volunteering/roles')
      .set('Authorization', manager)
      .send({
        email,
        role: 'reviewer',
        names: { Latn: { given: 'Karim', family: 'Tazi' } },
        preferredLocale: 'fr',
      })
      .expect(201);
    const mail = await web.mailTo(email);
    const link = linkIn(mail, web);
    expect(link.pathname).toBe('/fr/invitation');

    const { page } = await newTab('fr');
    await page.goto(link.pathname + link.search);
    expect(plain(await page.locator('h1').textContent())).toBe(
      says('fr', 'account.invitation.title'),
    );
    // Whom it is for, and the names the editor entered, ready to correct.
    expect(plain(await page.locator('main').textContent())).toContain(email);
    expect(await page.inputValue('#field-names-Latn-given')).toBe('Karim');
    expect(await page.inputValue('#field-names-Latn-family')).toBe('Tazi');
    expect(await page.inputValue('#field-names-Arab-given')).toBe('');
    await page.fill('#field-password', PASSWORD);
    await page.fill('#field-names-Arab-given', 'كريم');
    await page.fill('#field-names-Arab-family', 'التازي');
    await page.fill('#field-names-Latn-given', 'Karim');
    await page.fill('#field-names-Latn-family', 'Tazi');
    await submit(page);
    await page.waitForURL('**/fr/account');
    expect(plain(await page.locator('.flash').textContent())).toBe(
      says('fr', 'account.flash.welcome'),
    );
    expect(await page.locator('a[href="/fr/j/volunteering/reviews"]').count()).toBe(1);
    await page.goto('/fr/account/profile');
    expect(await page.inputValue('#field-names-Arab-given')).toBe('كريم');

    // The link is spent: its page says so at once.
    const { page: again } = await newTab('fr');
    await again.goto(link.pathname + link.search);
    await again.waitForSelector('h1');
    expect(plain(await again.locator('h1').textContent())).toBe(
      says('fr', 'account.link-invalid.title'),
    );
  });

  it('edits the profile in French: an ORCID iD checked as typed, refused beside its field, then saved', async () => {
    const email = await registered('ines.profil@example.org', 'fr', {
      Latn: { given: 'Inès', family: 'Chraibi' },
    });
    const { page } = await newTab('fr');
    await signIn(page, 'fr', email);
    await page.waitForURL('**/fr/account');
    await page.click('.account-nav a[href="/fr/account/profile"]');
    await page.waitForURL('**/fr/account/profile');
    expect(await directionOf(page, '#field-names-Arab-given')).toBe('rtl');
    expect(await directionOf(page, '#field-names-Latn-given')).toBe('ltr');
    expect(await directionOf(page, '#field-orcid')).toBe('ltr');
    expect(await directionOf(page, '#field-rorId')).toBe('ltr');
    expect(await page.inputValue('#field-names-Latn-given')).toBe('Inès');
    // Countries named in French, in French order.
    expect(await page.locator('#field-country option[value="MA"]').textContent()).toBe('Maroc');

    // Checked as typed, by the server's own rule.
    await page.fill('#field-orcid', '0000-0002-1825-0098');
    await page.waitForSelector('#field-orcid-check .field__check--invalid');
    expect(plain(await page.locator('#field-orcid-check').textContent())).toBe(
      says('fr', 'account.error.orcid'),
    );
    await page.fill('#field-orcid', '0000-0002-1825-0097');
    await page.waitForSelector('#field-orcid-check .field__check--valid');

    // Sent wrong all the same: refused beside its field, everything else kept.
    await page.fill('#field-orcid', '0000-0002-1825-0098');
    await page.fill('#field-affiliation', 'Université Mohammed V de Rabat');
    await page.fill('#field-rorId', 'https://ror.org/05dxps055');
    await page.selectOption('#field-country', 'MA');
    await page.fill('#field-reviewInterests', 'bénévolat\nالعمل التطوعي');
    await page.fill('#field-maxConcurrentReviews', '5');
    await page.fill('#field-names-Arab-given', 'إيناس');
    await page.click('form.form button[type="submit"]');
    await page.waitForSelector('#field-orcid-error');
    expect(plain(await page.locator('#field-orcid-error').textContent())).toBe(
      says('fr', 'account.error.orcid'),
    );
    expect(await page.getAttribute('#field-orcid', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#field-affiliation')).toBe('Université Mohammed V de Rabat');
    expect(await page.inputValue('#field-country')).toBe('MA');
    expect(await page.inputValue('#field-reviewInterests')).toBe('bénévolat\nالعمل التطوعي');
    expect(await page.inputValue('#field-names-Arab-given')).toBe('إيناس');
    expect(await page.locator('.form-errors li').count()).toBe(1);

    await page.fill('#field-orcid', 'https://orcid.org/0000-0002-1825-0097');
    await page.click('form.form button[type="submit"]');
    await page.waitForSelector('.flash');
    expect(await page.locator('.flash').textContent()).toBe(
      says('fr', 'account.flash.profile-saved'),
    );
    expect(await page.inputValue('#field-orcid')).toBe('0000-0002-1825-0097');
    expect(await page.inputValue('#field-country')).toBe('MA');
    expect(await page.inputValue('#field-maxConcurrentReviews')).toBe('5');
    expect(await page.inputValue('#field-names-Arab-given')).toBe('إيناس');
    await saveScreenshot(page, 'profile', 'fr');

    const profile = await http()
      .get('/api/me')
      .set('Authorization', await signInByApi(web.app, email, { password: PASSWORD }))
      .expect(200);
    expect(profile.body).toMatchObject({
      orcid: '0000-0002-1825-0097',
      rorId: 'https://ror.org/05dxps055',
      country: 'MA',
      reviewInterests: ['bénévolat', 'العمل التطوعي'],
      maxConcurrentReviews: 5,
      names: { Arab: { given: 'إيناس' }, Latn: { given: 'Inès', family: 'Chraibi' } },
    });
  });

  it('lists the sessions: one browser ends the other, which is sent to sign in on its next page', async () => {
    const email = await registered('omar.sessions@example.org', 'en');
    const { page: first } = await newTab('en');
    const { page: second } = await newTab('en');
    for (const page of [first, second]) {
      await signIn(page, 'en', email);
      await page.waitForURL('**/en/account');
    }
    await first.goto('/en/account/sessions');
    expect(await first.locator('.session').count()).toBe(2);
    expect(await first.locator('.session--current .badge').textContent()).toBe('This device');
    expect(plain(await first.locator('.session__device').first().textContent())).toMatch(
      /^Headless Chrome on Linux/,
    );
    expect(await accessibilityViolations(first)).toEqual([]);
    await first.click('.session:not(.session--current) .session__end button');
    await first.waitForSelector('.flash');
    expect(await first.locator('.flash').textContent()).toBe(
      says('en', 'account.flash.session-ended'),
    );
    expect(await first.locator('.session').count()).toBe(1);
    await second.goto('/en/account/profile');
    expect(new URL(second.url()).pathname).toBe('/en/login');

    // Another person's session is not this person's to end: nothing happens to it.
    const otherBearer = await signInByApi(web.app, 'reviewer1');
    const theirs = await http()
      .get('/api/me/sessions')
      .set('Authorization', otherBearer)
      .expect(200);
    const theirId = (theirs.body as { id: string; current: boolean }[]).find((s) => s.current)!.id;
    const ended = await first.evaluate(
      async ([path, token]) => {
        const body = new URLSearchParams({ _csrf: token });
        const answer = await fetch(path, { method: 'POST', body, redirect: 'manual' });
        return answer.type;
      },
      [
        `/en/account/sessions/${theirId}/end`,
        await first.locator('input[name="_csrf"]').first().inputValue(),
      ],
    );
    expect(ended).toBe('opaqueredirect');
    await http().get('/api/me').set('Authorization', otherBearer).expect(200);

    // "Sign out everywhere else".
    const { page: third } = await newTab('en');
    await signIn(third, 'en', email);
    await third.waitForURL('**/en/account');
    await first.reload();
    expect(await first.locator('.session').count()).toBe(2);
    await first.click('.sessions__end-others button');
    await first.waitForSelector('.flash');
    expect(await first.locator('.flash').textContent()).toBe(
      says('en', 'account.flash.others-ended'),
    );
    expect(await first.locator('.session').count()).toBe(1);
    await third.goto('/en/account');
    expect(new URL(third.url()).pathname).toBe('/en/login');
    await first.goto('/en/account');
    expect(new URL(first.url()).pathname).toBe('/en/account');
  });

  it('downloads everything held about the person as a JSON file', async () => {
    const email = await registered('leila.export@example.org', 'en');
    const { page } = await newTab('en');
    await signIn(page, 'en', email);
    await page.waitForURL('**/en/account');
    await page.goto('/en/account/export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href="/en/account/export/download"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tahkim-account-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.profile.email).toBe(email);
    expect(data.emailsReceived.map((mail: { template: string }) => mail.template)).toContain(
      'account-verification',
    );
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|tokenHash|secretHash/);

    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const answer = await http()
      .get('/en/account/export/download')
      .set('Cookie', cookie)
      .expect(200);
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="tahkim-account-/);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['cache-control']).toBe('private, no-store');
  });

  it('deletes the account: refused without the box ticked or with a wrong password, then signed out for good', async () => {
    const email = await registered('hamza.delete@example.org', 'en');
    const { page } = await newTab('en');
    await signIn(page, 'en', email);
    await page.waitForURL('**/en/account');
    await page.goto('/en/account/delete');
    await page.fill('#field-password', PASSWORD);
    await submit(page);
    await page.waitForSelector('#field-understood-error');
    expect(await page.locator('#field-password-error').count()).toBe(0);

    await page.check('#field-understood');
    await page.fill('#field-password', 'not-my-password-at-all');
    await submit(page);
    await page.waitForSelector('#field-password-error');
    expect(plain(await page.locator('#field-password-error').textContent())).toBe(
      says('en', 'form.error.password-not-current'),
    );
    expect(await page.isChecked('#field-understood')).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.fill('#field-password', PASSWORD);
    await submit(page);
    await page.waitForURL('**/en/account/deleted');
    expect(await page.locator('h1').textContent()).toBe(says('en', 'account.deleted.title'));
    expect(await page.locator('.account-links a').textContent()).toBe('Sign in');
    await page.goto('/en/account');
    expect(new URL(page.url()).pathname).toBe('/en/login');
    await signIn(page, 'en', email);
    await page.waitForSelector('.form-errors');
    expect(new URL(page.url()).pathname).toBe('/en/login');
    await http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
  });

  it('has every account page accessible in Arabic and English, right to left in Arabic', async () => {
    const email = await registered('aya.pages@example.org', 'ar', {
      Arab: { given: 'آية' },
    });
    const signedOut = [
      '/register',
      '/register/sent',
      '/verify-email?token=aaaaaaaaaaaaaaaaaaaa',
      '/verify-email',
      '/verify-email/resend',
      '/verify-email/sent',
      '/password/forgot',
      '/password/forgot/sent',
      '/password/reset?token=aaaaaaaaaaaaaaaaaaaa',
      '/invitation?token=aaaaaaaaaaaaaaaaaaaa',
      '/account/deleted',
    ];
    const signedIn = [
      '/account',
      '/account/profile',
      '/account/password',
      '/account/sessions',
      '/account/export',
      '/account/delete',
    ];
    for (const locale of ['ar', 'en'] as const) {
      const { page } = await newTab(locale);
      const visit = async (path: string) => {
        const answer = await page.goto(`/${locale}${path}`);
        expect([path, new URL(page.url()).pathname]).toEqual([
          path,
          `/${locale}${path.split('?')[0]}`,
        ]);
        expect([path, answer?.headers()['cache-control']]).toEqual([path, 'private, no-cache']);
        expect([path, await page.locator('h1').count()]).toEqual([path, 1]);
        expect([path, await page.locator('meta[name="robots"]').getAttribute('content')]).toEqual([
          path,
          'noindex',
        ]);
        if (locale === 'ar')
          expect([path, await pageDirection(page)]).toEqual([
            path,
            { direction: 'rtl', navigationSide: 'right' },
          ]);
        expect([path, await accessibilityViolations(page)]).toEqual([path, []]);
      };
      for (const path of signedOut) await visit(path);
      // A dead link's page, after its button.
      await page.goto(`/${locale}/verify-email?token=aaaaaaaaaaaaaaaaaaaa`);
      await submit(page);
      await page.waitForSelector('form[action$="/verify-email/resend"]');
      expect(await accessibilityViolations(page)).toEqual([]);
      await signIn(page, locale, email);
      await page.waitForURL(`**/${locale}/account`);
      for (const path of signedIn) await visit(path);
      // The account's home links to each of its pages.
      await page.goto(`/${locale}/account`);
      for (const path of signedIn.slice(1))
        expect([path, await page.locator(`#main a[href="/${locale}${path}"]`).count()]).toEqual([
          path,
          2,
        ]);
    }
  }, 240_000);

  it('sends a signed-out visitor of every page of an account to sign in, and back', async () => {
    const answers: [string, number, string | undefined][] = [];
    for (const path of [
      '/account/profile',
      '/account/password',
      '/account/sessions',
      '/account/export',
      '/account/export/download',
      '/account/delete',
      '/account/profile/orcid-check?orcid=0000-0002-1825-0097',
    ]) {
      const answer = await http().get(`/fr${path}`).set('Accept', BROWSER_ACCEPT);
      answers.push([path, answer.status, answer.headers.location]);
    }
    expect(answers).toEqual(
      answers.map(([path]) => [path, 303, `/fr/login?next=${encodeURIComponent(path)}`]),
    );
  });

  it('refuses every state-changing form sent without its token', async () => {
    const email = await registered('tarik.csrf@example.org', 'en');
    // A signed-out visitor, with the cookie their forms are tied to.
    const page = await http().get('/en/register').set('Accept', BROWSER_ACCEPT).expect(200);
    const visitorCookie = page
      .get('Set-Cookie')!
      .map((line) => line.split(';')[0])
      .find((cookie) => cookie.startsWith('tahkim_visitor='))!;
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const signedOutForms: [string, Record<string, string>][] = [
      ['/en/register', { email: 'x@example.org', password: PASSWORD, 'names.Latn.given': 'X' }],
      ['/en/verify-email', { token: 'aaaaaaaaaaaaaaaaaaaa' }],
      ['/en/verify-email/resend', { email }],
      ['/en/password/forgot', { email }],
      ['/en/password/reset', { token: 'aaaaaaaaaaaaaaaaaaaa', newPassword: NEW_PASSWORD }],
      ['/en/invitation', { token: 'aaaaaaaaaaaaaaaaaaaa', password: NEW_PASSWORD }],
    ];
    const { cookie, bearer } = await signInByApi(web.app, email, {
      password: PASSWORD,
      cookie: true,
    });
    const sessions = await http().get('/api/me/sessions').set('Authorization', bearer).expect(200);
    const someSession = (sessions.body as { id: string }[])[0].id;
    const signedInForms: [string, Record<string, string>][] = [
      ['/en/account/profile', { 'names.Latn.given': 'Changed', maxConcurrentReviews: '1' }],
      ['/en/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }],
      ['/en/account/sessions/end-others', {}],
      [`/en/account/sessions/${someSession}/end`, {}],
      ['/en/account/delete', { understood: 'yes', password: PASSWORD }],
    ];
    const refusals: [string, number, boolean][] = [];
    for (const [path, fields] of signedOutForms) {
      const answer = await http()
        .post(path)
        .set('Accept', BROWSER_ACCEPT)
        .set('Cookie', visitorCookie)
        .type('form')
        .send(fields);
      refusals.push([path, answer.status, answer.text.includes('This form has expired')]);
    }
    for (const [path, fields] of signedInForms) {
      const answer = await http()
        .post(path)
        .set('Accept', BROWSER_ACCEPT)
        .set('Cookie', cookie.join('; '))
        // The site's own Origin: only the missing token is wrong.
        .set('Origin', web.baseUrl)
        .type('form')
        .send(fields);
      refusals.push([path, answer.status, answer.text.includes('This form has expired')]);
    }
    expect(refusals).toEqual(
      [...signedOutForms, ...signedInForms].map(([path]) => [path, 403, true]),
    );
    // Nothing changed: the account, its name and its password are as they were.
    const me = await http().get('/api/me').set('Authorization', bearer).expect(200);
    expect(me.body.names).toEqual({ Latn: { given: 'Test' } });
    await http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    // With its token, the same kind of form goes through.
    const accepted = await http()
      .post('/en/verify-email/resend')
      .set('Accept', BROWSER_ACCEPT)
      .set('Cookie', visitorCookie)
      .type('form')
      .send({ email, _csrf: token });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe('/en/verify-email/sent');
  });
});
