import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  ensureLocalServices,
} from '../src/cli/local-services';
import { projectRoot } from '../src/common/paths/project-root';
import { databaseOptions } from '../src/database/database-options';
import { runMigrationsLocked } from '../src/database/run-migrations';
import type { Journal } from '../src/journals/journal.entity';
import type { EditorialQuery } from '../src/submissions/dto/editorial-query.dto';
import { EditorialListing } from '../src/submissions/editorial-listing.service';
import { EditorialListingRepository } from '../src/submissions/editorial-listing.repository';
import type { Viewer } from '../src/editorial/request-context';
import { percentile } from './support';

export const LISTING_SUBMISSIONS = 100_000;
const RUNS_PER_CASE = 60;

// Folded words (as the app stores them), Arabic and Latin, to build titles and abstracts from.
const WORDS = [
  'التطوع',
  'الشباب',
  'المجتمع',
  'المدني',
  'الجمعيات',
  'المغرب',
  'الخليج',
  'التنميه',
  'المشاركه',
  'الحوكمه',
  'volunteering',
  'youth',
  'civil',
  'society',
  'associations',
  'morocco',
  'gulf',
  'development',
  'participation',
  'governance',
  'benevolat',
  'jeunesse',
  'societe',
  'engagement',
  'solidarite',
  'evaluation',
  'politiques',
  'territoires',
  'femmes',
  'education',
];

async function seed(
  dataSource: DataSource,
): Promise<{ journal: Journal; sectionEditor: string; editor: string }> {
  const words = `ARRAY[${WORDS.map((word) => `'${word}'`).join(',')}]`;
  const pick = (seed: string) => `(${words})[1 + abs((${seed}) % ${WORDS.length})]`;
  await dataSource.query(
    `INSERT INTO journals (slug, titles, primary_locale, publisher_name) VALUES ('bench', '{"en":"Bench"}', 'ar', 'Bench')`,
  );
  const [journal] = await dataSource.query(`SELECT * FROM journals WHERE slug = 'bench'`);
  await dataSource.query(
    `INSERT INTO users (email, names, status) SELECT 'editor' || g || '@bench.test', '{"Latn":{"given":"Editor"}}', 'active' FROM generate_series(1, 10) g`,
  );
  await dataSource.query(
    `INSERT INTO sections (journal_id, titles, seq) SELECT $1, jsonb_build_object('en', 'Section ' || g), g FROM generate_series(1, 8) g`,
    [journal.id],
  );
  await dataSource.query(
    `INSERT INTO section_editors (section_id, user_id)
       SELECT s.id, u.id FROM (SELECT id, row_number() OVER (ORDER BY seq) AS n FROM sections) s
       JOIN (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users) u ON u.n = s.n`,
  );
  await dataSource.query(
    `INSERT INTO submissions (journal_id, section_id, submitter_id, locale, stage, number, submitted_at, created_at, lock_version)
       SELECT $1,
              (SELECT id FROM sections ORDER BY seq OFFSET (g % 8) LIMIT 1),
              (SELECT id FROM users ORDER BY email OFFSET 9 LIMIT 1),
              (ARRAY['ar','en','fr'])[1 + g % 3],
              (ARRAY['submitted','review','review','review','copyediting','production','published','published','declined','withdrawn'])[1 + g % 10],
              'BEN-' || g,
              now() - (g || ' minutes')::interval,
              now() - (g || ' minutes')::interval,
              1
         FROM generate_series(1, ${LISTING_SUBMISSIONS}) g`,
    [journal.id],
  );
  await dataSource.query(
    `INSERT INTO submission_metadata (submission_id, locale, title, abstract, keywords)
       SELECT s.id, l.locale,
              ${pick('hashtext(s.id::text)')} || ' ' || ${pick('hashtext(s.id::text || l.locale)')} || ' ' || ${pick('hashtext(l.locale || s.id::text)')},
              repeat(${pick('hashtext(s.number)')} || ' ', 20),
              ARRAY[${pick('hashtext(s.number || l.locale)')}]
         FROM submissions s CROSS JOIN (VALUES ('ar'), ('en')) AS l(locale)`,
  );
  await dataSource.query(
    `UPDATE submissions s SET search_vector = to_tsvector('simple', m.text)
       FROM (SELECT submission_id, string_agg(title || ' ' || abstract || ' ' || array_to_string(keywords, ' '), ' ') AS text
               FROM submission_metadata GROUP BY submission_id) m
      WHERE m.submission_id = s.id`,
  );
  await dataSource.query(
    `INSERT INTO submission_editors (submission_id, user_id) SELECT s.id, se.user_id FROM submissions s JOIN section_editors se ON se.section_id = s.section_id`,
  );
  // Review in progress: each submission in review has a round with three reviewers; one in
  // twenty has a reviewer past the due date (what the overdue filter finds).
  await dataSource.query(
    `INSERT INTO review_rounds (submission_id, number, file_version, status)
       SELECT id, 1, 1, 'in_review' FROM submissions WHERE stage = 'review'`,
  );
  await dataSource.query(
    `INSERT INTO review_assignments (journal_id, submission_id, round_id, reviewer_id, invited_by_id, method, state, response_due_at, review_due_at, completed_at, lock_version)
       SELECT $1, r.submission_id, r.id, u.id, u.id, 'double_anonymous',
              CASE WHEN u.n = 1 THEN 'completed' ELSE 'accepted' END,
              now() - interval '20 days',
              CASE WHEN u.n = 3 AND hashtext(r.id::text) % 20 = 0 THEN now() - interval '3 days'
                   ELSE now() + interval '10 days' END,
              CASE WHEN u.n = 1 THEN now() - interval '1 day' END,
              1
         FROM review_rounds r
         JOIN (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users) u ON u.n <= 3`,
    [journal.id],
  );
  await dataSource.query('ANALYZE');
  const [{ user_id: sectionEditor }] = await dataSource.query(
    'SELECT user_id FROM section_editors LIMIT 1',
  );
  const [{ id: editor }] = await dataSource.query(
    `SELECT id FROM users WHERE email = 'editor10@bench.test'`,
  );
  return { journal, sectionEditor, editor };
}

/** p50/p95 of the editors' listing over 100k submissions; target p95 < 50 ms per page. */
export async function benchSubmissionsListing(
  report: (name: string, value: number, unit: string, target: string, met: boolean) => void,
): Promise<void> {
  const services = await ensureLocalServices(join(projectRoot(), 'var'));
  const name = 'tahkim_bench_listing';
  await dropDatabase(services.postgresServerUrl, name);
  await ensureDatabase(services.postgresServerUrl, name);
  const dataSource = await new DataSource(
    databaseOptions(databaseUrl(services.postgresServerUrl, name)),
  ).initialize();
  try {
    await runMigrationsLocked(dataSource);
    const started = Date.now();
    const { journal, sectionEditor, editor } = await seed(dataSource);
    console.log(
      `     (seeded ${LISTING_SUBMISSIONS} submissions in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    const listing = new EditorialListing(EditorialListingRepository.over(dataSource));
    const asEditor: Viewer = {
      user: { id: editor, email: 'editor10@bench.test' } as never,
      roles: ['editor'],
      isSiteAdmin: false,
    };
    const asSectionEditor: Viewer = {
      user: { id: sectionEditor, email: 'section-editor@bench.test' } as never,
      roles: ['section_editor'],
      isSiteAdmin: false,
    };
    const deep = await walk(listing, journal, asEditor, 40);
    const cases: [string, Viewer, Partial<EditorialQuery>][] = [
      ['first page', asEditor, {}],
      ['stage filter', asEditor, { stage: 'review' }],
      ['Arabic search', asEditor, { q: 'التطوع المغرب' }],
      ['Latin search', asEditor, { q: 'youth gover' }],
      ['page 40 (cursor)', asEditor, { cursor: deep }],
      ['section editor', asSectionEditor, {}],
      ['overdue filter', asEditor, { overdue: true }],
      ['not overdue', asEditor, { overdue: false }],
    ];
    for (const [label, viewer, filters] of cases) {
      const timings: number[] = [];
      for (let run = 0; run < RUNS_PER_CASE; run++) {
        const t0 = process.hrtime.bigint();
        await listing.list(journal, viewer, { limit: 25, ...filters } as EditorialQuery);
        timings.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      timings.sort((a, b) => a - b);
      const p95 = percentile(timings, 95);
      report(
        `listing 100k, ${label}: p50 ${percentile(timings, 50).toFixed(1)} ms, p95`,
        p95,
        'ms',
        '< 50 ms',
        p95 < 50,
      );
    }
    const countTimings: number[] = [];
    for (let run = 0; run < 20; run++) {
      const t0 = process.hrtime.bigint();
      await listing.counts(journal, asEditor, {});
      countTimings.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    countTimings.sort((a, b) => a - b);
    const p95 = percentile(countTimings, 95);
    report('counts per stage over 100k, p95', p95, 'ms', '< 200 ms', p95 < 200);
  } finally {
    await dataSource.destroy();
    await dropDatabase(services.postgresServerUrl, name);
    await services.stop();
  }
}

async function walk(
  listing: EditorialListing,
  journal: Journal,
  viewer: Viewer,
  pages: number,
): Promise<string> {
  let cursor: string | undefined;
  for (let page = 0; page < pages; page++) {
    const result = await listing.list(journal, viewer, { limit: 25, cursor } as EditorialQuery);
    cursor = result.nextCursor ?? cursor;
  }
  return cursor!;
}
