import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import request from 'supertest';
import { DEMO_PASSWORD } from '../src/demo';
import type { Stack } from './support/api-with-worker';
import { type Given, givenFor, type Submitted } from './support/given';
import { describeHits, findPlanted } from './support/leak-scan';
import { makeDocx } from './support/manuscripts';
import { addressOf } from './support/sign-in';
import {
  accessibilityViolations,
  launchBrowser,
  pageDirection,
  saveScreenshot,
  startWebApp,
  visitor,
  type WebApp,
} from './web/browser';

/** A PDF's text as pdftotext reads it, whitespace collapsed. */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ');

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const JOURNAL = '/api/journals/volunteering';
const INVITATION_LINK = /\/reviews\/invitation\?token=/;

/** The journal's review form: one question of every kind the form model has. */
const REVIEW_FORM = {
  titles: { en: 'Review form', fr: 'Grille d’évaluation', ar: 'استمارة التحكيم' },
  isDefault: true,
  questions: [
    {
      id: 'summary',
      kind: 'text',
      label: { en: 'Summary of the contribution', fr: 'Résumé de l’apport', ar: 'خلاصة الإسهام' },
      required: true,
      sharedWithAuthor: true,
    },
    {
      id: 'originality',
      kind: 'scale',
      label: { en: 'Originality', fr: 'Originalité', ar: 'الأصالة' },
      required: true,
      sharedWithAuthor: true,
      scale: {
        min: 1,
        max: 5,
        minLabel: { en: 'Weak', fr: 'Faible', ar: 'ضعيفة' },
        maxLabel: { en: 'Excellent', fr: 'Excellente', ar: 'ممتازة' },
      },
    },
    {
      id: 'ethics',
      kind: 'yes_no',
      label: {
        en: 'Does the study raise ethical concerns?',
        fr: 'L’étude soulève-t-elle des questions éthiques\u00a0?',
        ar: 'هل تثير الدراسة مسائل أخلاقية؟',
      },
      required: true,
      sharedWithAuthor: false,
    },
    {
      id: 'presentation',
      kind: 'choice',
      label: { en: 'Presentation', fr: 'Présentation', ar: 'العرض' },
      required: false,
      sharedWithAuthor: true,
      options: [
        { id: 'clear', label: { en: 'Clear', fr: 'Claire', ar: 'واضح' } },
        {
          id: 'needs-work',
          label: { en: 'Needs work', fr: 'À retravailler', ar: 'يحتاج إلى عمل' },
        },
      ],
    },
  ],
};

/** The address the invitation email's link opens (its text part writes it `[…]`). */
function linkIn(mail: ParsedMail): string {
  const link = /https?:\/\/[^\s\]]+\/reviews\/invitation\?token=[\w.-]+/.exec(mail.text ?? '');
  if (!link) throw new Error(`no invitation link in: ${mail.text}`);
  return link[0];
}

/** A radio button of a group, by its value. */
const radio = (field: string, value: string) => `input[name="${field}"][value="${value}"]`;

/** Text without the isolates that keep a value's direction inside a sentence. */
const plain = (value: string | null) => (value ?? '').replace(/[\u2068\u2069]/g, '').trim();

describe('the reviewer’s workspace on the web', () => {
  let web: WebApp;
  let browser: Browser;
  let given: Given;
  let submission: Submitted;
  const assignments: Record<string, string> = {};
  /** Everything a reviewer's browser received: pages, fragments, downloads. */
  const received: { what: string; bytes: Buffer }[] = [];
  const reading: Promise<void>[] = [];
  let authorNames: string[] = [];

  const http = () => request(web.app.getHttpServer());
  const api = async (who: string) => given.as(who);
  const path = (locale: string, ...rest: string[]) =>
    ['', locale, 'j', 'volunteering', 'reviews', ...rest].join('/');

  /** A reviewer's browser, everything it receives kept for the leak scan. */
  const reviewerTab = async (
    locale: 'ar' | 'en' | 'fr',
    options: { width?: number; height?: number; javaScript?: boolean } = {},
  ) => {
    const context =
      options.javaScript === false
        ? await browser.newContext({
            baseURL: web.baseUrl,
            locale,
            javaScriptEnabled: false,
            viewport: { width: 1280, height: 900 },
          })
        : await visitor(browser, web.baseUrl, { locale, ...options });
    keepEverything(context);
    return { context, page: await context.newPage() };
  };

  const keepEverything = (context: BrowserContext) => {
    context.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) return;
      reading.push(
        response.body().then(
          (bytes) => void received.push({ what: response.url(), bytes }),
          () => undefined, // a redirect or a download: read where it lands
        ),
      );
    });
  };

  const keepDownload = async (download: Download) => {
    const bytes = await readFile((await download.path())!);
    received.push({ what: `download ${download.suggestedFilename()}`, bytes });
    return bytes;
  };

  const signInHere = async (page: Page, who: string) => {
    await page.fill('#field-email', addressOf(who));
    await page.fill('#field-password', DEMO_PASSWORD);
    await page.click('form.form button[type="submit"]');
  };

  /** Signs `who` in on the sign-in page, which then opens `next`. */
  const signedIn = async (page: Page, locale: string, who: string, next: string) => {
    await page.goto(`/${locale}/login?next=${encodeURIComponent(next)}`);
    await signInHere(page, who);
    await page.waitForURL(`**/${locale}${next}`);
  };

  /** The page in Arabic and in English: axe clean, and right to left in Arabic. */
  const accessible = async (page: Page, address: string) => {
    for (const locale of ['ar', 'en']) {
      await page.goto(address.replace(/^\/(ar|en|fr)\//, `/${locale}/`));
      expect([address, locale, await accessibilityViolations(page)]).toEqual([address, locale, []]);
      if (locale === 'ar') expect((await pageDirection(page)).direction).toBe('rtl');
    }
  };

  const savedReview = async (assignment: string, who: string) =>
    (
      await http()
        .get(`/api/reviews/${assignment}`)
        .set(await api(who))
        .expect(200)
    ).body.review as Record<string, unknown> & { answers: Record<string, unknown> };

  const invite = async (reviewer: string) => {
    const invited = await http()
      .post(`${JOURNAL}/submissions/${submission.id}/review-assignments`)
      .set(await api('editor'))
      .send({ reviewerId: await given.userId(reviewer) })
      .expect(201);
    assignments[reviewer] = invited.body.id;
  };

  const autosaved = (page: Page) => page.waitForSelector('#autosave-status[data-state="saved"]');

  beforeAll(async () => {
    [web, browser] = await Promise.all([
      startWebApp({ seed: { submissions: false }, worker: true }),
      launchBrowser(),
    ]);
    const stack = {
      http,
      dataSource: web.dataSource,
      mailTo: web.mailTo,
    } as unknown as Stack;
    given = givenFor(stack);
    // The invitation is read in French.
    await web.dataSource.query(`UPDATE users SET preferred_locale = 'fr' WHERE email = $1`, [
      addressOf('reviewer1'),
    ]);
    await http()
      .post(`${JOURNAL}/review-forms`)
      .set(await api('manager'))
      .send(REVIEW_FORM)
      .expect(201);
    submission = await given.submittedSubmission('author1', {
      title: 'Volunteer retention in Rabat',
      manuscript: {
        content: await makeDocx({
          author: 'Leila Benali',
          company: 'Université Ibn Tofail',
          body: 'Why volunteers stay.',
        }),
        filename: 'benali-manuscript.docx',
      },
    });
    await given.decided(submission.id, { decision: 'send_to_review' });
    for (const reviewer of ['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4'])
      await invite(reviewer);
    const [author]: { names: Record<string, { given: string; family: string }> }[] =
      await web.dataSource.query('SELECT names FROM users WHERE email = $1', [
        addressOf('author1'),
      ]);
    authorNames = [
      ...Object.values(author.names).flatMap((names) => [
        `${names.given} ${names.family}`,
        names.family,
      ]),
      addressOf('author1'),
      'Université Ibn Tofail',
      'benali-manuscript',
    ];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('opens the invitation from its French email link, accepts, signs in and fills the review, which survives reloads', async () => {
    const mail = await web.mailTo(addressOf('reviewer1'), (m) =>
      INVITATION_LINK.test(m.text ?? ''),
    );
    const link = linkIn(mail);
    expect(link.startsWith(`${web.baseUrl}/fr/j/volunteering/reviews/invitation?token=`)).toBe(
      true,
    );
    const { context, page } = await reviewerTab('fr');
    await page.goto(link);
    expect(plain(await page.locator('h1').textContent())).toBe('Invitation à évaluer');
    const main = plain(await page.locator('main').textContent());
    expect(main).toContain('Volunteer retention in Rabat (fr)');
    expect(main).toContain('An abstract of Volunteer retention in Rabat.');
    expect(main).toContain('double anonymat');
    // The journal's section, in the page's language.
    expect(plain(await page.locator('.review-submission .facts').textContent())).toContain(
      'Articles de recherche',
    );
    expect(await page.locator('main time').count()).toBe(2);
    await accessible(page, new URL(link).pathname + new URL(link).search);

    await page.goto(link);
    await page.click('.review-accept button[type="submit"]');
    // Accepted by the link alone; writing the review needs the reviewer's account.
    await page.waitForURL(/\/fr\/login\?next=/);
    expect(plain(await page.locator('.flash').textContent())).toBe(
      'Vous avez accepté l’invitation. Merci\u202f!',
    );
    await signInHere(page, 'reviewer1');
    const review = path('fr', assignments.reviewer1);
    await page.waitForURL(`**${review}`);
    expect(plain(await page.locator('h1').textContent())).toBe('Votre évaluation');
    expect(await page.title()).not.toMatch(/Benali/);
    // The email that confirms the acceptance links to this page, in French too.
    await web.mailTo(addressOf('reviewer1'), (m) =>
      (m.text ?? '').includes(`${web.baseUrl}${review}`),
    );

    // The manuscript under its neutral name.
    const fileLink = page.locator('.review-files__list a');
    expect(plain(await fileLink.textContent())).toBe('manuscript-v1.docx');
    const [manuscript] = await Promise.all([page.waitForEvent('download'), fileLink.click()]);
    expect(manuscript.suggestedFilename()).toBe('manuscript-v1.docx');
    expect((await keepDownload(manuscript)).subarray(0, 2).toString('latin1')).toBe('PK');

    // Half the form, saved as it is typed; a reload finds it.
    await page.fill('#field-answers-summary', 'Une étude attentive de la fidélité des bénévoles.');
    await page.check(radio('answers.originality', '4'));
    await autosaved(page);
    expect(plain(await page.locator('#autosave-status').textContent())).toMatch(
      /^Enregistré à \d{2}:\d{2}:\d{2}$/,
    );
    await page.reload();
    expect(await page.inputValue('#field-answers-summary')).toBe(
      'Une étude attentive de la fidélité des bénévoles.',
    );
    expect(await page.isChecked(radio('answers.originality', '4'))).toBe(true);

    // The rest, then another reload: every answer is there, and on the server.
    await page.check(radio('answers.ethics', 'no'));
    await page.check(radio('answers.presentation', 'needs-work'));
    await page.fill('#field-commentsForAuthor', 'Précisez l’échantillon.\nEt la période.');
    await page.fill('#field-commentsForEditor', 'Un travail solide.');
    await page.check(radio('recommendation', 'minor_revisions'));
    await autosaved(page);
    await page.reload();
    expect(await page.inputValue('#field-answers-summary')).toBe(
      'Une étude attentive de la fidélité des bénévoles.',
    );
    expect(await page.isChecked(radio('answers.originality', '4'))).toBe(true);
    expect(await page.isChecked(radio('answers.ethics', 'no'))).toBe(true);
    expect(await page.isChecked(radio('answers.presentation', 'needs-work'))).toBe(true);
    expect(await page.inputValue('#field-commentsForAuthor')).toBe(
      'Précisez l’échantillon.\nEt la période.',
    );
    expect(await page.inputValue('#field-commentsForEditor')).toBe('Un travail solide.');
    expect(await page.isChecked(radio('recommendation', 'minor_revisions'))).toBe(true);
    expect(await savedReview(assignments.reviewer1, 'reviewer1')).toMatchObject({
      answers: {
        summary: 'Une étude attentive de la fidélité des bénévoles.',
        originality: 4,
        ethics: false,
        presentation: 'needs-work',
      },
      recommendation: 'minor_revisions',
      commentsForAuthor: 'Précisez l’échantillon.\nEt la période.',
      commentsForEditor: 'Un travail solide.',
    });
    await saveScreenshot(page, 'review-form-desk', 'fr');
    await context.close();
  });

  it('attaches a file with its anonymisation report, submits after confirming, and gives the certificate', async () => {
    const { context, page } = await reviewerTab('fr');
    const review = path('fr', assignments.reviewer1);
    await signedIn(page, 'fr', 'reviewer1', review.replace('/fr', ''));
    await page.setInputFiles('#field-file', {
      name: 'annotations.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await makeDocx({
        author: 'Fatima Zahra Idrissi',
        company: 'Université Hassan II de Casablanca',
        body: 'Voir les remarques en marge.',
      }),
    });
    await page.click('.review-upload button[type="submit"]');
    await page.waitForURL((url) => url.pathname === review && url.hash === '#attachments');
    expect(plain(await page.locator('.flash').textContent())).toBe(
      'Le fichier est joint à votre évaluation.',
    );
    const attachment = page.locator('.review-attachment');
    expect(plain(await attachment.locator('.review-attachment__name a').textContent())).toBe(
      'annotations.docx',
    );
    expect(plain(await attachment.locator('.review-report').textContent())).toMatch(
      /^Rapport d’anonymisation\s*\d+ éléments? identifiants? (a|ont) été retirés? de la copie destinée à l’auteur\./,
    );
    await page.click('.review-report summary');
    expect(plain(await attachment.locator('.review-report__removed').textContent())).toContain(
      'docProps/core.xml',
    );
    await accessible(page, review);

    await page.goto(review);
    await page.click('button[value="submit"]');
    await page.waitForURL(`**${review}/confirm`);
    expect(plain(await page.locator('h1').textContent())).toBe('Soumettre votre évaluation\u202f?');
    expect(plain(await page.locator('.review-written').textContent())).toContain(
      'Révisions mineures',
    );
    await accessible(page, `${review}/confirm`);
    await page.goto(`${review}/confirm`);
    await page.click('.review-confirm button[type="submit"]');
    await page.waitForURL(`**${review}`);
    expect(plain(await page.locator('.flash').textContent())).toBe(
      'Votre évaluation est soumise. Merci\u202f!',
    );
    expect(plain(await page.locator('h1').textContent())).toBe('Votre évaluation, soumise');
    expect(await page.locator('textarea, input[type="radio"], input[type="file"]').count()).toBe(0);
    expect(plain(await page.locator('.review-written').textContent())).toContain(
      'Une étude attentive de la fidélité des bénévoles.',
    );
    // The certificate, from the page's own address (not the API's).
    const [certificate] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.review-done a.button'),
    ]);
    expect(new URL(certificate.url()).pathname).toBe(`${review}/certificate`);
    expect(certificate.suggestedFilename()).toBe('certificate-of-review.pdf');
    const pdf = await keepDownload(certificate);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // In the page's language, whatever the account's.
    expect(pdfText(pdf)).toContain('Attestation d’évaluation');
    const english = await page.request.get(`${path('en', assignments.reviewer1)}/certificate`);
    expect(english.status()).toBe(200);
    expect(pdfText(await english.body())).toContain('Certificate of review');
    await accessible(page, review);

    // The confirmation sent twice submits once, and lands on the review.
    const again = await page.request.post(`${review}/submit`, {
      form: { _csrf: await csrfOf(page, review), version: 'stale' },
      headers: { Origin: web.baseUrl },
      maxRedirects: 0,
    });
    expect([again.status(), again.headers().location]).toEqual([303, review]);

    // Its place among the reviewer's reviews, with the certificate.
    await page.goto(path('fr'));
    const done = page.locator('section[aria-labelledby="completed-heading"] .review-item');
    expect(await done.count()).toBe(1);
    expect(plain(await done.locator('.card__meta').textContent())).toContain(
      'Articles de recherche',
    );
    expect(
      await done.locator(`a[href="${path('fr', assignments.reviewer1, 'certificate')}"]`).count(),
    ).toBe(1);
    await accessible(page, path('fr'));
    await context.close();
  });

  it('declines from the email link with a reason and a colleague; the link then says it is used', async () => {
    const mail = await web.mailTo(addressOf('reviewer2'), (m) =>
      INVITATION_LINK.test(m.text ?? ''),
    );
    const link = linkIn(mail);
    expect(link.startsWith(`${web.baseUrl}/en/j/volunteering/reviews/invitation?token=`)).toBe(
      true,
    );
    const { context, page } = await reviewerTab('en');
    await page.goto(link);
    await page.fill('#field-reason', 'On leave until June.');
    await page.fill('#field-suggestedName', 'Samira Haddad');
    await page.fill('#field-suggestedEmail', 'not an address');
    await page.click('.review-decline button[type="submit"]');
    await page.waitForSelector('.form-errors');
    expect(plain(await page.locator('#field-suggestedEmail-error').textContent())).not.toBe('');
    expect(await page.inputValue('#field-reason')).toBe('On leave until June.');
    expect(await page.inputValue('#field-suggestedName')).toBe('Samira Haddad');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.fill('#field-suggestedEmail', 'samira.haddad@example.org');
    await page.click('.review-decline button[type="submit"]');
    await page.waitForURL('**/en/j/volunteering/reviews/invitation/declined');
    expect(plain(await page.locator('h1').textContent())).toBe('You declined the invitation');
    await accessible(page, '/en/j/volunteering/reviews/invitation/declined');
    const editorMail = await web.mailTo(addressOf('editor'), (m) =>
      (m.text ?? '').includes('On leave until June.'),
    );
    expect(editorMail.text).toContain('Samira Haddad <samira.haddad@example.org>');

    const used = await page.goto(link);
    expect(used?.status()).toBe(404);
    expect(plain(await page.locator('h1').textContent())).toBe(
      'This invitation link no longer works',
    );
    await accessible(page, new URL(link).pathname + new URL(link).search);
    await context.close();
  });

  it('says when the review was changed elsewhere, keeps what was typed, and loses nothing offline', async () => {
    await http()
      .post(`/api/reviews/${assignments.reviewer3}/accept`)
      .set(await api('reviewer3'))
      .expect(200);
    const { context, page } = await reviewerTab('en');
    const review = path('en', assignments.reviewer3);
    await signedIn(page, 'en', 'reviewer3', review.replace('/en', ''));
    await page.fill('#field-commentsForAuthor', 'First thoughts.');
    await autosaved(page);

    // Saved meanwhile through the API (another device).
    await http()
      .put(`/api/reviews/${assignments.reviewer3}/review`)
      .set(await api('reviewer3'))
      .send({ commentsForAuthor: 'Written on another device.' })
      .expect(200);
    await page.fill('#field-commentsForEditor', 'Typed after the other save.');
    await page.waitForSelector('#autosave-status[data-state="conflict"]');
    expect(plain(await page.locator('#autosave-status').textContent())).toContain(
      'this review was changed elsewhere',
    );
    expect(await page.isVisible('#autosave-reload a')).toBe(true);
    expect(await page.inputValue('#field-commentsForEditor')).toBe('Typed after the other save.');
    // Nothing was overwritten.
    expect(await savedReview(assignments.reviewer3, 'reviewer3')).toMatchObject({
      commentsForAuthor: 'Written on another device.',
      commentsForEditor: '',
    });
    // Reloading shows the other version, and offers back what was typed here.
    await page.click('#autosave-reload a');
    await page.waitForSelector('#autosave-offer:not([hidden])');
    expect(await page.inputValue('#field-commentsForAuthor')).toBe('Written on another device.');
    await page.click('#autosave-offer button');
    expect(await page.inputValue('#field-commentsForEditor')).toBe('Typed after the other save.');
    await autosaved(page);
    expect(await savedReview(assignments.reviewer3, 'reviewer3')).toMatchObject({
      commentsForEditor: 'Typed after the other save.',
    });

    // The connection drops: the page says so, a reload keeps the text, and it is saved later.
    await page.route('**/draft', (route) => route.abort('internetdisconnected'));
    await page.fill('#field-competingInterests', 'None to declare.');
    await page.waitForSelector('#autosave-status[data-state="offline"]');
    expect(plain(await page.locator('#autosave-status').textContent())).toBe(
      'Not saved: the connection was lost. Trying again…',
    );
    await page.reload();
    expect(await page.inputValue('#field-competingInterests')).toBe('None to declare.');
    await page.unroute('**/draft');
    await autosaved(page);
    expect(await savedReview(assignments.reviewer3, 'reviewer3')).toMatchObject({
      competingInterests: 'None to declare.',
    });

    // An overdue review is marked so in the list.
    await web.dataSource.query(
      `UPDATE review_assignments SET review_due_at = now() - interval '2 days' WHERE id = $1`,
      [assignments.reviewer3],
    );
    await page.goto(path('en'));
    const active = page.locator('section[aria-labelledby="active-heading"] .review-item');
    expect(plain(await active.locator('.badge--alert').textContent())).toBe('Overdue');
    await context.close();
  });

  it('keeps every value when a required answer is missing, without JavaScript', async () => {
    const review = path('en', assignments.reviewer4);
    // The invitation waits among the reviewer's reviews, and is accepted from there.
    const listed = await reviewerTab('en');
    await signedIn(listed.page, 'en', 'reviewer4', '/j/volunteering/reviews');
    const invitation = listed.page.locator(
      'section[aria-labelledby="invitations-heading"] .review-item',
    );
    expect(await invitation.count()).toBe(1);
    await accessible(listed.page, path('en'));
    await listed.page.goto(path('en'));
    await invitation.locator('a').first().click();
    await listed.page.waitForURL(`**${review}`);
    expect(plain(await listed.page.locator('h1').textContent())).toBe('Invitation to review');
    await accessible(listed.page, review);
    await listed.context.close();

    const { context, page } = await reviewerTab('en', { javaScript: false });
    await signedIn(page, 'en', 'reviewer4', review.replace('/en', ''));
    await page.click('.review-accept button[type="submit"]');
    await page.waitForURL(`**${review}`);
    expect(plain(await page.locator('.flash').textContent())).toBe(
      'You accepted the invitation. Thank you!',
    );

    await page.check(radio('answers.originality', '2'));
    await page.check(radio('answers.presentation', 'clear'));
    await page.fill('#field-commentsForAuthor', 'The sample is small.');
    await page.fill('#field-commentsForEditor', 'Borderline.');
    await page.check(radio('recommendation', 'major_revisions'));
    await page.click('button[value="submit"]');
    await page.waitForSelector('.form-errors');
    expect(plain(await page.locator('#field-answers-summary-error').textContent())).toBe(
      'Answer this question before you submit the review.',
    );
    expect(plain(await page.locator('#field-answers-ethics-error').textContent())).toBe(
      'Answer this question before you submit the review.',
    );
    expect(await page.getAttribute('.form-errors a', 'href')).toBe('#field-answers-summary');
    expect(await page.isChecked(radio('answers.originality', '2'))).toBe(true);
    expect(await page.isChecked(radio('answers.presentation', 'clear'))).toBe(true);
    expect(await page.inputValue('#field-commentsForAuthor')).toBe('The sample is small.');
    expect(await page.inputValue('#field-commentsForEditor')).toBe('Borderline.');
    expect(await page.isChecked(radio('recommendation', 'major_revisions'))).toBe(true);
    // What was typed is saved too.
    expect(await savedReview(assignments.reviewer4, 'reviewer4')).toMatchObject({
      answers: { originality: 2, presentation: 'clear' },
      commentsForAuthor: 'The sample is small.',
      recommendation: 'major_revisions',
    });

    // "Save the draft" without JavaScript.
    await page.fill('#field-answers-summary', 'Small sample, sound method.');
    await page.click('button[value="save"]');
    await page.waitForURL(`**${review}`);
    expect(plain(await page.locator('.flash').textContent())).toBe('Your draft is saved.');
    expect(await page.inputValue('#field-answers-summary')).toBe('Small sample, sound method.');

    // Changed elsewhere meanwhile: the form comes back with what was typed, overwriting nothing.
    await http()
      .put(`/api/reviews/${assignments.reviewer4}/review`)
      .set(await api('reviewer4'))
      .send({ commentsForEditor: 'From the other device.' })
      .expect(200);
    await page.fill('#field-commentsForEditor', 'From this page.');
    await page.click('button[value="save"]');
    await page.waitForSelector('.review-conflict');
    expect(await page.inputValue('#field-commentsForEditor')).toBe('From this page.');
    expect(await savedReview(assignments.reviewer4, 'reviewer4')).toMatchObject({
      commentsForEditor: 'From the other device.',
    });
    // Saved again, knowingly: it replaces the other version.
    await page.click('button[value="save"]');
    await page.waitForSelector('.flash');
    expect(await savedReview(assignments.reviewer4, 'reviewer4')).toMatchObject({
      commentsForEditor: 'From this page.',
    });
    await context.close();
  });

  it('lays the review form out on a phone, and reaches every control by keyboard with focus visible', async () => {
    const { context, page } = await reviewerTab('fr', { width: 360, height: 740 });
    const review = path('fr', assignments.reviewer4);
    await signedIn(page, 'fr', 'reviewer4', review.replace('/fr', ''));
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await saveScreenshot(page, 'review-form', 'fr');

    const expected = new Set(
      await page.$$eval(
        '#review-form [name]:not([type="hidden"]), .review-upload [name], button[form="review-form"]',
        (elements) =>
          elements.map((element) =>
            element.tagName === 'BUTTON'
              ? `button:${(element as unknown as { value: string }).value}`
              : element.getAttribute('name')!,
          ),
      ),
    );
    const reached = new Set<string>();
    const unfocusedLooks: string[] = [];
    await page.locator('body').focus();
    for (let step = 0; step < 120; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(`(() => {
        const element = document.activeElement;
        const style = getComputedStyle(element);
        return {
          key: element.tagName === 'BUTTON' && element.value ? 'button:' + element.value : element.getAttribute('name'),
          outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      })()`);
      const { key, outline } = focused as { key: string | null; outline: boolean };
      if (key) reached.add(key);
      if (!outline) unfocusedLooks.push(String(key));
      if (key === 'button:submit') break;
    }
    expect([...expected].filter((name) => !reached.has(name))).toEqual([]);
    expect(unfocusedLooks).toEqual([]);
    await context.close();

    // The form refused (an answer missing), in Arabic and in English.
    const desk = await reviewerTab('en');
    await signedIn(desk.page, 'en', 'reviewer4', review.replace('/fr', ''));
    for (const locale of ['ar', 'en']) {
      await desk.page.goto(path(locale, assignments.reviewer4));
      await desk.page.click('button[value="submit"]');
      await desk.page.waitForSelector('.form-errors');
      expect([locale, await accessibilityViolations(desk.page)]).toEqual([locale, []]);
    }
    await desk.context.close();
  });

  it('does not open another reviewer’s assignment, and refuses a form without its token', async () => {
    const { context, page } = await reviewerTab('en');
    const someoneElses = path('en', assignments.reviewer1);
    await signedIn(page, 'en', 'reviewer3', '/j/volunteering/reviews');
    const opened = await page.goto(someoneElses);
    expect(opened?.status()).toBe(404);
    expect(await accessibilityViolations(page)).toEqual([]);
    const [fileId] = (
      (
        await http()
          .get(`/api/reviews/${assignments.reviewer1}`)
          .set(await api('reviewer1'))
      ).body.files as { id: string }[]
    ).map((file) => file.id);
    const download = await page.request.get(`${someoneElses}/files/${fileId}`);
    expect(download.status()).toBe(404);
    // Nor their certificate: not to another reviewer, not to the submission's author.
    const certificate = await page.request.get(`${someoneElses}/certificate`);
    expect(certificate.status()).toBe(404);
    // (The author's own tab, out of the reviewers' leak scan: its pages name the author.)
    const author = await visitor(browser, web.baseUrl, { locale: 'en' });
    const authorPage = await author.newPage();
    await signedIn(authorPage, 'en', 'author1', '/j/volunteering/reviews');
    const asAuthor = await authorPage.request.get(`${someoneElses}/certificate`);
    expect(asAuthor.status()).toBe(404);
    expect((await asAuthor.body()).subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    await author.close();
    const token = await csrfOf(page, path('en', assignments.reviewer3));
    const draft = await page.request.post(`${someoneElses}/draft`, {
      form: { _csrf: token, version: 'x', commentsForAuthor: 'Hijack' },
      headers: { Accept: 'application/json', Origin: web.baseUrl },
    });
    expect(draft.status()).toBe(404);
    // Without its token, a form of these pages is refused.
    const forged = await page.request.post(`${path('en', assignments.reviewer3)}/draft`, {
      form: { version: 'x', commentsForAuthor: 'Forged' },
      headers: { Accept: 'application/json', Origin: web.baseUrl },
    });
    expect(forged.status()).toBe(403);
    expect(((await forged.json()) as { type: string }).type).toBe(
      'urn:tahkim:problem:form-expired',
    );
    const anonymous = await http()
      .post('/en/j/volunteering/reviews/invitation/decline')
      .set('Accept', BROWSER_ACCEPT)
      .type('form')
      .send({ token: 'x'.repeat(40), reason: 'Forged' });
    expect(anonymous.status).toBe(403);
    await context.close();
  });

  it('never sent a reviewer anything that names the author', async () => {
    await Promise.all(reading);
    const leaks = received.flatMap(({ what, bytes }) =>
      describeHits(findPlanted(bytes, authorNames)).map((hit) => `${what}: ${hit}`),
    );
    expect(leaks).toEqual([]);
    // The scan saw the pages, the manuscript and the certificate.
    const seen = received.map(({ what }) => what);
    expect(seen).toEqual(
      expect.arrayContaining([
        `${web.baseUrl}${path('fr', assignments.reviewer1)}`,
        'download manuscript-v1.docx',
        'download certificate-of-review.pdf',
      ]),
    );
  });
});

/** The form token of a page the tab may open. */
async function csrfOf(page: Page, address: string): Promise<string> {
  const html = await (await page.request.get(address)).text();
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no form token on ${address}`);
  return match[1];
}
