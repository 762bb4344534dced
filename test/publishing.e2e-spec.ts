import { PDFDocument, StandardFonts } from 'pdf-lib';
import { seedDemo } from '../src/demo';
import { ScheduledPublicationJob } from '../src/publishing/jobs/scheduled-publication.job';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const email = (key: string) => `${key}@volunteering.example.org`;
const JOURNAL = '/api/journals/volunteering';
const PUBLIC = '/api/public/journals/volunteering';

const TITLES = {
  en: 'Why volunteers stay: retention in Moroccan associations',
  ar: 'Youth volunteering in the working-class districts of Casablanca',
  fr: 'Associative volunteering in Morocco: a survey',
};

async function galleyPdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.TimesRoman);
  document.addPage().drawText(text, { x: 50, y: 700, size: 14, font });
  return Buffer.from(await document.save());
}

/**
 * Issue 1 of volume 1 of the demo journal, with an English, an Arabic and a French article:
 * assembled, refused while incomplete, proven atomic, published, corrected, and read back from
 * the public API.
 */
describe('issues and publication', () => {
  let stack: Stack;
  const auth: Record<string, string> = {};
  const ids: Record<keyof typeof TITLES, string> = { en: '', ar: '', fr: '' };
  let issueId: string;

  const http = () => stack.http();
  const as = (who: string) => ({ Authorization: auth[who] });
  const lockVersionOf = async (id: string) =>
    (await http().get(`${JOURNAL}/submissions/${id}`).set(as('editor')).expect(200)).body.submission
      .lockVersion as number;
  const decide = async (id: string, body: object) =>
    http()
      .post(`${JOURNAL}/submissions/${id}/decisions`)
      .set(as('editor'))
      .send({ lockVersion: await lockVersionOf(id), notifyAuthor: false, ...body })
      .expect(201);
  const issue = async () =>
    (await http().get(`${JOURNAL}/issues/${issueId}`).set(as('manager')).expect(200)).body;
  const record = async (id: string) =>
    (await http().get(`${JOURNAL}/submissions/${id}/publication`).set(as('editor')).expect(200))
      .body[0];
  const stageOf = async (id: string) =>
    (await stack.dataSource.query('SELECT stage FROM submissions WHERE id = $1', [id]))[0].stage;

  beforeAll(async () => {
    stack = await startStack();
    // Without the demo's own issues: this test makes volume 1, number 1 itself.
    await seedDemo(stack.api, { issues: false });
    for (const key of ['editor', 'manager', 'section.field', 'author1', 'author3'])
      auth[key] = await signIn(stack, key);
    for (const [locale, title] of Object.entries(TITLES))
      ids[locale as keyof typeof TITLES] = (
        await stack.dataSource.query(
          `SELECT submission_id AS id FROM submission_metadata WHERE title = $1`,
          [title],
        )
      )[0].id;
    // Into production: the English article was accepted after review; the other two are
    // accepted by the editor with a stated reason.
    await decide(ids.en, { decision: 'send_to_production' });
    for (const id of [ids.ar, ids.fr]) {
      await decide(id, {
        decision: 'accept',
        reason: 'Invited contribution to the forum’s first issue',
      });
      await decide(id, { decision: 'send_to_production' });
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('creates volume 1, number 1 once, named in three languages', async () => {
    const created = await http()
      .post(`${JOURNAL}/issues`)
      .set(as('manager'))
      .send({ volume: 1, number: 1, year: 2026, titles: { en: 'The forum’s first year' } })
      .expect(201);
    issueId = created.body.id;
    expect(created.body.status).toBe('draft');
    const again = await http()
      .post(`${JOURNAL}/issues`)
      .set(as('manager'))
      .send({ volume: 1, number: 1, year: 2026 })
      .expect(409);
    expect(again.body.type).toBe('urn:tahkim:problem:issue-exists');
    expect((await issue()).identification).toEqual({
      ar: 'المجلد 1، العدد 1 (2026)',
      en: 'Vol. 1, No. 1 (2026)',
      fr: 'Vol. 1, n° 1 (2026)',
    });
    // Only managers and editors make issues.
    await http().post(`${JOURNAL}/issues`).set(as('section.field')).send({}).expect(403);
    await http().post(`${JOURNAL}/issues`).set(as('author1')).send({}).expect(403);
    await http().post(`${JOURNAL}/issues`).send({}).expect(401);
  });

  it('places articles in production only, each with its record and a DOI', async () => {
    const [inReview] = await stack.dataSource.query(
      `SELECT id, number FROM submissions WHERE stage = 'review' LIMIT 1`,
    );
    const refused = await http()
      .put(`${JOURNAL}/issues/${issueId}/articles`)
      .set(as('editor'))
      .send({ items: [{ submissionId: ids.en }, { submissionId: inReview.id }] })
      .expect(422);
    expect(refused.body.detail).toContain(`${inReview.number}: is review`);
    expect((await issue()).toc).toEqual([]);

    const placed = await http()
      .put(`${JOURNAL}/issues/${issueId}/articles`)
      .set(as('editor'))
      .send({
        items: [{ submissionId: ids.en }, { submissionId: ids.fr }, { submissionId: ids.ar }],
      })
      .expect(200);
    // By section in the journal's order: Research Articles (en, fr), then Field Reports (ar).
    const toc = placed.body.toc as {
      section: { titles: { en: string } };
      articles: { submissionId: string; doi: string }[];
    }[];
    expect(toc.map((group) => group.section.titles.en)).toEqual([
      'Research Articles',
      'Field Reports',
    ]);
    expect(toc.map((group) => group.articles.map((article) => article.submissionId))).toEqual([
      [ids.en, ids.fr],
      [ids.ar],
    ]);
    const dois = toc.flatMap((group) => group.articles.map((article) => article.doi));
    expect(new Set(dois).size).toBe(3);
    for (const doi of dois) expect(doi).toMatch(/^10\.32013\/jvw\.2026\.\d+$/);
    // The record starts from what was submitted.
    const arabic = await record(ids.ar);
    expect(arabic.metadata.ar.title).toBe('التطوع الشبابي في الأحياء الشعبية بالدار البيضاء');
    expect(arabic.copyrightHolder).toBe('ليلى بنعلي');
    expect(arabic.licenceUrl).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(arabic.missing).toEqual(['pages (or an article number)']);
  });

  it('refuses to publish with missing metadata, listing each article and field', async () => {
    const { lockVersion } = await issue();
    const refused = await http()
      .post(`${JOURNAL}/issues/${issueId}/publish`)
      .set(as('manager'))
      .send({ lockVersion })
      .expect(422);
    expect(refused.body.type).toBe('urn:tahkim:problem:issue-not-ready');
    expect(refused.body.articles).toHaveLength(3);
    for (const article of refused.body.articles)
      expect(article.missing).toEqual(['pages (or an article number)']);
  });

  it('refuses overlapping page ranges, then takes the real ones', async () => {
    const pages = async (id: string, firstPage: number, lastPage: number, status = 200) => {
      const current = await record(id);
      return http()
        .patch(`${JOURNAL}/submissions/${id}/publication`)
        .set(as('editor'))
        .send({ lockVersion: current.lockVersion, firstPage, lastPage })
        .expect(status);
    };
    await pages(ids.en, 1, 14);
    const overlap = await pages(ids.fr, 10, 30, 422);
    expect(overlap.body.type).toBe('urn:tahkim:problem:pages-overlap');
    await pages(ids.fr, 15, 32);
    await pages(ids.ar, 33, 48);
    await pages(ids.ar, 40, 35, 422);
    // A stale record is refused.
    await http()
      .patch(`${JOURNAL}/submissions/${ids.ar}/publication`)
      .set(as('editor'))
      .send({ lockVersion: 1, articleNumber: 'e1' })
      .expect(409);
  });

  it('takes galleys: a PDF per article', async () => {
    for (const [locale, id] of Object.entries(ids)) {
      const galley = await http()
        .post(`${JOURNAL}/submissions/${id}/publication/galleys?label=PDF&locale=${locale}`)
        .set(as('editor'))
        .attach('file', await galleyPdf(`Galley of the ${locale} article`), `article-${locale}.pdf`)
        .expect(201);
      expect(galley.body).toMatchObject({ mediaType: 'application/pdf', label: 'PDF', locale });
      expect(galley.body.storageKey).toBeUndefined();
    }
  });

  it('publishes all or nothing: a failure midway leaves nothing published', async () => {
    // The French article's move to "published" fails inside the transaction.
    await stack.dataSource.query(`
      CREATE FUNCTION fail_publication() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_publication BEFORE UPDATE OF stage ON submissions
        FOR EACH ROW WHEN (NEW.stage = 'published' AND NEW.locale = 'fr')
        EXECUTE FUNCTION fail_publication();`);
    try {
      const { lockVersion } = await issue();
      const failed = await http()
        .post(`${JOURNAL}/issues/${issueId}/publish`)
        .set(as('manager'))
        .send({ lockVersion });
      expect(failed.status).toBe(500);
      expect((await issue()).status).toBe('draft');
      for (const id of Object.values(ids)) expect(await stageOf(id)).toBe('production');
      const leftovers = await stack.dataSource.query(
        `SELECT (SELECT count(*) FROM publications WHERE status = 'published' AND submission_id = ANY($1))::int AS published,
                (SELECT count(*) FROM doi_assignments WHERE frozen_at IS NOT NULL AND submission_id = ANY($1))::int AS frozen,
                (SELECT count(*) FROM outbox_messages WHERE template = 'article-published')::int AS emails`,
        [Object.values(ids)],
      );
      expect(leftovers[0]).toEqual({ published: 0, frozen: 0, emails: 0 });
    } finally {
      await stack.dataSource.query(
        'DROP TRIGGER fail_publication ON submissions; DROP FUNCTION fail_publication();',
      );
    }
  });

  it('publishes the issue: every article, frozen DOIs, current issue, the authors told', async () => {
    const { lockVersion } = await issue();
    await http()
      .post(`${JOURNAL}/issues/${issueId}/publish`)
      .set(as('section.field'))
      .send({ lockVersion })
      .expect(403);
    const published = await http()
      .post(`${JOURNAL}/issues/${issueId}/publish`)
      .set(as('manager'))
      .send({ lockVersion })
      .expect(200);
    expect(published.body).toMatchObject({ status: 'published', isCurrent: true });
    for (const id of Object.values(ids)) expect(await stageOf(id)).toBe('published');
    const frozen = await stack.dataSource.query(
      'SELECT count(*)::int AS n FROM doi_assignments WHERE frozen_at IS NOT NULL AND submission_id = ANY($1)',
      [Object.values(ids)],
    );
    expect(frozen[0].n).toBe(3);
    // The Arabic article's author hears in Arabic, with the DOI link.
    const mail = await stack.mailTo(email('author1'), (m) => /نُشر/.test(m.subject ?? ''));
    expect(mail.text).toContain('المجلد 1، العدد 1 (2026)');
    expect(mail.text).toMatch(/https:\/\/doi\.org\/10\.32013\/jvw\.2026\.\d+/);
    // Publishing twice is refused.
    await http()
      .post(`${JOURNAL}/issues/${issueId}/publish`)
      .set(as('manager'))
      .send({ lockVersion: (await issue()).lockVersion })
      .expect(409);
  });

  it('issues a correction as version 2, with the same DOI and the first version kept', async () => {
    const before = await record(ids.en);
    await http()
      .post(`${JOURNAL}/submissions/${ids.en}/publication/versions`)
      .set(as('editor'))
      .send({ versionNote: 'Corrected the affiliation of the second author.' })
      .expect(201);
    const draft = await record(ids.en);
    expect(draft).toMatchObject({ version: 2, status: 'draft', doi: before.doi });
    await http()
      .patch(`${JOURNAL}/submissions/${ids.en}/publication`)
      .set(as('editor'))
      .send({
        lockVersion: draft.lockVersion,
        metadata: { en: { ...draft.metadata.en, subtitle: 'Evidence from 64 interviews' } },
      })
      .expect(200);
    await http()
      .post(`${JOURNAL}/submissions/${ids.en}/publication/versions/publish`)
      .set(as('editor'))
      .expect(200);
    const article = await http().get(`${PUBLIC}/articles/${ids.en}`).expect(200);
    expect(article.body).toMatchObject({ version: 2, doi: before.doi });
    expect(article.body.metadata.en.subtitle).toBe('Evidence from 64 interviews');
    expect(
      article.body.versions.map((version: { version: number; versionNote: string | null }) => [
        version.version,
        version.versionNote,
      ]),
    ).toEqual([
      [2, 'Corrected the affiliation of the second author.'],
      [1, null],
    ]);
  });

  it('reads everything back from the public API, without signing in, cacheably', async () => {
    const journal = await http().get(PUBLIC).expect(200);
    expect(journal.body).toMatchObject({ onlineIssn: '2958-1427', doiPrefix: '10.32013' });
    expect(journal.body.currentIssue.id).toBe(issueId);
    expect(journal.headers['cache-control']).toBe('public, max-age=300');

    // The archive: this issue, the journal's first, current.
    const archive = await http().get(`${PUBLIC}/issues`).expect(200);
    expect(
      archive.body.map((entry: { volume: number; current: boolean }) => [
        entry.volume,
        entry.current,
      ]),
    ).toEqual([[1, true]]);
    expect(archive.body[0].id).toBe(issueId);

    const toc = await http().get(`${PUBLIC}/issues/${issueId}`).expect(200);
    const articles = toc.body.sections.flatMap(
      (group: { articles: unknown[] }) => group.articles,
    ) as { id: string; firstPage: number; doi: string; galleys: { url: string }[] }[];
    expect(articles.map((article) => [article.id, article.firstPage])).toEqual([
      [ids.en, 1],
      [ids.fr, 15],
      [ids.ar, 33],
    ]);
    // A galley downloads by its URL, no login.
    const pdf = await http()
      .get(articles[2].galleys[0].url)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // A galley never changes (a correction is a new one): any cache may keep it.
    expect(pdf.headers['cache-control']).toBe('public, max-age=86400, immutable');
    expect(pdf.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // Unchanged data answers 304 to a client that has it.
    const again = await http()
      .get(`${PUBLIC}/issues/${issueId}`)
      .set('If-None-Match', toc.headers.etag)
      .expect(304);
    expect(again.body).toEqual({});

    // Nothing unpublished is public: a draft issue, an article in review.
    const draft = await http()
      .post(`${JOURNAL}/issues`)
      .set(as('manager'))
      .send({ volume: 1, number: 2, year: 2026 })
      .expect(201);
    await http().get(`${PUBLIC}/issues/${draft.body.id}`).expect(404);
    const [inReview] = await stack.dataSource.query(
      `SELECT id FROM submissions WHERE stage = 'review' LIMIT 1`,
    );
    await http().get(`${PUBLIC}/articles/${inReview.id}`).expect(404);
    // The public never sees contributors' emails except the corresponding author's.
    const article = await http().get(`${PUBLIC}/articles/${ids.ar}`).expect(200);
    for (const contributor of article.body.contributors)
      if (!contributor.corresponding) expect(contributor.email).toBeUndefined();
  });

  describe('scheduled publication', () => {
    const more: Record<string, string> = {};
    const issueOf = async (id: string) =>
      (await http().get(`${JOURNAL}/issues/${id}`).set(as('manager')).expect(200)).body;
    const newIssue = async (number: number) =>
      (
        await http()
          .post(`${JOURNAL}/issues`)
          .set(as('manager'))
          .send({ volume: 2, number, year: 2027 })
          .expect(201)
      ).body.id as string;
    const place = (id: string, submissionId: string) =>
      http()
        .put(`${JOURNAL}/issues/${id}/articles`)
        .set(as('manager'))
        .send({ items: [{ submissionId }] })
        .expect(200);
    const schedule = async (id: string, publishAt: Date, status = 200) =>
      http()
        .post(`${JOURNAL}/issues/${id}/schedule`)
        .set(as('manager'))
        .send({ lockVersion: (await issueOf(id)).lockVersion, publishAt: publishAt.toISOString() })
        .expect(status);
    const scan = (at: Date) => stack.worker.get(ScheduledPublicationJob).handle(at);

    beforeAll(async () => {
      for (const title of [
        'Volunteering and social cohesion in Gulf cities',
        'Volunteer management standards in Gulf non-profits',
      ]) {
        const [row] = await stack.dataSource.query(
          `SELECT submission_id AS id FROM submission_metadata WHERE title = $1`,
          [title],
        );
        more[title] = row.id;
        await decide(row.id, { decision: 'accept', reason: 'Invited for the second volume' });
        await decide(row.id, { decision: 'send_to_production' });
      }
    });

    it('publishes a scheduled issue once its time comes, once', async () => {
      const id = await newIssue(1);
      const article = more['Volunteering and social cohesion in Gulf cities'];
      await place(id, article);
      const current = await record(article);
      await http()
        .patch(`${JOURNAL}/submissions/${article}/publication`)
        .set(as('editor'))
        .send({ lockVersion: current.lockVersion, firstPage: 1, lastPage: 20 })
        .expect(200);
      const refused = await schedule(id, new Date(Date.now() - 60_000), 422);
      expect(refused.body.type).toBe('urn:tahkim:problem:schedule-in-past');

      const publishAt = new Date(Date.now() + 3_600_000);
      await schedule(id, publishAt);
      expect((await issueOf(id)).status).toBe('scheduled');
      expect(await stageOf(article)).toBe('scheduled');

      // Before its time nothing happens; after it, the issue is published, and a second scan
      // (or a second worker) finds nothing to do.
      expect(await scan(new Date(publishAt.getTime() - 1000))).toEqual({
        status: 'skipped',
        reason: 'nothing is due',
      });
      expect(await scan(new Date(publishAt.getTime() + 1000))).toEqual({
        status: 'done',
        published: 1,
        returned: 0,
      });
      expect(await scan(new Date(publishAt.getTime() + 2000))).toMatchObject({
        status: 'skipped',
      });
      const published = await issueOf(id);
      expect(published).toMatchObject({ status: 'published', isCurrent: true });
      expect(await stageOf(article)).toBe('published');
      // The newer issue is current now.
      expect((await http().get(PUBLIC).expect(200)).body.currentIssue.id).toBe(id);

      // Taken back (no DOI registered yet), with a reason: the first issue is current again.
      await http()
        .post(`${JOURNAL}/issues/${id}/unpublish`)
        .set(as('manager'))
        .send({ lockVersion: published.lockVersion, reason: 'Published a year too early.' })
        .expect(200);
      expect(await stageOf(article)).toBe('production');
      expect((await http().get(PUBLIC).expect(200)).body.currentIssue.id).toBe(issueId);
      await http().get(`${PUBLIC}/articles/${article}`).expect(404);
    });

    it('returns an issue that fails the checks to the editors, and tells them why', async () => {
      const id = await newIssue(2);
      const article = more['Volunteer management standards in Gulf non-profits'];
      await place(id, article);
      const publishAt = new Date(Date.now() + 3_600_000);
      await schedule(id, publishAt);
      expect(await scan(new Date(publishAt.getTime() + 1000))).toEqual({
        status: 'done',
        published: 0,
        returned: 1,
      });
      expect((await issueOf(id)).status).toBe('draft');
      expect(await stageOf(article)).toBe('production');
      const mail = await stack.mailTo(email('editor'), (m) =>
        /تعذّر النشر المجدول/.test(m.subject ?? ''),
      );
      expect(mail.text).toContain('pages (or an article number)');
    });
  });
});
