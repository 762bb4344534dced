import { readFileSync } from 'node:fs';
import type { ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { User } from '../src/accounts/user.entity';
import type { Locale } from '../src/common/i18n/locale';
import { DEMO_PASSWORD } from '../src/demo';
import type { Stack } from './support/api-with-worker';
import { givenFor, type Submitted } from './support/given';
import { describeHits, findPlanted } from './support/leak-scan';
import { makeDocx, makePdf } from './support/manuscripts';
import { addressOf } from './support/sign-in';
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

const SLUG = 'volunteering';
const JOURNAL_API = `/api/journals/${SLUG}`;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const DAY = 86_400_000;
const TITLE = 'إدارة المتطوعين في الجمعيات الأهلية';

/** Text without the isolates that keep a value's direction inside a sentence. */
const plain = (value: string | null) =>
  (value ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every string that would identify a reviewer: names in each script, address, affiliation. */
function identityStrings(user: User): string[] {
  const names = Object.values(user.names).flatMap((name) =>
    name ? [[name.given, name.family].filter(Boolean).join(' '), name.family ?? ''] : [],
  );
  return [...names, user.email, user.affiliation ?? ''].filter((value) => value.length >= 4);
}

/**
 * The author's workspace in a browser (issue #21): their submissions with what each asks of
 * them, and a submission's page through review (the decision letter with the anonymised
 * reviews, the revision with its anonymisation report), production (the proof, approved),
 * discussions and withdrawal. The editors' and reviewers' steps go through the API; every link
 * the author is emailed opens the page; nothing the author's browser receives names a reviewer.
 */
describe('the author’s workspace on the web', () => {
  let web: WebApp;
  let browser: Browser;
  let given: ReturnType<typeof givenFor>;
  let reviewerNeedles: string[];
  let main: Submitted & { assignments: Record<string, string> };
  let other: Submitted;
  const auth: Record<string, string> = {};
  /** Everything the author's browser received: pages, titles, downloads and their names. */
  const received: { what: string; bytes: Buffer }[] = [];

  const http = () => request(web.app.getHttpServer());
  const as = async (who: string) => given.as(who);
  const pageOf = (id: string, locale: Locale = 'ar') => `/${locale}/j/${SLUG}/submissions/${id}`;

  /** Keeps what the page shows for the leak scan, and checks it for axe in passing. */
  const keep = async (page: Page, what: string) => {
    received.push({ what, bytes: Buffer.from(await page.content()) });
    received.push({ what: `${what} <title>`, bytes: Buffer.from(await page.title()) });
  };
  const accessible = async (page: Page, what: string) => {
    await keep(page, what);
    expect([what, await accessibilityViolations(page)]).toEqual([what, []]);
  };

  /** A browser signed in as `who` (through the sign-in page), in `locale`. */
  const signedIn = async (who: string, locale: Locale): Promise<BrowserContext> => {
    const context = await visitor(browser, web.baseUrl, { locale });
    const page = await context.newPage();
    await page.goto(`/${locale}/login`);
    await page.fill('#field-email', addressOf(who));
    await page.fill('#field-password', DEMO_PASSWORD);
    await page.click('form.form button[type="submit"]');
    await page.waitForURL(`**/${locale}/account`);
    await page.close();
    return context;
  };

  /** The link to this site in an email's text, as a path (with its fragment). */
  const linkIn = (mail: ParsedMail, pattern: RegExp) => {
    const found = (mail.text ?? '').match(pattern);
    if (!found) throw new Error(`no link ${String(pattern)} in: ${mail.text}`);
    const url = new URL(found[0]);
    expect(url.origin).toBe(web.baseUrl);
    return `${url.pathname}${url.hash}`;
  };

  /** A download the page starts when `selector` is clicked: its name and bytes, kept. */
  const download = async (page: Page, selector: string) => {
    const [started] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    const bytes = readFileSync((await started.path())!);
    const fileName = started.suggestedFilename();
    received.push(
      { what: `download ${fileName}`, bytes },
      {
        what: 'download name',
        bytes: Buffer.from(fileName),
      },
    );
    return { fileName, bytes };
  };

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
    given = givenFor(stack, auth);
    const reviewers: User[] = await web.dataSource.query(
      `SELECT names, email, affiliation FROM users WHERE email IN ($1, $2)`,
      [addressOf('reviewer1'), addressOf('reviewer2')],
    );
    reviewerNeedles = reviewers.flatMap(identityStrings);
    main = await given.submissionInReview('author1', {
      title: TITLE,
      reviewers: ['reviewer1', 'reviewer2'],
    });
    other = await given.submittedSubmission('author1', { title: 'مشاركة الشباب في العمل التطوعي' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('emails the acknowledgement with a link to the submission’s page, in the author’s language', async () => {
    const mail = await web.mailTo(addressOf('author1'), (m) =>
      (m.text ?? '').includes(`/ar/j/${SLUG}/submissions/${main.id}`),
    );
    expect(linkIn(mail, new RegExp(`https?://\\S+/submissions/${main.id}\\b`))).toBe(
      pageOf(main.id),
    );
  });

  it('sends a signed-out visitor to sign in, and another author gets the 404 page', async () => {
    const signedOut = await http().get(`/ar/j/${SLUG}/submissions`).set('Accept', BROWSER_ACCEPT);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toBe(
      `/ar/login?next=${encodeURIComponent(`/j/${SLUG}/submissions`)}`,
    );
    const page = await http().get(pageOf(main.id)).set('Accept', BROWSER_ACCEPT);
    expect(page.status).toBe(303);

    const context = await signedIn('author3', 'en');
    const tab = await context.newPage();
    const [file] = await web.dataSource.query(
      `SELECT id FROM submission_files WHERE submission_id = $1 LIMIT 1`,
      [main.id],
    );
    for (const path of [
      pageOf(main.id, 'en'),
      `${pageOf(main.id, 'en')}/files/${file.id}`,
      `${pageOf(main.id, 'en')}/withdraw`,
    ]) {
      const response = await tab.goto(path);
      expect([path, response?.status()]).toEqual([path, 404]);
      expect(plain(await tab.locator('h1').textContent())).toBe('Not found');
      expect(await tab.content()).not.toContain(TITLE);
    }
    // Nor by a form: the author's forms refuse someone else (404, nothing changes).
    const token = await (async () => {
      await tab.goto(`/en/j/${SLUG}/submissions`);
      return tab.locator('input[name="_csrf"]').first().inputValue();
    })();
    const withdraw = await context.request.post(`${pageOf(main.id, 'en')}/withdraw`, {
      form: { _csrf: token, reason: 'Not mine to withdraw.' },
      headers: { Accept: BROWSER_ACCEPT, Origin: web.baseUrl },
      maxRedirects: 0,
    });
    expect(withdraw.status()).toBe(404);
    await context.close();
  });

  it('lists the author’s submissions with their stage and what to do next, in Arabic and English', async () => {
    for (const locale of ['ar', 'en'] as const) {
      const context = await signedIn('author1', locale);
      const page = await context.newPage();
      await page.goto(`/${locale}/j/${SLUG}/submissions`);
      const items = page.locator('.author-item');
      expect(await items.count()).toBe(2);
      const item = items.filter({ has: page.locator(`a[href="${pageOf(main.id, locale)}"]`) });
      expect(plain(await item.locator('.author-item__title').textContent())).toContain(TITLE);
      expect(await item.locator('.author-item__title span[lang="ar"]').count()).toBe(
        locale === 'ar' ? 0 : 1,
      );
      expect(plain(await item.locator('.badge').first().textContent())).toBe(
        locale === 'ar' ? 'قيد التحكيم' : 'In review',
      );
      expect(plain(await item.locator('.author-next').textContent())).toContain(
        locale === 'ar' ? 'مخطوطتك قيد التحكيم' : 'your manuscript is being reviewed',
      );
      expect(await page.locator(`a.button[href="/${locale}/j/${SLUG}/submit"]`).count()).toBe(1);
      if (locale === 'ar') {
        expect(await pageDirection(page)).toEqual({ direction: 'rtl', navigationSide: 'right' });
        await saveScreenshot(page, 'author-submissions', 'ar');
      }
      await accessible(page, `dashboard ${locale}`);
      await context.close();
    }
  });
  it('shows the decision letter with the anonymised reviews, their files and the letter’s attachment', async () => {
    // The reviewers' work, through the API: reviewer 1 attaches a document that names them.
    await http()
      .post(`/api/reviews/${main.assignments.reviewer1}/review-files`)
      .set(await as('reviewer1'))
      .attach(
        'file',
        await makeDocx({
          author: 'Fatima Zahra Idrissi',
          company: 'Université Hassan II de Casablanca',
          body: 'Annotated copy: see the margins.',
        }),
        'annotations.docx',
      )
      .expect(201);
    await given.reviewed(main.assignments.reviewer1, 'reviewer1', {
      recommendation: 'minor_revisions',
      commentsForAuthor: 'R1-FOR-AUTHOR: clarify the sample.',
      commentsForEditor: 'R1-CONFIDENTIAL',
    });
    await given.reviewed(main.assignments.reviewer2, 'reviewer2', {
      recommendation: 'minor_revisions',
      commentsForAuthor: 'R2-FOR-AUTHOR: expand the discussion.',
      commentsForEditor: 'R2-CONFIDENTIAL',
    });
    const attachment = await http()
      .post(`${JOURNAL_API}/submissions/${main.id}/decision-attachments`)
      .set(await as('editor'))
      .attach('file', await makePdf({ author: 'Nobody', title: 'Notes' }), 'notes.pdf')
      .expect(201);
    await given.decided(main.id, {
      decision: 'request_revisions',
      revisionKind: 'minor',
      revisionsDueAt: new Date(Date.now() + 30 * DAY).toISOString(),
      attachmentIds: [attachment.body.id],
    });

    // The letter's link opens the page at the letter, in the author's language.
    const letter = await web.mailTo(addressOf('author1'), (m) =>
      (m.text ?? '').includes('R1-FOR-AUTHOR'),
    );
    const link = linkIn(letter, new RegExp(`https?://\\S+/submissions/${main.id}#decision`));
    expect(link).toBe(`${pageOf(main.id)}#decision`);
    const context = await signedIn('author1', 'ar');
    const page = await context.newPage();
    await page.goto(link);
    const decision = page.locator('#decision .author-decision').first();
    expect(plain(await decision.locator('h3').textContent())).toBe('طُلبت تعديلات');
    expect(
      await decision
        .locator('.author-review__label')
        .evaluateAll((labels) => labels.map((label) => label.textContent)),
    ).toEqual(['المحكّم (أ)', 'المحكّم (ب)']);
    const reviews = plain(await decision.textContent());
    expect(reviews).toContain('R1-FOR-AUTHOR: clarify the sample.');
    expect(reviews).toContain('R2-FOR-AUTHOR: expand the discussion.');
    expect(reviews).not.toContain('CONFIDENTIAL');
    expect(plain(await page.locator('.author-next').first().textContent())).toContain(
      'عدّل مخطوطتك وأرسلها مع ردّك على المحكّمين قبل',
    );
    const reviewFile = await download(page, '#decision a[href*="/review-files/"]');
    expect(reviewFile.fileName).toBe('المحكّم (أ) - 1.docx');
    const letterFile = await download(page, '#decision a[href*="/letter-attachments/"]');
    expect(letterFile.fileName).toBe('notes.pdf');
    expect(letterFile.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await saveScreenshot(page, 'author-submission', 'ar');
    await accessible(page, 'decision ar');
    const english = await context.newPage();
    await english.goto(`${pageOf(main.id, 'en')}#decision`);
    expect(
      await english
        .locator('#decision .author-review__label')
        .evaluateAll((labels) => labels.map((label) => label.textContent)),
    ).toEqual(['Reviewer A', 'Reviewer B']);
    await accessible(english, 'decision en');
    await context.close();
  });

  it('takes a revision (a DOCX) with its anonymisation report, then the response to the reviewers', async () => {
    const context = await signedIn('author1', 'ar');
    const page = await context.newPage();
    await page.goto(`${pageOf(main.id)}#revision`);
    await page.setInputFiles('#revision input[type="file"]', {
      name: 'revised.docx',
      mimeType: 'application/octet-stream',
      buffer: await makeDocx({
        author: 'Leila Benali',
        company: 'Université Ibn Tofail',
        body: 'Revised text, as Leila Benali promised the reviewers.',
      }),
    });
    await page.click('#revision form[enctype] button:not([formaction])');
    await page.waitForURL(`**${pageOf(main.id)}#revision`);
    expect(plain(await page.locator('.flash').textContent())).toBe('رُفع الملف، وتقريره أدناه.');
    const file = page.locator('#revision .author-file');
    expect(await file.count()).toBe(1);
    expect(plain(await file.locator('.author-file__name').textContent())).toContain('revised.docx');
    const report = file.locator('.author-report');
    expect(await report.getAttribute('class')).toContain('author-report--warning');
    expect(plain(await report.textContent())).toContain('«Leila Benali» يرد في');
    expect(plain(await report.textContent())).toContain('حُذف من النسخة التي يتسلّمها المحكّمون');
    await accessible(page, 'revision uploaded ar');
    const english = await context.newPage();
    await english.goto(`${pageOf(main.id, 'en')}#revision`);
    expect(plain(await english.locator('#revision .author-report').textContent())).toContain(
      '“Leila Benali” appears in',
    );
    await accessible(english, 'revision uploaded en');
    await english.close();

    // The response is required: the form comes back with its message, nothing sent.
    await page.click('#revision form:not([enctype]) button[type="submit"]');
    await page.waitForSelector('#revision .form-errors');
    expect(await page.getAttribute('#field-response', 'aria-invalid')).toBe('true');
    await accessible(page, 'revision refused ar');
    const token = await page
      .locator('#revision form:not([enctype]) input[name="_csrf"]')
      .inputValue();
    await page.fill('#field-response', 'Thank you: the sample is now described in section 2.');
    await page.click('#revision form:not([enctype]) button[type="submit"]');
    await page.waitForURL(`**${pageOf(main.id)}`);
    expect(plain(await page.locator('.flash').textContent())).toBe('أُرسل تعديلك وأُبلغ المحررون.');
    expect(await page.locator('#revision').count()).toBe(0);
    expect(plain(await page.locator('.author-history__entry').first().textContent())).toContain(
      'أرسلتَ النسخة المعدَّلة 2.',
    );
    const [round] = await web.dataSource.query(
      `SELECT r.status, s.current_version FROM review_rounds r JOIN submissions s ON s.id = r.submission_id
        WHERE r.submission_id = $1 ORDER BY r.number DESC LIMIT 1`,
      [main.id],
    );
    expect(round).toEqual({ status: 'revisions_submitted', current_version: 2 });
    // Sent twice (a double click, a reload): nothing more happens, the page says it is sent.
    const again = await context.request.post(`${pageOf(main.id)}/revision`, {
      form: { _csrf: token, response: 'Thank you: the sample is now described in section 2.' },
      headers: { Accept: BROWSER_ACCEPT, Origin: web.baseUrl },
      maxRedirects: 0,
    });
    expect([again.status(), again.headers().location]).toEqual([303, pageOf(main.id)]);
    await keep(page, 'revision sent ar');
    await context.close();
  });
  it('shows the proof in the page, and takes the author’s approval', async () => {
    // Accepted, into production, placed in an issue, and a proof typeset by the worker.
    await given.decided(main.id, { decision: 'accept', notifyAuthor: false });
    await given.decided(main.id, { decision: 'send_to_production' });
    const issue = await http()
      .post(`${JOURNAL_API}/issues`)
      .set(await as('manager'))
      .send({ volume: 1, number: 1, year: 2026 })
      .expect(201);
    await http()
      .put(`${JOURNAL_API}/issues/${issue.body.id}/articles`)
      .set(await as('editor'))
      .send({ items: [{ submissionId: main.id }] })
      .expect(200);
    const requested = await http()
      .post(`${JOURNAL_API}/submissions/${main.id}/proofs`)
      .set(await as('editor'))
      .expect(202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const runs = (
        await http()
          .get(`${JOURNAL_API}/submissions/${main.id}/proofs`)
          .set(await as('editor'))
          .expect(200)
      ).body as { id: string; status: string; error: string | null }[];
      const run = runs.find((each) => each.id === requested.body.id);
      if (run?.status === 'succeeded') break;
      if (run?.status === 'failed' || Date.now() > deadline)
        throw new Error(`the proof did not succeed: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const told = await web.mailTo(addressOf('author1'), (m) =>
      (m.text ?? '').includes(`/submissions/${main.id}#proofs`),
    );
    const link = linkIn(told, new RegExp(`https?://\\S+/submissions/${main.id}#proofs`));
    expect(link).toBe(`${pageOf(main.id)}#proofs`);

    const context = await signedIn('author1', 'ar');
    const page = await context.newPage();
    // The list says what waits for the author.
    await page.goto(`/ar/j/${SLUG}/submissions`);
    const item = page.locator('.author-item', {
      has: page.locator(`a[href="${pageOf(main.id)}"]`),
    });
    expect(plain(await item.locator('.author-next').textContent())).toContain(
      'راجع البروفة التجريبية لمقالتك',
    );
    // The proof in the page: framed by the site (its own policy allows that frame only), shown
    // by the browser's PDF viewer, with no policy violation reported.
    const framing = watchCsp(page);
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    const frame = page.locator('#proofs iframe.author-proof-frame');
    expect(await frame.count()).toBe(1);
    const viewer = Date.now() + 20_000;
    while (!page.frames().some((each) => each.url().startsWith('chrome-extension://'))) {
      if (Date.now() > viewer) throw new Error('the proof is not shown by the PDF viewer');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(framing).toEqual([]);
    const pdf = await context.request.get((await frame.getAttribute('src'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toBe('inline; filename="proof.pdf"');
    expect(pdf.headers()['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'self'",
    );
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    received.push({ what: 'proof PDF', bytes });
    await page.close();

    // The answers, in a tab whose frame holds a stand-in: headless Chromium's PDF viewer keeps
    // Playwright from following the navigations of the page around it.
    const answering = await context.newPage();
    await answering.route('**/proofs/*/pdf', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'The proof.' }),
    );
    await answering.goto(link);
    await accessible(answering, 'proof ar');
    // Corrections need their text; sent, they open a discussion where a file can follow.
    await answering.click('#proofs form.author-proof-answers__corrections button[type="submit"]');
    await answering.waitForSelector('#proofs .form-errors');
    expect(answering.url()).toMatch(/\/answer$/);
    await accessible(answering, 'proof corrections refused ar');
    await answering.fill('#field-corrections', 'Page 1: the title’s second word is misspelt.');
    await answering.click('#proofs form.author-proof-answers__corrections button[type="submit"]');
    await answering.waitForURL(/#discussion-/);
    expect(plain(await answering.locator('.flash').textContent())).toContain('أُرسلت تصحيحاتك');
    const corrections = answering.locator(new URL(answering.url()).hash);
    expect(plain(await corrections.locator('.author-message').textContent())).toContain(
      'Page 1: the title’s second word is misspelt.',
    );
    expect(await corrections.locator('input[type="file"]').count()).toBe(1);
    await answering.goto(`${pageOf(main.id)}#proofs`);
    await answering.click('#proofs form.author-proof-answers__approve button[type="submit"]');
    await answering.waitForSelector('.flash');
    expect(new URL(answering.url()).hash).toBe('#proofs');
    expect(plain(await answering.locator('.flash').textContent())).toBe('وافقتَ على البروفة.');
    expect(plain(await answering.locator('#proofs .author-proof-answer').textContent())).toContain(
      'وافقتَ على هذه البروفة',
    );
    const answers = await web.dataSource.query(
      `SELECT r.response FROM proof_responses r JOIN users u ON u.id = r.user_id
        WHERE r.run_id = $1 AND u.email = $2`,
      [requested.body.id, addressOf('author1')],
    );
    expect(answers).toEqual([{ response: 'approved' }]);
    const english = await context.newPage();
    await english.route('**/proofs/*/pdf', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'The proof.' }),
    );
    await english.goto(`${pageOf(main.id, 'en')}#proofs`);
    await accessible(english, 'proof en');
    await context.close();
  });

  it('reads and answers a discussion, with a file, each form sent once however often it is posted', async () => {
    const started = await http()
      .post(`/api/submissions/${main.id}/discussions`)
      .set(await as('editor'))
      .send({ stage: 'production', subject: 'Figure 2', body: 'Please send a sharper figure 2.' })
      .expect(201);
    const discussionId: string = started.body.id;
    const mail = await web.mailTo(addressOf('author1'), (m) =>
      (m.text ?? '').includes(`#discussion-${discussionId}`),
    );
    const link = linkIn(
      mail,
      new RegExp(`https?://\\S+/submissions/${main.id}#discussion-${discussionId}`),
    );
    expect(link).toBe(`${pageOf(main.id)}#discussion-${discussionId}`);

    const context = await signedIn('author1', 'ar');
    const page = await context.newPage();
    // The list counts the message as unread until the discussion has been shown.
    const unreadOnList = async () => {
      await page.goto(`/ar/j/${SLUG}/submissions`);
      const item = page.locator('.author-item', {
        has: page.locator(`a[href="${pageOf(main.id)}"]`),
      });
      return plain(await item.locator('.author-item__messages').textContent());
    };
    expect(await unreadOnList()).toContain('رسالة واحدة غير مقروءة');
    await page.goto(link);
    const discussion = page.locator(`#discussion-${discussionId}`);
    expect(plain(await discussion.locator('.author-message').first().textContent())).toContain(
      'Please send a sharper figure 2.',
    );
    expect(plain(await discussion.locator('.author-message').first().textContent())).toContain(
      'جديدة',
    );
    expect(await unreadOnList()).not.toContain('غير مقروءة');
    await page.goto(link);
    const form = discussion.locator('form:has(textarea[name="body"])');
    const token = await form.locator('input[name="_csrf"]').inputValue();
    const seen = await form.locator('input[name="seen"]').inputValue();
    await form.locator('textarea[name="body"]').fill('Here it is, at 600 dpi.');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(`**${pageOf(main.id)}#discussion-${discussionId}`);
    expect(plain(await page.locator('.flash').textContent())).toBe('أُرسلت رسالتك.');
    await discussion.locator('input[type="file"]').setInputFiles({
      name: 'figure-2.pdf',
      mimeType: 'application/pdf',
      buffer: await makePdf({ author: 'Nobody', title: 'Figure 2' }),
    });
    await discussion.locator('form[enctype] button[type="submit"]').click();
    await page.waitForURL(`**${pageOf(main.id)}#discussion-${discussionId}`);
    expect(plain(await page.locator('.flash').textContent())).toBe('تمّت مشاركة الملف.');
    const messages = discussion.locator('.author-message');
    expect(await messages.count()).toBe(3);
    expect(plain(await messages.nth(1).textContent())).toContain('Here it is, at 600 dpi.');
    expect(await messages.nth(1).getAttribute('class')).toContain('author-message--mine');
    const shared = await download(page, `#discussion-${discussionId} a[href*="/files/"]`);
    expect(shared.fileName).toBe('figure-2.pdf');
    await accessible(page, 'discussion ar');
    const english = await context.newPage();
    await english.goto(`${pageOf(main.id, 'en')}#discussion-${discussionId}`);
    await accessible(english, 'discussion en');
    await english.close();

    // The same form sent again (a double click, a resend): no second message.
    const post = (fields: Record<string, string>) =>
      context.request.post(`${pageOf(main.id)}/discussions/${discussionId}/messages`, {
        form: fields,
        headers: { Accept: BROWSER_ACCEPT, Origin: web.baseUrl },
        maxRedirects: 0,
      });
    const resent = await post({ _csrf: token, seen, body: 'Here it is, at 600 dpi.' });
    expect(resent.status()).toBe(303);
    // Without its token the form is refused.
    const forged = await post({ seen: '3', body: 'Forged.' });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('<h1>انتهت صلاحية هذا النموذج</h1>');
    const thread = (
      await http()
        .get(`/api/submissions/${main.id}/discussions/${discussionId}`)
        .set(await as('editor'))
        .expect(200)
    ).body as { messages: { body: string }[] };
    expect(thread.messages.map((message) => message.body)).toEqual([
      'Please send a sharper figure 2.',
      'Here it is, at 600 dpi.',
      '',
    ]);
    await context.close();
  });

  it('withdraws another submission after its confirmation page, with a reason', async () => {
    const context = await signedIn('author1', 'ar');
    const page = await context.newPage();
    await page.goto(pageOf(other.id));
    await page.click(`a[href="${pageOf(other.id)}/withdraw"]`);
    await page.waitForURL(`**${pageOf(other.id)}/withdraw`);
    await accessible(page, 'withdraw ar');
    const confirmation = await context.newPage();
    await confirmation.goto(`${pageOf(other.id, 'en')}/withdraw`);
    expect(plain(await confirmation.locator('h1').textContent())).toBe('Withdraw the submission');
    await accessible(confirmation, 'withdraw en');
    await confirmation.close();
    await page.click('form.form button[type="submit"]');
    await page.waitForSelector('.form-errors');
    expect(await page.getAttribute('#field-reason', 'aria-invalid')).toBe('true');
    expect(
      (await web.dataSource.query('SELECT stage FROM submissions WHERE id = $1', [other.id]))[0]
        .stage,
    ).toBe('submitted');
    await page.fill('#field-reason', 'نشرنا نتائج أحدث في مكان آخر.');
    await page.click('form.form button[type="submit"]');
    await page.waitForURL(`**${pageOf(other.id)}`);
    expect(plain(await page.locator('.flash').textContent())).toBe('سُحب البحث وأُبلغ المحررون.');
    expect(plain(await page.locator('.author-notice').textContent())).toContain(
      'نشرنا نتائج أحدث في مكان آخر.',
    );
    expect(plain(await page.locator('.author-title .badge').textContent())).toBe('مسحوب');
    expect(await page.locator('#withdraw').count()).toBe(0);
    await accessible(page, 'withdrawn ar');
    const english = await context.newPage();
    await english.goto(`${pageOf(other.id, 'en')}`);
    await accessible(english, 'withdrawn en');
    // The confirmation page of a withdrawn submission is the page itself.
    await english.goto(`${pageOf(other.id, 'en')}/withdraw`);
    expect(new URL(english.url()).pathname).toBe(pageOf(other.id, 'en'));
    await context.close();
  });

  it('sent the author’s browser nothing that names a reviewer', () => {
    expect(received.length).toBeGreaterThan(20);
    const hits = received.flatMap(({ what, bytes }) =>
      describeHits(findPlanted(bytes, reviewerNeedles)).map((hit) => `${what}: ${hit}`),
    );
    expect(hits).toEqual([]);
  });
});
