import type { NestExpressApplication } from '@nestjs/platform-express';
import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApi } from '../src/api.bootstrap';
import { dropDatabase, ensureLocalServices } from '../src/cli/local-services';
import { projectRoot } from '../src/common/paths/project-root';
import { loadConfig } from '../src/config/app-config';
import { databaseOptions } from '../src/database/database-options';
import { runMigrationsLocked } from '../src/database/run-migrations';
import { DEMO_JOURNAL_SLUG, DEMO_PASSWORD, openDemoApp, seedDemo } from '../src/demo';
import { benchPlace, percentile } from './support';

type Report = (name: string, value: number, unit: string, target: string, met: boolean) => void;

const DATABASE = 'tahkim_bench_workspaces';
const REDIS_PREFIX = 'tahkim-bench-workspaces';
/** Submissions in the journal besides the demo's own: other authors' work the queries pass by. */
export const WORKSPACE_SUBMISSIONS = 100_000;
const AUTHORS = 2_000;
const REVIEWERS = 300;
const RUNS = 40;
const WARMUP = 5;
const TARGET_MS = 100;

/** One request, its status and how long until its last byte (loopback: the server's time). */
function timedGet(
  url: string,
  cookie: string,
  locale: string,
): Promise<{ status: number; ms: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    httpRequest(
      url,
      {
        headers: {
          cookie,
          accept: 'text/html',
          'accept-language': locale,
          'accept-encoding': 'gzip, br',
        },
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            location: response.headers.location,
          }),
        );
        response.on('error', reject);
      },
    )
      .on('error', reject)
      .end();
  });
}

/** Signs a demo person in through the API; their session cookie. */
async function sessionOf(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`${email} could not sign in: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return `tahkim_session=${token}`;
}

/**
 * Other people's work in the demo journal: AUTHORS authors with WORKSPACE_SUBMISSIONS
 * submissions in every stage, titled in Arabic and English, and REVIEWERS reviewers with three
 * assignments on each submission in review. Written in bulk with SQL (the services would take an
 * hour for this many); the demo's own people and submissions come through the services.
 */
async function seedOthers(dataSource: DataSource, journalId: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO users (email, names, status)
       SELECT 'author' || g || '@bench.test', jsonb_build_object('Latn', jsonb_build_object('given', 'Author', 'family', 'N' || g)), 'active'
         FROM generate_series(1, ${AUTHORS}) g`,
  );
  await dataSource.query(
    `INSERT INTO users (email, names, status)
       SELECT 'reviewer' || g || '@bench.test', jsonb_build_object('Latn', jsonb_build_object('given', 'Reviewer', 'family', 'N' || g)), 'active'
         FROM generate_series(1, ${REVIEWERS}) g`,
  );
  await dataSource.query(
    `INSERT INTO submissions (journal_id, section_id, submitter_id, locale, stage, number, submitted_at, created_at, lock_version)
       SELECT $1, s.ids[1 + g % array_length(s.ids, 1)], a.ids[1 + g % ${AUTHORS}],
              (ARRAY['ar','en','fr'])[1 + g % 3],
              (ARRAY['submitted','review','review','review','copyediting','production','published','declined','withdrawn','draft'])[1 + g % 10],
              'WS-' || g, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, 1
         FROM generate_series(1, ${WORKSPACE_SUBMISSIONS}) g,
              (SELECT array_agg(id ORDER BY seq) AS ids FROM sections WHERE journal_id = $1) s,
              (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email LIKE 'author%@bench.test') a`,
    [journalId],
  );
  await dataSource.query(
    `INSERT INTO submission_metadata (submission_id, locale, title, abstract, keywords)
       SELECT s.id, l.locale, 'عنوان البحث ' || s.number, repeat('ملخص البحث ', 30), ARRAY['تطوع']
         FROM submissions s CROSS JOIN (VALUES ('ar'), ('en')) AS l(locale)
        WHERE s.number LIKE 'WS-%'`,
  );
  await dataSource.query(
    `INSERT INTO review_rounds (submission_id, number, file_version, status)
       SELECT id, 1, 1, 'in_review' FROM submissions WHERE stage = 'review' AND number LIKE 'WS-%'`,
  );
  await dataSource.query(
    `INSERT INTO review_assignments (journal_id, submission_id, round_id, reviewer_id, invited_by_id, method, state, response_due_at, review_due_at, lock_version)
       SELECT $1, r.submission_id, r.id, rv.ids[1 + (abs(hashtext(r.id::text)) + k) % ${REVIEWERS}],
              rv.ids[1], 'double_anonymous', (ARRAY['invited','accepted','completed'])[k],
              now() + interval '5 days', now() + interval '20 days', 1
         FROM review_rounds r
         JOIN submissions s ON s.id = r.submission_id AND s.number LIKE 'WS-%'
         CROSS JOIN generate_series(1, 3) k,
              (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email LIKE 'reviewer%@bench.test') rv`,
    [journalId],
  );
  await dataSource.query('ANALYZE');
}

/**
 * `npm run bench -- workspace-pages`: the server time of every page of the author's and the
 * reviewer's workspaces and of the account, one request at a time, with 100,000 other
 * submissions in the journal. Target (issue #21): p95 < 100 ms for each.
 */
export async function benchWorkspacePages(report: Report): Promise<void> {
  const services = await ensureLocalServices(join(projectRoot(), 'var'));
  await dropDatabase(services.postgresServerUrl, DATABASE);
  const { port, origin, scratch, env } = await benchPlace(services, DATABASE, REDIS_PREFIX);
  const config = loadConfig({ ...env, AUTH_REQUESTS_PER_IP: '100000' });
  const dataSource = await new DataSource(databaseOptions(config.DATABASE_URL)).initialize();
  let api: NestExpressApplication | undefined;
  try {
    await runMigrationsLocked(dataSource);
    let started = Date.now();
    const seeding = await openDemoApp(config);
    const journal = await seedDemo(seeding).finally(() => seeding.close());
    await seedOthers(dataSource, journal.id);
    const [{ count }] = (await dataSource.query(
      'SELECT count(*)::int AS count FROM submissions WHERE journal_id = $1',
      [journal.id],
    )) as { count: number }[];
    console.log(
      `     (demo journal seeded through the services, and ${WORKSPACE_SUBMISSIONS.toLocaleString('en')} other submissions in it: ${count.toLocaleString('en')} in all, in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );

    // The demo's people and their work: an author with a submission under review or decided,
    // an author with a draft, a reviewer with an assignment.
    const [submitted] = (await dataSource.query(
      `SELECT s.id, u.email FROM submissions s JOIN users u ON u.id = s.submitter_id
        WHERE s.journal_id = $1 AND s.number NOT LIKE 'WS-%' AND s.stage NOT IN ('draft')
        ORDER BY s.created_at LIMIT 1`,
      [journal.id],
    )) as { id: string; email: string }[];
    const [draft] = (await dataSource.query(
      `SELECT s.id, u.email FROM submissions s JOIN users u ON u.id = s.submitter_id
        WHERE s.journal_id = $1 AND s.stage = 'draft'
          AND u.email LIKE '%@volunteering.example.org' LIMIT 1`,
      [journal.id],
    )) as { id: string; email: string }[];
    const [assignment] = (await dataSource.query(
      `SELECT a.id, u.email FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
        WHERE a.journal_id = $1 AND u.email LIKE '%@volunteering.example.org'
        ORDER BY a.created_at LIMIT 1`,
      [journal.id],
    )) as { id: string; email: string }[];
    if (!submitted || !assignment) throw new Error('the demo has no submission or assignment');

    started = Date.now();
    api = await createApi(config);
    await api.listen(port, '127.0.0.1');
    console.log(`     (API started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const author = await sessionOf(origin, submitted.email);
    const reviewer = await sessionOf(origin, assignment.email);
    const drafter = draft ? await sessionOf(origin, draft.email) : null;

    const journalPath = `/ar/j/${DEMO_JOURNAL_SLUG}`;
    const pages: [string, string, string | null][] = [
      ['account home', '/ar/account', author],
      ['author: my submissions', `${journalPath}/submissions`, author],
      ['author: a submission', `${journalPath}/submissions/${submitted.id}`, author],
      ['reviewer: my reviews', `${journalPath}/reviews`, reviewer],
      ['reviewer: the review', `${journalPath}/reviews/${assignment.id}`, reviewer],
      ['account: profile', '/ar/account/profile', author],
      ['account: sessions', '/ar/account/sessions', author],
      ...(draft
        ? (['metadata', 'contributors', 'files', 'checklist', 'copyright', 'review'].map((step) => [
            `wizard: ${step}`,
            `${journalPath}/submit/${draft.id}/${step}`,
            drafter,
          ]) as [string, string, string | null][])
        : []),
    ];
    const loadBefore = loadavg()[0];
    for (const [label, path, cookie] of pages) {
      const first = await timedGet(`${origin}${path}`, cookie ?? '', 'ar');
      if (first.status !== 200) {
        report(`${label} (${path}) answers`, first.status, 'HTTP status', '200', false);
        continue;
      }
      for (let run = 0; run < WARMUP; run++) await timedGet(`${origin}${path}`, cookie ?? '', 'ar');
      const timings: number[] = [];
      for (let run = 0; run < RUNS; run++)
        timings.push((await timedGet(`${origin}${path}`, cookie ?? '', 'ar')).ms);
      timings.sort((a, b) => a - b);
      const p95 = percentile(timings, 95);
      report(
        `${label}, ${count.toLocaleString('en')} submissions: p50 ${percentile(timings, 50).toFixed(1)} ms, p95`,
        p95,
        'ms',
        `< ${TARGET_MS} ms`,
        p95 < TARGET_MS,
      );
    }
    console.log(
      `     (load average ${loadBefore.toFixed(2)} before the measures, ${loadavg()[0].toFixed(2)} after)`,
    );
  } finally {
    await api?.close();
    await dataSource.destroy();
    await dropDatabase(services.postgresServerUrl, DATABASE);
    await services.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
