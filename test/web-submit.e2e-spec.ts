import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { crc32, deflateSync } from 'node:zlib';
import { DEMO_PEOPLE } from '../src/demo';
import { Contributor } from '../src/submissions/entities/contributor.entity';
import { SubmissionFile } from '../src/submissions/entities/submission-file.entity';
import { Submission } from '../src/submissions/entities/submission.entity';
import { findPlanted } from './support/leak-scan';
import { makeDocx } from './support/manuscripts';
import { signIn } from './support/sign-in';
import {
  accessibilityViolations,
  directionOf,
  launchBrowser,
  pageDirection,
  saveScreenshot,
  startWebApp,
  visitor,
  type WebApp,
} from './web/browser';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const JOURNAL = '/j/volunteering';
/** Text without the isolates that keep a value's direction inside a sentence. */
const plain = (value: string | null) => (value ?? '').replace(/[\u2068\u2069]/g, '').trim();

/** A 1×1 PNG whose text chunk names its author, as a drawing program writes it. */
function pngNaming(author: string): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255, 255]))),
    chunk('tEXt', Buffer.from(`Author\0${author}`, 'latin1')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The manuscript: its properties name Leila Benali, and its text names her in Arabic. */
const manuscript = () =>
  makeDocx({
    author: 'Leila Benali',
    company: 'Université Ibn Tofail',
    body: 'كما بيّنت ليلى بنعلي في بحث سابق، يتزايد التطوع الشبابي في المغرب.',
  });

/** What no author's browser may receive: the names of the journal's reviewers. */
const REVIEWER_NAMES = DEMO_PEOPLE.filter((person) => person.roles.includes('reviewer')).flatMap(
  (person) =>
    Object.values(person.names).map((name) => `${name!.given} ${name!.family ?? ''}`.trim()),
);

/** What `read` gives, once it equals `expected` (within a few seconds). */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T = await read();
  for (let tries = 0; tries < 50 && JSON.stringify(last) !== JSON.stringify(expected); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

describe('the submission wizard', () => {
  let web: WebApp;
  let browser: Browser;
  /** Every page and download an author's browser received, for the leak scan. */
  const received: { url: string; body: Buffer }[] = [];

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

  /** A signed-in author's browser (the session cookie from the API's sign-in). */
  async function author(
    locale: 'ar' | 'en' | 'fr',
    options: { who?: string; width?: number; height?: number; javaScript?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context =
      options.javaScript === false
        ? await browser.newContext({ baseURL: web.baseUrl, locale, javaScriptEnabled: false })
        : await visitor(browser, web.baseUrl, {
            locale,
            width: options.width,
            height: options.height,
          });
    const { cookie } = await signIn(web.app, options.who ?? 'author1', { cookie: true });
    await context.addCookies(
      cookie.map((line) => {
        const [name, ...value] = line.split('=');
        return { name, value: value.join('='), url: web.baseUrl };
      }),
    );
    const page = await context.newPage();
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!/text\/html|application\/json|officedocument|image\//.test(type)) return;
      void response
        .body()
        .then((body) => received.push({ url: response.url(), body }))
        .catch(() => undefined);
    });
    return { context, page };
  }

  /** The draft id in the page's address. */
  const draftOf = (page: Page) => /\/submit\/([0-9a-f-]{36})/.exec(page.url())![1];
  const next = (page: Page) => page.click('.wizard-nav button[value="next"]');
  const nothingWrong = async (page: Page) =>
    expect(await accessibilityViolations(page)).toEqual([]);

  /** Starts a draft in Research Articles, in `language`; the page is then on the metadata step. */
  async function start(page: Page, locale: string, language: string) {
    await page.goto(`/${locale}${JOURNAL}/submit`);
    await page.locator('input[name="sectionId"]').first().check();
    await page.check(`#language-${language}`);
    await page.click('form.form button[type="submit"]');
    await page.waitForURL('**/metadata');
    return draftOf(page);
  }

  /** Fills the title, abstract and keywords in Arabic and in English (the journal requires both). */
  async function fillMetadata(page: Page) {
    await page.fill('#field-metadata-ar-title', 'التطوع الشبابي في المغرب والخليج');
    await page.fill('#field-metadata-ar-abstract', 'دراسة ميدانية في العمل التطوعي لدى الشباب.');
    await page.fill('#field-metadata-ar-keywords', 'التطوع، الشباب');
    await page.fill('#field-metadata-en-title', 'Youth volunteering in Morocco and the Gulf');
    await page.fill('#field-metadata-en-abstract', 'A field study of youth volunteering.');
    await page.fill('#field-metadata-en-keywords', 'volunteering, youth');
  }

  /** Uploads a file with the page's form (its island when the page runs scripts). */
  async function upload(page: Page, genre: string, content: Buffer, fileName: string) {
    await page.selectOption('#field-genre', genre);
    await page.setInputFiles('#field-file', {
      name: fileName,
      mimeType: 'application/octet-stream',
      buffer: content,
    });
    await page.click('form[data-upload] button[type="submit"]');
    await page.locator('[data-fresh]', { hasText: fileName }).waitFor();
  }

  const researchSection = async () =>
    (
      (await web.dataSource.query(
        `SELECT id FROM sections WHERE titles->>'en' = 'Research Articles'`,
      )) as { id: string }[]
    )[0].id;

  async function viewAs(who: string, id: string) {
    const bearer = await signIn(web.app, who);
    return (await http().get(`/api/submissions/${id}`).set('Authorization', bearer).expect(200))
      .body;
  }

  it('an author submits in Arabic with a DOCX manuscript and a figure, reads each file’s anonymisation report, and finds the submission', async () => {
    const { context, page } = await author('ar');
    await page.goto(`/ar${JOURNAL}/submit`);
    expect((await pageDirection(page)).direction).toBe('rtl');
    await nothingWrong(page);
    const id = await start(page, 'ar', 'ar');
    expect(plain(await page.locator('.flash').textContent())).toContain('بدأ تقديم بحثك');

    // Metadata: every field in its own language and direction.
    expect(await page.getAttribute('.wizard-steps [aria-current="step"]', 'href')).toBe(
      `/ar${JOURNAL}/submit/${id}/metadata`,
    );
    expect(await page.getAttribute('#field-metadata-ar-title', 'lang')).toBe('ar');
    expect(await directionOf(page, '#field-metadata-ar-abstract')).toBe('rtl');
    expect(await page.getAttribute('#field-metadata-en-title', 'lang')).toBe('en');
    expect(await directionOf(page, '#field-metadata-en-abstract')).toBe('ltr');
    await fillMetadata(page);
    await page.fill('#field-funding', 'لا يوجد.');
    await page.fill('#field-references', 'Putnam, R. (2000). Bowling Alone.\nابن خلدون. المقدمة.');
    await nothingWrong(page);
    await page.evaluate('document.activeElement?.blur()');
    await saveScreenshot(page, 'submit-metadata', 'ar');
    await next(page);
    await page.waitForURL('**/contributors');
    // The metadata step is marked done.
    expect(await page.locator('.wizard-steps__step--done a').first().getAttribute('href')).toMatch(
      /\/metadata$/,
    );

    // Contributors: the submitter is there; a second one is added, their ORCID iD checked live.
    expect(await page.inputValue('#field-contributors-0-email')).toBe(
      'author1@volunteering.example.org',
    );
    await page.fill('#field-contributors-1-names-Latn-given', 'Rachid');
    await page.fill('#field-contributors-1-names-Latn-family', 'Ouazzani');
    await page.fill('#field-contributors-1-names-Arab-given', 'رشيد');
    await page.fill('#field-contributors-1-names-Arab-family', 'الوزاني');
    await page.fill('#field-contributors-1-email', 'rachid@example.org');
    await page.fill('#field-contributors-1-orcid', '0000-0002-1825-0098');
    await page
      .locator('#field-contributors-1-orcid-status', { hasText: 'ليس معرّف ORCID صحيحًا' })
      .waitFor();
    await page.fill('#field-contributors-1-orcid', '0000-0002-1825-0097');
    await page.locator('#field-contributors-1-orcid-status', { hasText: 'سليم الصيغة' }).waitFor();
    await nothingWrong(page);
    await next(page);
    await page.waitForURL('**/files');

    // Files: each report shown as soon as the file is read.
    await nothingWrong(page);
    await upload(page, 'manuscript', await manuscript(), 'مخطوطة.docx');
    const report = plain(await page.locator('[data-fresh] .report').textContent());
    expect(report).toContain('يرد ليلى بنعلي في الفقرة 1 من مخطوطة.docx.');
    expect(report).toContain('3 خصائص من خصائص المستند');
    expect(report).toContain('اسم صاحب تعديل متعقَّب واحد');
    expect(await page.evaluate('document.activeElement?.id')).toBe(
      await page.locator('[data-fresh]').getAttribute('id'),
    );
    await upload(page, 'figure', pngNaming('Leila Benali'), 'figure-1.png');
    expect(plain(await page.locator('[data-fresh] .report').textContent())).toContain(
      'البيانات الوصفية لصورة واحدة',
    );
    await nothingWrong(page);
    await next(page);
    await page.waitForURL('**/checklist');

    await nothingWrong(page);
    for (const box of await page.locator('input[name="checklistConfirmed"]').all())
      await box.check();
    await next(page);
    await page.waitForURL('**/copyright');

    // The copyright terms in the page's language, with their version.
    expect(await page.locator('.terms__text').textContent()).toContain('CC BY 4.0');
    expect(await page.getAttribute('.terms__text', 'lang')).toBe('ar');
    expect(await page.locator('.terms__facts code').textContent()).toMatch(/^[0-9a-f]{12}$/);
    await nothingWrong(page);
    await page.check('#field-agree');
    await next(page);
    await page.waitForURL('**/review');

    // The review: nothing missing, each part linking back to its step.
    expect(await page.locator('.wizard-missing').count()).toBe(0);
    for (const step of ['metadata', 'contributors', 'files', 'checklist', 'copyright'])
      expect(await page.locator(`#review-${step} a[href$="/${step}"]`).count()).toBe(1);
    expect(plain(await page.locator('#review-files').textContent())).toContain('مخطوطة.docx');
    await nothingWrong(page);
    await page.click('.wizard-submit button');
    await page.waitForURL('**/done');

    const submitted = await viewAs('author1', id);
    expect(submitted.submission).toMatchObject({ stage: 'submitted', locale: 'ar' });
    expect(submitted.contributors.map((each: { email: string }) => each.email)).toEqual([
      'author1@volunteering.example.org',
      'rachid@example.org',
    ]);
    expect(submitted.contributors[1].orcid).toBe('0000-0002-1825-0097');
    expect(submitted.submission.references).toHaveLength(2);
    expect(plain(await page.locator('.wizard-note').textContent())).toContain(
      submitted.submission.number,
    );
    await nothingWrong(page);

    // The acknowledgement links to the submission's page and to the author's submissions;
    // the wizard's address of a submitted draft leads to its page too.
    const own = `/ar${JOURNAL}/submissions/${id}`;
    expect(await page.locator(`a[href="${own}"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/ar${JOURNAL}/submissions"]`).count()).toBe(1);
    const resumed = await http()
      .get(`/ar${JOURNAL}/submit/${id}/files`)
      .set('Cookie', (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; '))
      .set('Accept', BROWSER_ACCEPT);
    expect([resumed.status, resumed.headers.location]).toEqual([303, own]);
    // The author finds it on their submissions (src/web/author), and opens its page from there.
    await page.goto(`/ar${JOURNAL}/submissions`);
    await page.click(`a[href="${own}"]`);
    await page.waitForURL(`**${own}`);
    expect(plain(await page.locator('main').textContent())).toContain(submitted.submission.number);
    await context.close();
  }, 240_000);

  it('is clean for axe on every step in English, and uploads without scripts through the plain form', async () => {
    const { context, page } = await author('en');
    const id = await start(page, 'en', 'en');
    await nothingWrong(page);
    for (const step of ['contributors', 'files', 'checklist', 'copyright', 'review']) {
      await page.goto(`/en${JOURNAL}/submit/${id}/${step}`);
      expect(await page.getAttribute('[aria-current="step"]', 'href')).toMatch(
        new RegExp(`/${step}$`),
      );
      await nothingWrong(page);
    }
    // The review lists what is missing against each step, in the page's words.
    expect(
      plain(await page.locator('#review-metadata .wizard-missing-here').textContent()),
    ).toContain('The title, abstract and keywords in English, the manuscript’s language.');
    expect(plain(await page.locator('#review-files .wizard-missing-here').textContent())).toBe(
      'The manuscript file.',
    );
    // Submitting now is refused with the API's list, shown against each step.
    await page.click('.wizard-submit button');
    await page.waitForSelector('.wizard-missing');
    expect(await page.locator('.wizard-missing a[href="#review-copyright"]').count()).toBe(1);
    await nothingWrong(page);
    // Someone who comes to submit from elsewhere chooses the journal: here, the only one.
    const chooser = await http()
      .get('/en/submit')
      .set('Cookie', (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; '))
      .set('Accept', BROWSER_ACCEPT);
    expect([chooser.status, chooser.headers.location]).toEqual([302, `/en${JOURNAL}/submit`]);
    await context.close();

    // Without scripts: the multipart form whose address carries the token; the file downloads
    // as it was sent.
    const plainBrowser = await author('en', { javaScript: false });
    const noScript = plainBrowser.page;
    await noScript.goto(`/en${JOURNAL}/submit/${id}/files`);
    expect(await noScript.getAttribute('form[data-upload]', 'action')).toMatch(/\?_csrf=[\w-]+$/);
    await upload(noScript, 'manuscript', await manuscript(), 'manuscript.docx');
    expect(new URL(noScript.url()).searchParams.get('uploaded')).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain(await noScript.locator('[data-fresh] .report').textContent())).toContain(
      'ليلى بنعلي appears in paragraph 1 of manuscript.docx.',
    );
    const [download] = await Promise.all([
      noScript.waitForEvent('download'),
      noScript.click('[data-fresh] .file-card__title a'),
    ]);
    expect(download.suggestedFilename()).toBe('manuscript.docx');
    // A file sent by mistake is taken away with its button, named for it; a second press of
    // the same form (the file gone already) lands on the list again, no error page.
    const removal = noScript.locator('[data-fresh] form.file-card__remove');
    expect(plain(await removal.locator('button').getAttribute('aria-label'))).toBe(
      'Remove manuscript.docx',
    );
    const removeAction = (await removal.getAttribute('action'))!;
    const filesStep = `/en${JOURNAL}/submit/${id}/files`;
    await Promise.all([
      noScript.waitForURL((url) => url.pathname === filesStep && !url.search),
      removal.locator('button').click(),
    ]);
    expect(plain(await noScript.locator('.flash').textContent())).toContain('The file is removed.');
    expect(await noScript.locator('.file-card').count()).toBe(0);
    expect(await web.dataSource.getRepository(SubmissionFile).countBy({ submissionId: id })).toBe(
      0,
    );
    const again = await http()
      .post(removeAction)
      .set(
        'Cookie',
        (await plainBrowser.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
      )
      .set('Accept', BROWSER_ACCEPT)
      .set('Origin', web.baseUrl)
      .type('form')
      .send({ _csrf: await noScript.inputValue('input[name="_csrf"]') });
    expect([again.status, again.headers.location]).toEqual([303, filesStep]);
    // A file whose content is not a manuscript's is refused beside the file field.
    await noScript.selectOption('#field-genre', 'manuscript');
    await noScript.setInputFiles('#field-file', {
      name: 'paper.docx',
      mimeType: 'application/octet-stream',
      buffer: pngNaming('x'),
    });
    await noScript.click('form[data-upload] button[type="submit"]');
    await noScript.waitForSelector('#field-file-error');
    expect(plain(await noScript.locator('#field-file-error').textContent())).toContain(
      'its content decides, not its name',
    );
    expect(await noScript.inputValue('#field-genre')).toBe('manuscript');
    await plainBrowser.context.close();
  }, 240_000);

  it('resumes a half-finished submission after its last saved step', async () => {
    const { context, page } = await author('en');
    const id = await start(page, 'en', 'ar');
    await fillMetadata(page);
    await next(page);
    await page.waitForURL('**/contributors');
    // Left, and come back later: from the start page's list of drafts, or its own address.
    await page.goto(`/en${JOURNAL}/submit`);
    await page.click(`.wizard-drafts a[href="/en${JOURNAL}/submit/${id}"]`);
    await page.waitForURL(`**/submit/${id}/contributors`);
    await page.goto('/en/account');
    await page.goto(`/en${JOURNAL}/submit/${id}`);
    expect(new URL(page.url()).pathname).toBe(`/en${JOURNAL}/submit/${id}/contributors`);
    // What was saved is there.
    await page.goto(`/en${JOURNAL}/submit/${id}/metadata`);
    expect(await page.inputValue('#field-metadata-ar-keywords')).toBe('التطوع، الشباب');
    await context.close();
  });

  it('keeps every value of a refused step, each message beside its field', async () => {
    const { context, page } = await author('fr');
    const id = await start(page, 'fr', 'fr');
    // Metadata: an abstract without a title.
    await page.fill('#field-metadata-fr-abstract', 'Une étude de terrain.');
    await page.fill('#field-metadata-fr-keywords', 'bénévolat, jeunesse');
    await page.fill('#field-metadata-en-title', 'Youth volunteering');
    await page.fill('#field-dataAvailability', 'Sur demande.');
    await next(page);
    await page.waitForSelector('.form-errors');
    expect(new URL(page.url()).pathname).toBe(`/fr${JOURNAL}/submit/${id}/metadata`);
    expect(plain(await page.locator('#field-metadata-fr-title-error').textContent())).toMatch(
      /^Donnez un titre/,
    );
    expect(await page.getAttribute('#field-metadata-fr-title', 'aria-describedby')).toBe(
      'field-metadata-fr-title-error',
    );
    expect(await page.getAttribute('.form-errors a', 'href')).toBe('#field-metadata-fr-title');
    expect(await page.inputValue('#field-metadata-fr-abstract')).toBe('Une étude de terrain.');
    expect(await page.inputValue('#field-metadata-fr-keywords')).toBe('bénévolat, jeunesse');
    expect(await page.inputValue('#field-metadata-en-title')).toBe('Youth volunteering');
    expect(await page.inputValue('#field-dataAvailability')).toBe('Sur demande.');
    await nothingWrong(page);

    // Contributors: a bad ORCID iD, an address that is not one, a country that is not a code.
    await page.goto(`/fr${JOURNAL}/submit/${id}/contributors`);
    await page.fill('#field-contributors-0-orcid', '0000-0002-1825-0098');
    await page.fill('#field-contributors-1-names-Latn-given', 'Rachid');
    await page.fill('#field-contributors-1-email', 'not an address');
    await page.fill('#field-contributors-1-country', 'ZZ');
    await page.fill('#field-contributors-1-affiliation', 'Université Abdelmalek Essaâdi');
    await page.check('#corresponding-1');
    await next(page);
    await page.waitForSelector('.form-errors');
    expect(plain(await page.locator('#field-contributors-0-orcid-error').textContent())).toMatch(
      /^Ce n’est pas un identifiant ORCID valide/,
    );
    expect(plain(await page.locator('#field-contributors-1-email-error').textContent())).toBe(
      'Saisissez une adresse électronique, comme name@example.org.',
    );
    expect(plain(await page.locator('#field-contributors-1-country-error').textContent())).toMatch(
      /code à deux lettres/,
    );
    expect(await page.inputValue('#field-contributors-0-orcid')).toBe('0000-0002-1825-0098');
    expect(await page.inputValue('#field-contributors-1-names-Latn-given')).toBe('Rachid');
    expect(await page.inputValue('#field-contributors-1-email')).toBe('not an address');
    expect(await page.inputValue('#field-contributors-1-affiliation')).toBe(
      'Université Abdelmalek Essaâdi',
    );
    expect(await page.isChecked('#corresponding-1')).toBe(true);
    // Nothing was saved.
    const saved = await web.dataSource.getRepository(Contributor).findBy({ submissionId: id });
    expect(saved.map((each) => each.email)).toEqual(['author1@volunteering.example.org']);
    await nothingWrong(page);
    await context.close();
  }, 240_000);

  it('reorders contributors with the buttons (the keyboard’s way) and by dragging', async () => {
    const { context, page } = await author('en');
    const id = await start(page, 'en', 'en');
    await page.goto(`/en${JOURNAL}/submit/${id}/contributors`);
    for (const [given, email] of [
      ['Rachid', 'rachid@example.org'],
      ['Maryam', 'maryam@example.org'],
    ]) {
      const row = await page.locator('li[data-row]').count();
      await page.fill(`#field-contributors-${row}-names-Latn-given`, given);
      await page.fill(`#field-contributors-${row}-email`, email);
      await page.click('button[value="stay"]');
      await page.waitForSelector(`#field-contributors-${row}-email`);
    }
    const order = async () =>
      (
        await web.dataSource
          .getRepository(Contributor)
          .find({ where: { submissionId: id }, order: { seq: 'ASC' } })
      ).map((each) => each.email.split('@')[0]);
    expect(await order()).toEqual(['author1', 'rachid', 'maryam']);

    // The third up, with the keyboard: the button keeps the focus on the moved contributor.
    await page.focus('#contributor-2 button[data-move="up"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/contributors#contributor-1-up');
    expect(await order()).toEqual(['author1', 'maryam', 'rachid']);
    expect(plain(await page.locator('.flash').textContent())).toBe(
      'The contributors’ order is saved.',
    );
    await page.locator('#contributor-1 button[data-move="up"]:focus').waitFor();
    expect(await page.inputValue('#field-contributors-1-email')).toBe('maryam@example.org');
    // The first one down.
    await page.click('#contributor-0 button[data-move="down"]');
    await page.waitForURL('**/contributors#contributor-1-down');
    expect(await order()).toEqual(['maryam', 'author1', 'rachid']);
    // The corresponding author stays with their row.
    expect(await page.isChecked('#corresponding-1')).toBe(true);

    // Dragging the last handle onto the first contributor (the island's drag-and-drop events;
    // headless Chromium does not drag from the mouse here).
    const transfer = await page.evaluateHandle('new DataTransfer()');
    await page.dispatchEvent('#contributor-2 .contributor__handle', 'dragstart', {
      dataTransfer: transfer,
    });
    await page.dispatchEvent('#contributor-0 legend', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('#contributor-0 legend', 'drop', { dataTransfer: transfer });
    await page.waitForURL('**/contributors#contributor-0');
    await eventually(order, ['rachid', 'maryam', 'author1']);

    // And removing one.
    await page.click('#contributor-1 button[value="remove:1"]');
    await page.waitForURL('**/contributors');
    await eventually(order, ['rachid', 'author1']);
    await context.close();
  });

  it('makes one draft of a start form sent twice', async () => {
    const { cookie } = await signIn(web.app, 'author2', { cookie: true });
    const form = await http()
      .get(`/fr${JOURNAL}/submit`)
      .set('Cookie', cookie)
      .set('Accept', BROWSER_ACCEPT)
      .expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const formKey = /name="formKey" value="([^"]+)"/.exec(form.text)![1];
    const sectionId = /name="sectionId" value="([^"]+)"/.exec(form.text)![1];
    const before = await web.dataSource.getRepository(Submission).count();
    const send = () =>
      http()
        .post(`/fr${JOURNAL}/submit`)
        .set('Cookie', cookie)
        .set('Accept', BROWSER_ACCEPT)
        .set('Origin', web.baseUrl)
        .type('form')
        .send({ _csrf: token, formKey, sectionId, locale: 'fr' });
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    expect([first.status, second.status, third.status]).toEqual([303, 303, 303]);
    expect(
      new Set([first.headers.location, second.headers.location, third.headers.location]).size,
    ).toBe(1);
    expect(first.headers.location).toMatch(
      /\/fr\/j\/volunteering\/submit\/[0-9a-f-]{36}\/metadata$/,
    );
    expect(await web.dataSource.getRepository(Submission).count()).toBe(before + 1);
  });

  it('shows another author’s draft to nobody else: a 404 page, nothing read or stored', async () => {
    const owner = await signIn(web.app, 'author1');
    const draft = await http()
      .post('/api/journals/volunteering/submissions')
      .set('Authorization', owner)
      .send({ sectionId: await researchSection(), locale: 'ar' })
      .expect(201);
    const id = draft.body.id as string;
    const { context, page } = await author('en', { who: 'author2' });
    for (const step of [
      '',
      '/metadata',
      '/contributors',
      '/files',
      '/checklist',
      '/copyright',
      '/review',
      '/done',
    ]) {
      const response = await page.goto(`/en${JOURNAL}/submit/${id}${step}`);
      expect([step, response?.status()]).toEqual([step, 404]);
    }
    expect(plain(await page.locator('.error-page__status').textContent())).toBe('Error 404');
    await nothingWrong(page);
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const token = await page.evaluate(async () => {
      const response = await fetch('/en/j/volunteering/submit');
      return /name="_csrf" value="([^"]+)"/.exec(await response.text())![1];
    });
    const posted = await http()
      .post(`/en${JOURNAL}/submit/${id}/files?_csrf=${token}`)
      .set('Cookie', cookies)
      .set('Accept', BROWSER_ACCEPT)
      .set('Origin', web.baseUrl)
      .field('genre', 'manuscript')
      .attach('file', await manuscript(), 'stolen.docx');
    expect(posted.status).toBe(404);
    const contributors = await http()
      .post(`/en${JOURNAL}/submit/${id}/contributors`)
      .set('Cookie', cookies)
      .set('Accept', BROWSER_ACCEPT)
      .set('Origin', web.baseUrl)
      .type('form')
      .send({
        _csrf: token,
        'contributors.0.email': 'x@example.org',
        'contributors.0.names.Latn.given': 'X',
      });
    expect(contributors.status).toBe(404);
    expect(await web.dataSource.getRepository(SubmissionFile).countBy({ submissionId: id })).toBe(
      0,
    );
    expect(
      (await web.dataSource.getRepository(Contributor).findBy({ submissionId: id })).map(
        (each) => each.email,
      ),
    ).toEqual(['author1@volunteering.example.org']);
    await context.close();
  });

  it('refuses a step’s form, and an upload, sent without the token', async () => {
    const { context, page } = await author('en');
    const id = await start(page, 'en', 'en');
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const token = await page.inputValue('input[name="_csrf"]');
    const post = (path: string) =>
      http()
        .post(`/en${JOURNAL}/submit/${id}${path}`)
        .set('Cookie', cookies)
        .set('Accept', BROWSER_ACCEPT)
        .set('Origin', web.baseUrl);
    const refused = [
      await post('/metadata').type('form').send({ 'metadata.en.title': 'Forged' }),
      await post('/metadata').type('form').send({ _csrf: 'forged', 'metadata.en.title': 'Forged' }),
      await post('/files')
        .field('genre', 'manuscript')
        .attach('file', await manuscript(), 'x.docx'),
      await post('/review').type('form').send({}),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(403);
      expect(answer.text).toContain('This form has expired');
    }
    expect(await web.dataSource.getRepository(SubmissionFile).countBy({ submissionId: id })).toBe(
      0,
    );
    // With the token, the same form is taken.
    const accepted = await post('/metadata')
      .type('form')
      .send({ _csrf: token, 'metadata.en.title': 'Taken', go: 'stay' });
    expect([accepted.status, accepted.headers.location]).toEqual([
      303,
      `/en${JOURNAL}/submit/${id}/metadata`,
    ]);
    await context.close();
  });

  it('takes a keyboard alone from the start to the acknowledgement', async () => {
    const { context, page } = await author('en', { who: 'author3' });
    await page.goto(`/en${JOURNAL}/submit`);
    /** Tab (or Shift+Tab) until the focus is on `selector`. */
    const tabTo = async (selector: string, backwards = false) => {
      for (let presses = 0; presses < 120; presses++) {
        if (
          await page.evaluate(
            `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`,
          )
        )
          return;
        await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      }
      throw new Error(`the keyboard never reached ${selector}`);
    };
    const typeInto = async (selector: string, value: string) => {
      await tabTo(selector);
      await page.keyboard.type(value);
    };
    const pressOn = async (selector: string, key = 'Enter') => {
      await tabTo(selector);
      await page.keyboard.press(key);
    };

    // Start: the first section (Space), the language by arrow keys.
    await pressOn('input[name="sectionId"]', 'Space');
    await tabTo('input[name="locale"]:checked');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.isChecked('#language-en')).toBe(true);
    await pressOn('form.form button[type="submit"]');
    await page.waitForURL('**/metadata');
    const id = draftOf(page);

    await typeInto('#field-metadata-ar-title', 'التطوع في الخليج');
    await typeInto('#field-metadata-ar-abstract', 'دراسة.');
    await typeInto('#field-metadata-en-title', 'Volunteering in the Gulf');
    await typeInto('#field-metadata-en-abstract', 'A study.');
    await typeInto('#field-metadata-en-keywords', 'volunteering');
    // Enter in a field saves and goes on (the form's default button is "next").
    await page.keyboard.press('Enter');
    await page.waitForURL('**/contributors');

    await pressOn('.wizard-nav button[value="next"]');
    await page.waitForURL('**/files');

    await tabTo('#field-file');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.keyboard.press('Space'),
    ]);
    await chooser.setFiles({
      name: 'manuscript.docx',
      mimeType: 'application/octet-stream',
      buffer: await manuscript(),
    });
    await pressOn('form[data-upload] button[type="submit"]');
    await page.locator('[data-fresh]', { hasText: 'manuscript.docx' }).waitFor();
    // The focus is on the new file's report, for the keyboard to go on from.
    expect(await page.evaluate('document.activeElement?.hasAttribute("data-fresh")')).toBe(true);
    await pressOn('.wizard-nav button[value="next"]');
    await page.waitForURL('**/checklist');

    for (const box of await page.locator('input[name="checklistConfirmed"]').all()) {
      await pressOn(`#${await box.getAttribute('id')}`, 'Space');
      expect(await box.isChecked()).toBe(true);
    }
    await pressOn('.wizard-nav button[value="next"]');
    await page.waitForURL('**/copyright');

    await pressOn('#field-agree', 'Space');
    await pressOn('.wizard-nav button[value="next"]');
    await page.waitForURL('**/review');

    // Back to a step from the review by its link, and forward again.
    await pressOn('#review-contributors a');
    await page.waitForURL('**/contributors');
    await pressOn('.wizard-steps a[href$="/review"]');
    await page.waitForURL('**/review');
    await pressOn('.wizard-submit button');
    await page.waitForURL(`**/submit/${id}/done`);
    expect(plain(await page.locator('h1').textContent())).toBe('Submission received');
    await context.close();
  }, 240_000);

  it('fits a 360 × 740 phone at every step, in Arabic', async () => {
    const { context, page } = await author('ar', { width: 360, height: 740, who: 'author2' });
    /** Nothing wider than the screen: no sideways scrolling. */
    const fits = async (step: string) => {
      const wide = await page.evaluate(
        `[...document.querySelectorAll('main *')].filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > window.innerWidth); }).map((e) => e.tagName + '.' + e.className + '#' + e.id)`,
      );
      expect([step, wide]).toEqual([step, []]);
    };
    await page.goto(`/ar${JOURNAL}/submit`);
    await fits('start');
    await saveScreenshot(page, 'submit-start', 'ar');
    const id = await start(page, 'ar', 'ar');
    await fillMetadata(page);
    await fits('metadata-phone');
    await saveScreenshot(page, 'submit-metadata-phone', 'ar');
    await next(page);
    await page.waitForURL('**/contributors');
    await fits('contributors');
    await saveScreenshot(page, 'submit-contributors', 'ar');
    await next(page);
    await page.waitForURL('**/files');
    await upload(page, 'manuscript', await manuscript(), 'مخطوطة.docx');
    await fits('files');
    await saveScreenshot(page, 'submit-files', 'ar');
    await next(page);
    await page.waitForURL('**/checklist');
    await fits('checklist');
    await saveScreenshot(page, 'submit-checklist', 'ar');
    for (const box of await page.locator('input[name="checklistConfirmed"]').all())
      await box.check();
    await next(page);
    await page.waitForURL('**/copyright');
    await fits('copyright');
    await saveScreenshot(page, 'submit-copyright', 'ar');
    await page.check('#field-agree');
    await next(page);
    await page.waitForURL('**/review');
    await fits('review');
    await saveScreenshot(page, 'submit-review', 'ar');
    await page.click('.wizard-submit button');
    await page.waitForURL(`**/submit/${id}/done`);
    await fits('done');
    await saveScreenshot(page, 'submit-done', 'ar');
    await context.close();
  }, 240_000);

  it('never sends an author’s browser a reviewer’s name', () => {
    expect(received.length).toBeGreaterThan(40);
    const leaks = received.flatMap(({ url, body }) =>
      findPlanted(body, REVIEWER_NAMES).map((hit) => `${url}: ${hit.needle} (${hit.where})`),
    );
    expect(leaks).toEqual([]);
  });
});
