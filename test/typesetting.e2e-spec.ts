import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { seedDemo } from '../src/demo';
import { FileStorage } from '../src/storage/file-storage';
import { TypesettingRuns } from '../src/typesetting/typesetting-runs.service';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { makePdf } from './support/manuscripts';
import { JATS_1_3_XSD } from './support/standards';
import { signIn } from './support/sign-in';

const email = (key: string) => `${key}@volunteering.example.org`;
const JOURNAL = '/api/journals/volunteering';
const PUBLIC = '/api/public/journals/volunteering';

/** Text as a reader's copy would give it: bidi marks dropped, whitespace collapsed. */
function pdfText(pdf: Buffer, first?: number, last = first): string {
  const range = first ? ['-f', String(first), '-l', String(last)] : [];
  const raw = execFileSync('pdftotext', [...range, '-', '-'], { input: pdf, encoding: 'utf8' });
  return raw.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}
/** Poppler reads Amiri's gap after a non-joining letter as a space: compare letters only. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

interface RunView {
  id: string;
  status: string;
  percent: number;
  step: string;
  reused: boolean;
  pages: number | null;
  error: string | null;
  outputs: { index: number; kind: string; publicationId: string | null }[];
}

/**
 * Typesetting the demo journal's issues through the worker: the published issue the seed
 * queued (its PDF with cover, contents and articles; each article's PDF, HTML and JATS), the
 * issue in preparation on an editor's request (progress, reuse, page write-back), a failing
 * manuscript that keeps the previous galleys, proofs, and who may do what.
 */
describe('typesetting: issues and proofs through the worker', () => {
  let stack: Stack;
  let dir: string;
  const auth: Record<string, string> = {};
  let published: string;
  let preparing: string;
  let legal: string;

  const http = () => stack.http();
  const as = (who: string) => ({ Authorization: auth[who] });
  const download = async (url: string, who?: string) => {
    const call = http().get(url).buffer(true).parse(binaryBody);
    const response = await (who ? call.set(as(who)) : call).expect(200);
    return response.body as Buffer;
  };
  /** Polls a run until it ends (the worker does the work). */
  const finished = async (url: string, who = 'editor'): Promise<RunView> => {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const run = (await http().get(url).set(as(who)).expect(200)).body as RunView;
      if (run.status === 'succeeded' || run.status === 'failed') return run;
      if (Date.now() > deadline) throw new Error(`run still ${run.status}: ${run.step}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tahkim-typesetting-'));
    stack = await startStack();
    await seedDemo(stack.api);
    for (const key of ['editor', 'manager', 'author1', 'author3', 'reviewer1'])
      auth[key] = await signIn(stack, email(key));
    const issues: { id: string }[] = await stack.dataSource.query(
      'SELECT id FROM issues ORDER BY number',
    );
    [published, preparing] = issues.map((issue) => issue.id);
    legal = (
      await stack.dataSource.query(
        `SELECT submission_id AS id FROM submission_metadata WHERE title = $1`,
        ['Legal frameworks for volunteering in the Maghreb'],
      )
    )[0].id;
    // The seed queued the published issue's typesetting; the worker's scan would start it.
    await stack.worker.get(TypesettingRuns).requeueStale(0);
  });

  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('typesets the demo issue: cover, contents with true page numbers, and every article', async () => {
    const [seeded] = (
      await http().get(`${JOURNAL}/issues/${published}/typesetting`).set(as('editor')).expect(200)
    ).body as RunView[];
    const run = await finished(`${JOURNAL}/typesetting-runs/${seeded.id}`);
    expect(run).toMatchObject({ status: 'succeeded', percent: 100, error: null, reused: false });

    // The public issue now has its PDF, and each article its pages and three galleys.
    const issue = (await http().get(`${PUBLIC}/issues/${published}`).expect(200)).body;
    const articles = issue.sections.flatMap((group: { articles: unknown[] }) => group.articles) as {
      id: string;
      locale: string;
      firstPage: number;
      lastPage: number;
      doi: string;
      titles: Record<string, string>;
      galleys: { label: string; mediaType: string; url: string }[];
    }[];
    expect(articles.map((article) => article.locale)).toEqual(['ar', 'fr']);
    expect(articles[0].firstPage).toBe(1);
    expect(articles[1].firstPage).toBe(articles[0].lastPage + 1);
    for (const article of articles)
      expect(article.galleys.map((galley) => galley.mediaType)).toEqual([
        'application/pdf',
        'text/html',
        'application/jats+xml',
      ]);
    const issuePdfGalley = issue.galleys.find(
      (galley: { mediaType: string }) => galley.mediaType === 'application/pdf',
    );
    const pdf = await download(issuePdfGalley.url);
    writeFileSync(join(dir, 'issue.pdf'), pdf);
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBe(run.pages);

    // Cover: the journal in its languages, the issue, the ISSNs.
    const cover = pdfText(pdf, 1);
    expect(cover).toContain('Journal of Volunteer Work');
    expect(cover).toMatch(/ISSN \d{4}-\d{3}[\dX]/);
    // Contents (the page before the first article): the articles' first pages, in order.
    const frontPages = document.getPageCount() - (articles[1].lastPage - articles[0].firstPage + 1);
    const contents = pdfText(pdf, frontPages);
    expect(squeeze(contents)).toContain(squeeze('المحتويات'));
    const starts = new Set(articles.map((article) => String(article.firstPage)));
    expect((contents.match(/\b\d+\b/g) ?? []).filter((n) => starts.has(n))).toEqual(
      articles.map((article) => String(article.firstPage)),
    );

    for (const [index, article] of articles.entries()) {
      const firstPhysical = frontPages + 1 + (article.firstPage - articles[0].firstPage);
      const first = pdfText(pdf, firstPhysical);
      // The band: ISSN, pages, DOI; the licence; the title in the article's language.
      expect(first).toMatch(/ISSN \d{4}-\d{3}[\dX]/);
      expect(first).toContain(`https://doi.org/${article.doi}`);
      expect(first).toContain('CC BY 4.0');
      expect(first).toContain(`${article.firstPage}–${article.lastPage}`);
      const title = article.titles[article.locale];
      expect(squeeze(first)).toContain(squeeze(title));
      // Arabic in reading order, French with its accents.
      const record = (await http().get(`${PUBLIC}/articles/${article.id}`).expect(200)).body;
      const abstract: string = record.metadata[article.locale].abstract;
      expect(squeeze(first)).toContain(squeeze(abstract.split(' ').slice(0, 6).join(' ')));
      // Each article's own PDF is the issue's pages, with its own properties.
      const own = await download(article.galleys[0].url);
      const ownDocument = await PDFDocument.load(own);
      expect(ownDocument.getPageCount()).toBe(article.lastPage - article.firstPage + 1);
      expect(ownDocument.getTitle()).toBe(title);
      expect(pdfText(own, 1)).toContain(`https://doi.org/${article.doi}`);
      if (index === 1) expect(pdfText(own)).toMatch(/Références/);
    }

    // A page rendered as an image.
    execFileSync('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      '40',
      '-png',
      '-singlefile',
      join(dir, 'issue.pdf'),
      join(dir, 'page'),
    ]);
    expect(readFileSync(join(dir, 'page.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes HTML and JATS galleys that say their language, and JATS that validates', async () => {
    const issue = (await http().get(`${PUBLIC}/issues/${published}`).expect(200)).body;
    const arabic = issue.sections[0].articles[0];
    const html = (await download(arabic.galleys[1].url)).toString('utf8');
    expect(html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
    expect(html).toContain(arabic.doi);
    const jats = await download(arabic.galleys[2].url);
    const path = join(dir, 'article.xml');
    writeFileSync(path, jats);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', JATS_1_3_XSD, path], {
      stdio: 'pipe',
    });
    expect(jats.toString('utf8')).toContain(
      `<article-id pub-id-type="doi">${arabic.doi}</article-id>`,
    );
  });

  it('typesets the issue in preparation on request, reports progress, reuses unchanged work', async () => {
    const requested = await http()
      .post(`${JOURNAL}/issues/${preparing}/typesetting`)
      .set(as('editor'))
      .expect(202);
    expect(requested.body.status).toBe('queued');
    const run = await finished(`${JOURNAL}/typesetting-runs/${requested.body.id}`);
    expect(run).toMatchObject({ status: 'succeeded', percent: 100, step: 'done' });
    // The record of the issue's article got its pages.
    const record = (
      await http().get(`${JOURNAL}/submissions/${legal}/publication`).set(as('editor')).expect(200)
    ).body[0];
    expect(record.firstPage).toBe(1);
    expect(record.lastPage).toBeGreaterThanOrEqual(1);
    expect(record.galleys.map((galley: { label: string }) => galley.label)).toEqual([
      'PDF',
      'HTML',
      'JATS XML',
    ]);
    const issuePdf = await download(
      `${JOURNAL}/typesetting-runs/${run.id}/outputs/${run.outputs.findIndex((o) => o.kind === 'issue-pdf')}`,
      'editor',
    );
    expect(issuePdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Nothing changed: the next run reuses the files, and lays nothing out.
    const again = await http()
      .post(`${JOURNAL}/issues/${preparing}/typesetting`)
      .set(as('editor'))
      .expect(202);
    const reused = await finished(`${JOURNAL}/typesetting-runs/${again.body.id}`);
    expect(reused).toMatchObject({ status: 'succeeded', reused: true });
    expect(reused.outputs).toHaveLength(run.outputs.length);
  });

  it('fails with a readable error on an unreadable manuscript, keeping the previous galleys', async () => {
    const before: { id: string }[] = await stack.dataSource.query(
      `SELECT g.id FROM galleys g JOIN publications p ON p.id = g.publication_id
        WHERE p.submission_id = $1 ORDER BY g.id`,
      [legal],
    );
    // A "Word document" that is not one, marked as the text to typeset.
    const stored = await stack.api
      .get(FileStorage)
      .put(Readable.from([Buffer.from('this is not a zip archive')]));
    const [file] = await stack.dataSource.query(
      `INSERT INTO submission_files (submission_id, genre, version, storage_key, sha256, size, media_type, original_name, uploaded_by)
       SELECT $1, 'copyedited', 9, $2, $2, $3,
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'final.docx',
              (SELECT id FROM users WHERE email = $4)
       RETURNING id`,
      [legal, stored.key, stored.size, email('editor')],
    );
    await stack.dataSource.query(
      'UPDATE submissions SET galley_source_file_id = $2 WHERE id = $1',
      [legal, file.id],
    );
    const requested = await http()
      .post(`${JOURNAL}/issues/${preparing}/typesetting`)
      .set(as('editor'))
      .expect(202);
    const run = await finished(`${JOURNAL}/typesetting-runs/${requested.body.id}`);
    expect(run.status).toBe('failed');
    expect(run.error).toContain('final.docx');
    const after: { id: string }[] = await stack.dataSource.query(
      `SELECT g.id FROM galleys g JOIN publications p ON p.id = g.publication_id
        WHERE p.submission_id = $1 ORDER BY g.id`,
      [legal],
    );
    expect(after).toEqual(before);
    // The broken file goes: the article is typeset from its manuscript again.
    await stack.dataSource.query(
      'UPDATE submissions SET galley_source_file_id = NULL WHERE id = $1',
      [legal],
    );
    await stack.dataSource.query('DELETE FROM submission_files WHERE id = $1', [file.id]);
  });

  it('stamps a supplied PDF into the issue with its heads and page numbers, not re-typeset', async () => {
    // The production editor's finished PDF, marked as what to typeset.
    const supplied = await makePdf({
      author: 'Nobody',
      title: 'A finished article supplied as PDF',
    });
    const stored = await stack.api.get(FileStorage).put(Readable.from([supplied]));
    const [file] = await stack.dataSource.query(
      `INSERT INTO submission_files (submission_id, genre, version, storage_key, sha256, size, media_type, original_name, uploaded_by)
       SELECT $1, 'copyedited', 8, $2, $2, $3, 'application/pdf', 'finished.pdf',
              (SELECT id FROM users WHERE email = $4)
       RETURNING id`,
      [legal, stored.key, stored.size, email('editor')],
    );
    await stack.dataSource.query(
      'UPDATE submissions SET galley_source_file_id = $2 WHERE id = $1',
      [legal, file.id],
    );
    try {
      const requested = await http()
        .post(`${JOURNAL}/issues/${preparing}/typesetting`)
        .set(as('editor'))
        .expect(202);
      const run = await finished(`${JOURNAL}/typesetting-runs/${requested.body.id}`);
      expect(run).toMatchObject({ status: 'succeeded', error: null, reused: false });
      // Its galley is its PDF alone: no HTML or JATS of a text we never read.
      expect(run.outputs.map((output) => output.kind).sort()).toEqual(['article-pdf', 'issue-pdf']);
      const record = (
        await http()
          .get(`${JOURNAL}/submissions/${legal}/publication`)
          .set(as('editor'))
          .expect(200)
      ).body[0];
      expect(record.galleys.map((galley: { label: string }) => galley.label)).toEqual(['PDF']);
      expect([record.firstPage, record.lastPage]).toEqual([1, 1]);
      const issuePdf = await download(
        `${JOURNAL}/typesetting-runs/${run.id}/outputs/${run.outputs.findIndex((o) => o.kind === 'issue-pdf')}`,
        'editor',
      );
      // The last page is the supplied one: its own text, under the issue's head, with its folio.
      const pages = (await PDFDocument.load(issuePdf)).getPageCount();
      const last = pdfText(issuePdf, pages);
      expect(last).toContain('A finished article supplied as PDF');
      // (poppler garbles the shadda of «المحكّمة»: the words before it are checked)
      expect(squeeze(last)).toContain(squeeze('مجلة العمل التطوعي'));
      expect(last).toContain('Vol. 1, No. 2');
      expect(last).toMatch(/\b1\s*$/);
    } finally {
      await stack.dataSource.query(
        'UPDATE submissions SET galley_source_file_id = NULL WHERE id = $1',
        [legal],
      );
      await stack.dataSource.query('DELETE FROM submission_files WHERE id = $1', [file.id]);
    }
  });

  it('makes proofs of one article for its editors', async () => {
    const requested = await http()
      .post(`${JOURNAL}/submissions/${legal}/proofs`)
      .set(as('editor'))
      .expect(202);
    const deadline = Date.now() + 45_000;
    let proof: RunView | undefined;
    while (Date.now() < deadline) {
      const list = (
        await http().get(`${JOURNAL}/submissions/${legal}/proofs`).set(as('editor')).expect(200)
      ).body as RunView[];
      proof = list.find((entry) => entry.id === requested.body.id);
      if (proof && ['succeeded', 'failed'].includes(proof.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(proof).toMatchObject({ status: 'succeeded', error: null });
    const pdf = await download(
      `${JOURNAL}/submissions/${legal}/proofs/${requested.body.id}/pdf`,
      'editor',
    );
    expect(pdfText(pdf, 1)).toContain('Legal frameworks for volunteering in the Maghreb');

    // The author is told, reads the proof, and answers: corrections first, then approval.
    const [submitter] = await stack.dataSource.query(
      `SELECT u.email FROM submissions s JOIN users u ON u.id = s.submitter_id WHERE s.id = $1`,
      [legal],
    );
    const told = await stack.mailTo(submitter.email, (mail) =>
      /proof|épreuve|التجريبية/i.test(mail.subject ?? ''),
    );
    expect(told.text).toMatch(new RegExp(`/(ar|en|fr)/j/volunteering/submissions/${legal}#proofs`));
    const author = await signIn(stack, submitter.email);
    const mine = (
      await http().get(`/api/submissions/${legal}/proofs`).set('Authorization', author).expect(200)
    ).body;
    expect(mine[0]).toMatchObject({ id: requested.body.id, responses: [] });
    const authorPdf = await http()
      .get(`/api/submissions/${legal}/proofs/${requested.body.id}/pdf`)
      .set('Authorization', author)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((authorPdf.body as Buffer).equals(pdf)).toBe(true);
    const empty = await http()
      .post(`/api/submissions/${legal}/proofs/${requested.body.id}/response`)
      .set('Authorization', author)
      .send({ response: 'corrections', corrections: '   ' })
      .expect(422);
    expect(empty.body.type).toBe('urn:tahkim:problem:corrections-missing');
    const corrected = await http()
      .post(`/api/submissions/${legal}/proofs/${requested.body.id}/response`)
      .set('Authorization', author)
      .send({
        response: 'corrections',
        corrections: 'Table 1: the second row is 9,215, not 9,125.',
      })
      .expect(200);
    const discussionId = corrected.body.responses[0].discussionId;
    expect(corrected.body.responses[0]).toMatchObject({ response: 'corrections' });
    const discussion = (
      await http()
        .get(`/api/submissions/${legal}/discussions/${discussionId}`)
        .set(as('editor'))
        .expect(200)
    ).body;
    expect(discussion.stage).toBe('production');
    expect(discussion.messages[0].body).toBe('Table 1: the second row is 9,215, not 9,125.');
    const approved = await http()
      .post(`/api/submissions/${legal}/proofs/${requested.body.id}/response`)
      .set('Authorization', author)
      .send({ response: 'approved' })
      .expect(200);
    expect(approved.body.responses).toEqual([
      expect.objectContaining({ response: 'approved', discussionId: null }),
    ]);
    // The editor approves too, from the editors' side.
    const both = await http()
      .post(`${JOURNAL}/submissions/${legal}/proofs/${requested.body.id}/response`)
      .set(as('editor'))
      .send({ response: 'approved' })
      .expect(200);
    expect(both.body.responses).toHaveLength(2);
    // Nobody else's: another author does not learn the proof exists.
    await http().get(`/api/submissions/${legal}/proofs`).set(as('author3')).expect(404);
    await http()
      .post(`/api/submissions/${legal}/proofs/${requested.body.id}/response`)
      .set(as('author3'))
      .send({ response: 'approved' })
      .expect(404);
  });

  it('gives a reviewer a certificate of a completed review, naming no manuscript', async () => {
    const [done] = await stack.dataSource.query(
      `SELECT a.id, m.title, u.preferred_locale AS locale, u.names, u.email
         FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
         JOIN submission_metadata m ON m.submission_id = a.submission_id
        WHERE a.state = 'completed' AND u.email = $1 LIMIT 1`,
      [email('reviewer2')],
    );
    const reviewer = await signIn(stack, email('reviewer2'));
    const response = await http()
      .get(`/api/reviews/${done.id}/certificate`)
      .set('Authorization', reviewer)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.body as Buffer);
    const name = done.locale === 'ar' ? done.names.Arab : done.names.Latn;
    expect(squeeze(text)).toContain(squeeze(`${name.given} ${name.family}`));
    expect(squeeze(text)).toContain(squeeze(done.locale === 'ar' ? 'شهادة تحكيم' : 'Certificate'));
    expect(text).toContain('ISSN 2958-1427');
    // Nothing of the manuscript: not its title, not its authors.
    expect(squeeze(text)).not.toContain(squeeze(done.title));
    const authors: { names: { Latn?: { family: string }; Arab?: { family: string } } }[] =
      await stack.dataSource.query(
        `SELECT c.names FROM contributors c JOIN review_assignments a ON a.submission_id = c.submission_id WHERE a.id = $1`,
        [done.id],
      );
    for (const author of authors)
      for (const script of [author.names.Latn, author.names.Arab])
        if (script) expect(squeeze(text)).not.toContain(squeeze(script.family));

    // Another reviewer does not learn it exists; an unfinished review has none yet.
    await http()
      .get(`/api/reviews/${done.id}/certificate`)
      .set('Authorization', await signIn(stack, email('reviewer1')))
      .expect(404);
    const [open] = await stack.dataSource.query(
      `SELECT a.id, u.email FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
        WHERE a.state IN ('invited', 'accepted') LIMIT 1`,
    );
    const key = open.email.split('@')[0];
    const refused = await http()
      .get(`/api/reviews/${open.id}/certificate`)
      .set('Authorization', await signIn(stack, email(key)))
      .expect(409);
    expect(refused.body.type).toBe('urn:tahkim:problem:review-not-completed');
    await http().get(`/api/reviews/${open.id}/certificate`).expect(401);
  });

  it('refuses everyone else, and what cannot be typeset', async () => {
    for (const who of ['author1', 'reviewer1'])
      await http().post(`${JOURNAL}/issues/${preparing}/typesetting`).set(as(who)).expect(403);
    await http().get(`${JOURNAL}/issues/${preparing}/typesetting`).set(as('author1')).expect(403);
    await http().post(`${JOURNAL}/submissions/${legal}/proofs`).set(as('author3')).expect(403);
    // A published issue changes only by corrections.
    const refused = await http()
      .post(`${JOURNAL}/issues/${published}/typesetting`)
      .set(as('editor'))
      .expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:tahkim:problem:issue-published' });
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await http()
      .get(`${JOURNAL}/typesetting-runs/00000000-0000-4000-8000-000000000000`)
      .set(as('editor'))
      .expect(404);
  });
});
