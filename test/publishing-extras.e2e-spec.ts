import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { seedDemo } from '../src/demo';
import { CrossrefDeposits } from '../src/publishing/crossref-deposits.service';
import { DoajExports } from '../src/publishing/doaj-exports.service';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { CROSSREF_5_4_0_XSD } from './support/standards';
import { signIn } from './support/sign-in';

const email = (key: string) => `${key}@volunteering.example.org`;
const JOURNAL = '/api/journals/volunteering';
const PUBLIC = '/api/public/journals/volunteering';
/** Where the demo runs (docker-compose's and `npm run demo`'s PUBLIC_URL): no public address. */
const DEMO_URL = 'http://localhost:3000';
// The smallest valid PNG: one transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The demo's issues after the seed, on the demo's own PUBLIC_URL (localhost): production editors
 * preparing an article, covers and issue galleys, readers told of a new issue (and leaving), the
 * indexing exports checked against their schemas (DOAJ's refused on localhost, Crossref's refused
 * until it fits), and COPE notices on a published article.
 */
describe('publishing: production editors, covers, readers, notices', () => {
  let stack: Stack;
  const auth: Record<string, string> = {};
  let published: string;
  let preparing: string;
  let legal: string;
  let digital: string;

  const http = () => stack.http();
  const as = (who: string) => ({ Authorization: auth[who] });
  const idOf = async (title: string) =>
    (
      await stack.dataSource.query(
        'SELECT submission_id AS id FROM submission_metadata WHERE title = $1',
        [title],
      )
    )[0].id as string;
  const enrol = async (role: string, key: string) => {
    const response = await http()
      .post(`${JOURNAL}/roles`)
      .set(as('manager'))
      .send({
        email: email(key),
        role,
        names: { Latn: { given: key, family: 'Demo' } },
      })
      .expect(201);
    await stack.dataSource.query(
      `UPDATE users SET status = 'active', email_verified_at = now(), password_hash = (SELECT password_hash FROM users WHERE email = $2) WHERE email = $1`,
      [email(key), email('editor')],
    );
    auth[key] = await signIn(stack, email(key));
    return response.body.userId as string;
  };

  beforeAll(async () => {
    stack = await startStack({ PUBLIC_URL: DEMO_URL });
    await seedDemo(stack.api);
    for (const key of ['editor', 'manager', 'author1', 'author2'])
      auth[key] = await signIn(stack, email(key));
    const issues: { id: string; number: number }[] = await stack.dataSource.query(
      'SELECT id, number FROM issues ORDER BY number',
    );
    [published, preparing] = issues.map((issue) => issue.id);
    legal = await idOf('Legal frameworks for volunteering in the Maghreb');
    digital = await idOf('Digital volunteering in the Gulf states: platforms and volunteers');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lets the assigned production editor prepare the record, and nobody else of that role', async () => {
    const assigned = await enrol('production_editor', 'production1');
    await enrol('production_editor', 'production2');
    await enrol('copyeditor', 'copy1');
    await http()
      .post(`${JOURNAL}/submissions/${legal}/stage-assignments`)
      .set(as('editor'))
      .send({ userId: assigned, stage: 'production' })
      .expect(201);
    const record = (
      await http()
        .get(`${JOURNAL}/submissions/${legal}/publication`)
        .set(as('production1'))
        .expect(200)
    ).body[0];
    await http()
      .patch(`${JOURNAL}/submissions/${legal}/publication`)
      .set(as('production1'))
      .send({ lockVersion: record.lockVersion, firstPage: 1, lastPage: 18 })
      .expect(200);
    const pdf = Buffer.from(await (await PDFDocument.create()).save());
    await http()
      .post(`${JOURNAL}/submissions/${legal}/publication/galleys?label=PDF&locale=en`)
      .set(as('production1'))
      .attach('file', pdf, 'legal.pdf')
      .expect(201);
    // Another production editor does not learn of it; a copyeditor has no business here.
    await http()
      .get(`${JOURNAL}/submissions/${legal}/publication`)
      .set(as('production2'))
      .expect(404);
    await http().get(`${JOURNAL}/submissions/${legal}/publication`).set(as('copy1')).expect(403);
    // Publishing stays with the editors.
    await http()
      .post(`${JOURNAL}/issues/${preparing}/publish`)
      .set(as('production1'))
      .send({ lockVersion: 1 })
      .expect(403);
  });

  it('takes covers and issue galleys, public only once the issue is', async () => {
    await http()
      .put(`${JOURNAL}/issues/${preparing}/cover`)
      .set(as('manager'))
      .attach('file', PNG, 'cover.png')
      .expect(200);
    await http().get(`${PUBLIC}/issues/${preparing}/cover`).expect(404);
    const pdf = await http()
      .put(`${JOURNAL}/issues/${preparing}/cover`)
      .set(as('manager'))
      .attach('file', Buffer.from(await (await PDFDocument.create()).save()), 'cover.pdf')
      .expect(422);
    expect(pdf.body.type).toBe('urn:tahkim:problem:cover-type');
    await http()
      .post(`${JOURNAL}/issues/${preparing}/galleys?label=PDF&locale=ar`)
      .set(as('manager'))
      .attach('file', Buffer.from(await (await PDFDocument.create()).save()), 'issue.pdf')
      .expect(201);
    await http()
      .post(`${JOURNAL}/issues/${published}/galleys?label=PDF&locale=ar`)
      .set(as('manager'))
      .attach('file', Buffer.from(await (await PDFDocument.create()).save()), 'issue.pdf')
      .expect(409);

    await http()
      .put(`${JOURNAL}/issues/${published}/cover`)
      .set(as('manager'))
      .attach('file', PNG, 'cover.png')
      .expect(200);
    const archive = await http().get(`${PUBLIC}/issues`).expect(200);
    expect(archive.body[0].coverUrl).toBe(`${PUBLIC}/issues/${published}/cover`);
    const cover = await http()
      .get(archive.body[0].coverUrl)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(cover.headers['content-type']).toBe('image/png');
    expect((cover.body as Buffer).equals(PNG)).toBe(true);
  });

  it('tells the journal’s readers of a new issue, in their language, until they leave', async () => {
    await http()
      .post(`${JOURNAL}/roles/self`)
      .set(as('author1'))
      .send({ role: 'reader' })
      .expect(201);
    const { lockVersion } = (
      await http().get(`${JOURNAL}/issues/${preparing}`).set(as('manager')).expect(200)
    ).body;
    await http()
      .post(`${JOURNAL}/issues/${preparing}/publish`)
      .set(as('manager'))
      .send({ lockVersion })
      .expect(200);
    const mail = await stack.mailTo(email('author1'), (m) => /عدد جديد/.test(m.subject ?? ''));
    expect(mail.subject).toContain('المجلد 1، العدد 2');
    expect(mail.text).toContain('الأطر القانونية للتطوع في بلدان المغرب العربي');
    // The article's author has their own email, not the readers'.
    await stack.mailTo(email('author2'), (m) => /published|نُشر|publié/i.test(m.subject ?? ''));
    expect(
      stack.smtp.messages.filter(
        (m) =>
          !Array.isArray(m.to) &&
          m.to?.value[0]?.address === email('author2') &&
          /New issue|عدد جديد|Nouveau numéro/.test(m.subject ?? ''),
      ),
    ).toHaveLength(0);

    await http().delete(`${JOURNAL}/roles/self/reader`).set(as('author1')).expect(204);
    await http().delete(`${JOURNAL}/roles/self/reader`).set(as('author1')).expect(204);
    const roles = await stack.dataSource.query(
      `SELECT r.role FROM journal_roles r JOIN users u ON u.id = r.user_id WHERE u.email = $1`,
      [email('author1')],
    );
    expect(roles.map((row: { role: string }) => row.role)).toEqual(['author']);
  });

  it('builds the Crossref deposit the publication asked for, valid against schema 5.4.0', async () => {
    const pending = (
      await http()
        .get(`${JOURNAL}/issues/${preparing}/crossref-deposits`)
        .set(as('editor'))
        .expect(200)
    ).body;
    expect(pending.map((deposit: { status: string }) => deposit.status)).toEqual(['pending']);
    // The worker's scan builds it, and the demo issue's own (called here directly rather than
    // waiting for the schedule); a second scan finds nothing left.
    const deposits = stack.worker.get(CrossrefDeposits);
    expect(await deposits.buildPending()).toEqual({ built: 2, failed: 0 });
    expect(await deposits.buildPending()).toEqual({ built: 0, failed: 0 });
    const [deposit] = (
      await http()
        .get(`${JOURNAL}/issues/${preparing}/crossref-deposits`)
        .set(as('editor'))
        .expect(200)
    ).body;
    expect(deposit).toMatchObject({ status: 'built', articles: 1, error: null });
    const xml = await http()
      .get(`${JOURNAL}/issues/${preparing}/crossref-deposits/${deposit.id}/content`)
      .set(as('editor'))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const text = (xml.body as Buffer).toString('utf8');
    const [{ doi }] = await stack.dataSource.query(
      'SELECT doi FROM doi_assignments WHERE submission_id = $1',
      [legal],
    );
    expect(text).toContain(`<doi>${doi}</doi>`);
    const file = join(mkdtempSync(join(tmpdir(), 'tahkim-crossref-')), 'deposit.xml');
    writeFileSync(file, text);
    const schema = CROSSREF_5_4_0_XSD;
    expect(() =>
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: 'pipe' }),
    ).not.toThrow();

    // Once Crossref has it, the DOIs are registered and the issue stays published.
    await http()
      .post(`${JOURNAL}/issues/${preparing}/crossref-deposits/${deposit.id}/registered`)
      .set(as('editor'))
      .expect(200);
    const { lockVersion } = (
      await http().get(`${JOURNAL}/issues/${preparing}`).set(as('manager')).expect(200)
    ).body;
    const refused = await http()
      .post(`${JOURNAL}/issues/${preparing}/unpublish`)
      .set(as('manager'))
      .send({ lockVersion, reason: 'We would like to take it back.' })
      .expect(409);
    expect(refused.body.type).toBe('urn:tahkim:problem:doi-registered');
  }, 90_000);

  it('refuses the demo’s DOAJ exports: full-text URLs on localhost fail doajArticles.xsd, and the editors are told why', async () => {
    // Both published issues asked for one (the seed's, and the publication above).
    expect(await stack.worker.get(DoajExports).buildPending()).toEqual({ built: 0, failed: 2 });
    for (const issue of [published, preparing]) {
      const [exported] = (
        await http().get(`${JOURNAL}/issues/${issue}/doaj-exports`).set(as('editor')).expect(200)
      ).body;
      expect(exported).toMatchObject({ status: 'failed', builtAt: null, sha256: null });
      // What to do first (no public URL is made up for the file), then the schema's own words.
      expect(exported.error).toContain(
        `DOAJ needs each article's full-text URL to be a public http(s) address, and the links are made from PUBLIC_URL, ${DEMO_URL}, a local address DOAJ cannot reach: set PUBLIC_URL to the journal site's public address, then ask for a new export.`,
      );
      expect(exported.error).toMatch(
        /The file is not valid against doajArticles\.xsd: fullTextUrl \(line \d+\): 'http:\/\/localhost:3000\/(api\/public\/journals|ar\/j)\/volunteering\/[^']+' does not match the pattern 'https\?:\/\//,
      );
      // Nothing to download: no file was stored.
      const missing = await http()
        .get(`${JOURNAL}/issues/${issue}/doaj-exports/${exported.id}/content`)
        .set(as('editor'))
        .expect(404);
      expect(missing.body.type).toBe('urn:tahkim:problem:not-found');
    }
    const [{ stored }] = await stack.dataSource.query(
      `SELECT count(*)::int AS stored FROM doaj_exports WHERE storage_key IS NOT NULL`,
    );
    expect(stored).toBe(0);
  }, 30_000);

  it('refuses a Crossref deposit that schema 5.4.0 does not take, and builds it once it fits', async () => {
    // Tahkim takes a publisher name of up to 300 characters; Crossref's depositor_name, 130.
    const { publisherName } = (await http().get(JOURNAL).set(as('manager')).expect(200)).body;
    const longName = `${publisherName} — `.padEnd(140, 'x');
    await http().patch(JOURNAL).set(as('manager')).send({ publisherName: longName }).expect(200);
    await http()
      .post(`${JOURNAL}/issues/${published}/crossref-deposits`)
      .set(as('editor'))
      .expect(201);
    const deposits = stack.worker.get(CrossrefDeposits);
    expect(await deposits.buildPending()).toEqual({ built: 0, failed: 1 });
    const [refused] = (
      await http()
        .get(`${JOURNAL}/issues/${published}/crossref-deposits`)
        .set(as('editor'))
        .expect(200)
    ).body;
    expect(refused).toMatchObject({ status: 'failed', builtAt: null, sha256: null });
    expect(refused.error).toMatch(
      /^The file is not valid against Crossref schema 5\.4\.0: depositor_name \(line \d+\): the value is 140 characters long, more than the 130 allowed\.$/,
    );
    await http()
      .get(`${JOURNAL}/issues/${published}/crossref-deposits/${refused.id}/content`)
      .set(as('editor'))
      .expect(404);
    const notBuilt = await http()
      .post(`${JOURNAL}/issues/${published}/crossref-deposits/${refused.id}/registered`)
      .set(as('editor'))
      .expect(409);
    expect(notBuilt.body.type).toBe('urn:tahkim:problem:deposit-not-built');

    // The name shortened, the editors ask again: this one passes and is offered.
    await http().patch(JOURNAL).set(as('manager')).send({ publisherName }).expect(200);
    await http()
      .post(`${JOURNAL}/issues/${published}/crossref-deposits`)
      .set(as('editor'))
      .expect(201);
    expect(await deposits.buildPending()).toEqual({ built: 1, failed: 0 });
    const [built] = (
      await http()
        .get(`${JOURNAL}/issues/${published}/crossref-deposits`)
        .set(as('editor'))
        .expect(200)
    ).body;
    expect(built).toMatchObject({ status: 'built', error: null });
    await http()
      .get(`${JOURNAL}/issues/${published}/crossref-deposits/${built.id}/content`)
      .set(as('editor'))
      .expect(200);
  }, 90_000);

  it('publishes errata and a retraction on a published article, for good', async () => {
    await http()
      .post(`${JOURNAL}/submissions/${digital}/publication/notices`)
      .set(as('author1'))
      .send({ kind: 'erratum', texts: { en: 'x' } })
      .expect(403);
    await http()
      .post(`${JOURNAL}/submissions/${digital}/publication/notices`)
      .set(as('editor'))
      .send({
        kind: 'erratum',
        texts: {
          en: 'Table 2 gave 2024 figures as 2025.',
          ar: 'أُثبتت أرقام 2024 في الجدول 2 على أنها أرقام 2025.',
        },
      })
      .expect(201);
    let article = (await http().get(`${PUBLIC}/articles/${digital}`).expect(200)).body;
    expect(article.retracted).toBe(false);
    expect(article.notices.map((notice: { kind: string }) => notice.kind)).toEqual(['erratum']);

    await http()
      .post(`${JOURNAL}/submissions/${digital}/publication/notices`)
      .set(as('editor'))
      .send({
        kind: 'retraction',
        texts: { en: 'Retracted at the authors’ request: the survey data could not be verified.' },
      })
      .expect(201);
    article = (await http().get(`${PUBLIC}/articles/${digital}`).expect(200)).body;
    expect(article.retracted).toBe(true);
    expect(article.notices.map((notice: { kind: string }) => notice.kind)).toEqual([
      'erratum',
      'retraction',
    ]);
    const toc = (await http().get(`${PUBLIC}/issues/${published}`).expect(200)).body;
    const entry = toc.sections
      .flatMap((group: { articles: { id: string; retracted: boolean }[] }) => group.articles)
      .find((candidate: { id: string }) => candidate.id === digital);
    expect(entry.retracted).toBe(true);
    const again = await http()
      .post(`${JOURNAL}/submissions/${digital}/publication/notices`)
      .set(as('editor'))
      .send({ kind: 'retraction', texts: { en: 'Again.' } })
      .expect(409);
    expect(again.body.type).toBe('urn:tahkim:problem:already-retracted');

    // Notices are for published articles only.
    const inReview = await idOf('Volunteering and social cohesion in Gulf cities');
    await http()
      .post(`${JOURNAL}/submissions/${inReview}/publication/notices`)
      .set(as('editor'))
      .send({ kind: 'erratum', texts: { en: 'Nothing to correct yet.' } })
      .expect(409);
  });
});
