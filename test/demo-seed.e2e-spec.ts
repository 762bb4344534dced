import { JournalRole } from '../src/access/journal-role.entity';
import { User } from '../src/accounts/user.entity';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../src/demo';
import { BoardMember } from '../src/journals/board-member.entity';
import { Section } from '../src/journals/section.entity';
import { FileStorage } from '../src/storage/file-storage';
import { SubmissionFile } from '../src/submissions/entities/submission-file.entity';
import { Submission } from '../src/submissions/entities/submission.entity';
import { type Stack, startStack } from './support/api-with-worker';
import { signIn } from './support/sign-in';

/** What `npm run demo` seeds, seeded twice to prove it is idempotent. */
describe('demo seed', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api);
    await seedDemo(stack.api);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('creates the staff once, named in Arabic and Latin script, with their roles', async () => {
    expect(await stack.dataSource.getRepository(User).count()).toBe(DEMO_PEOPLE.length);
    const roles = await stack.dataSource.getRepository(JournalRole).find();
    const count = (role: string) => roles.filter((candidate) => candidate.role === role).length;
    expect([
      count('manager'),
      count('editor'),
      count('section_editor'),
      count('reviewer'),
      count('author'),
    ]).toEqual([1, 1, 2, 4, 3]);
    const reviewers = await stack.dataSource
      .getRepository(User)
      .findBy({ email: 'reviewer1@volunteering.example.org' });
    expect(reviewers[0].reviewInterests.length).toBeGreaterThan(0);
    expect(
      DEMO_PEOPLE.every((person) => person.names.Arab?.given && person.names.Latn?.given),
    ).toBe(true);
  });

  it('creates four sections, the board and two published announcements once', async () => {
    expect(await stack.dataSource.getRepository(Section).count()).toBe(4);
    expect(await stack.dataSource.getRepository(BoardMember).count()).toBe(4);
    const announcements = await stack.http().get('/api/journals/volunteering/announcements');
    expect(announcements.status).toBe(200);
    expect(
      announcements.body.items.map((item: { titles: { en: string } }) => item.titles.en),
    ).toEqual([
      'Call for papers: a special issue on youth volunteering',
      'The Gulf–Moroccan forum meets in Rabat',
    ]);
  });

  it('creates submissions in several stages, with their manuscripts in storage', async () => {
    const submissions = await stack.dataSource
      .getRepository(Submission)
      .find({ order: { createdAt: 'ASC' } });
    expect(submissions.map((submission) => submission.stage).sort()).toEqual([
      'copyediting',
      'draft',
      'production',
      'published',
      'published',
      'review',
      'review',
      'review',
      'submitted',
      'submitted',
      'withdrawn',
    ]);
    const files = await stack.dataSource.getRepository(SubmissionFile).find();
    expect(files).toHaveLength(10);
    for (const file of files)
      expect(await stack.api.get(FileStorage).exists(file.storageKey)).toBe(true);
  });

  it('puts submissions in review with realistic assignments, reviews and decisions', async () => {
    const rows: { title: string; stage: string; round: string | null; states: string[] }[] =
      await stack.dataSource.query(
        `SELECT m.title, s.stage, r.status AS round,
                array(SELECT a.state::text FROM review_assignments a WHERE a.submission_id = s.id ORDER BY a.state) AS states
           FROM submissions s JOIN submission_metadata m ON m.submission_id = s.id AND m.locale = 'en'
           LEFT JOIN review_rounds r ON r.submission_id = s.id
          WHERE s.stage IN ('review', 'copyediting') ORDER BY m.title`,
      );
    expect(rows).toEqual([
      {
        title: 'Volunteer management standards in Gulf non-profits',
        stage: 'review',
        round: 'in_review',
        states: ['accepted', 'completed'],
      },
      {
        title: 'Volunteering and social cohesion in Gulf cities',
        stage: 'review',
        round: 'in_review',
        states: ['accepted', 'completed', 'declined', 'invited'],
      },
      {
        title: 'Why volunteers stay: retention in Moroccan associations',
        stage: 'copyediting',
        round: 'closed',
        states: ['completed', 'completed'],
      },
      {
        title: 'Youth volunteer work camps in the Rif',
        stage: 'review',
        round: 'revisions_requested',
        states: ['completed', 'completed'],
      },
    ]);

    // The reviewer's dashboard and the author's letter come out of it as from real work.
    const reviewer = await signIn(stack, 'reviewer1');
    const dashboard = await stack
      .http()
      .get('/api/reviews')
      .set('Authorization', reviewer)
      .expect(200);
    const count = (part: string) => (dashboard.body[part] as unknown[]).length;
    expect([count('invitations'), count('active'), count('completed')]).toEqual([0, 1, 3]);
    // Each with the section it would appear in, by its titles alone.
    for (const item of [...dashboard.body.active, ...dashboard.body.completed])
      expect(Object.keys(item.section)).toEqual(['titles']);
    expect(dashboard.body.active[0].section.titles.ar).toEqual(expect.any(String));

    const author = await signIn(stack, 'author2');
    const [revising]: { id: string }[] = await stack.dataSource.query(
      `SELECT submission_id AS id FROM submission_metadata WHERE title = 'Youth volunteer work camps in the Rif'`,
    );
    const decisions = await stack
      .http()
      .get(`/api/submissions/${revising.id}/decisions`)
      .set('Authorization', author)
      .expect(200);
    const body = JSON.stringify(decisions.body);
    expect(decisions.body.revisionsRequested).not.toBeNull();
    expect(body).toContain('request_revisions');
    // Both reviews went to the author with the letter, each under its label.
    expect(body).toContain('يُستحسن إضافة شهادات');
    expect(body).toContain('Le financement mériterait un tableau');
    // Reviews reach the author under neutral labels, never the confidential comments.
    expect(body).not.toContain('أقترح مراجعة جوهرية');
    expect(body).not.toMatch(/Idrissi|الإدريسي|Tazi|التازي/);
  });

  it('has one published issue, current, and one in preparation, both public only when published', async () => {
    const archive = await stack.http().get('/api/public/journals/volunteering/issues').expect(200);
    expect(archive.body).toHaveLength(1);
    expect(archive.body[0]).toMatchObject({ volume: 1, number: 1, current: true });
    expect(archive.body[0].identification.en).toMatch(/^Vol\. 1, No\. 1 \(\d{4}\): Opening issue/);
    const issue = await stack
      .http()
      .get(`/api/public/journals/volunteering/issues/${archive.body[0].id}`)
      .expect(200);
    const articles = issue.body.sections.flatMap(
      (group: { articles: { firstPage: number; doi: string }[] }) => group.articles,
    );
    // Their pages come from typesetting the issue, queued for the worker by the seed.
    expect(articles.map((article: { firstPage: number }) => article.firstPage)).toEqual([
      null,
      null,
    ]);
    const runs: { scope: string; status: string }[] = await stack.dataSource.query(
      'SELECT scope, status FROM typesetting_runs WHERE issue_id = $1',
      [archive.body[0].id],
    );
    expect(runs).toEqual([{ scope: 'issue', status: 'queued' }]);
    for (const article of articles) expect(article.doi).toMatch(/^10\.32013\/jvw\.\d{4}\.\d+$/);
    const inPreparation: { status: string; articles: number }[] = await stack.dataSource.query(
      `SELECT i.status, (SELECT count(*)::int FROM publications p WHERE p.issue_id = i.id) AS articles
         FROM issues i WHERE i.number = 2`,
    );
    expect(inPreparation).toEqual([{ status: 'draft', articles: 1 }]);
  });

  it('lets a demo author sign in and see their submission as complete', async () => {
    const login = await stack
      .http()
      .post('/api/auth/login')
      .send({ email: 'author1@volunteering.example.org', password: DEMO_PASSWORD })
      .expect(200);
    const auth = `Bearer ${login.body.token}`;
    const mine = await stack.http().get('/api/submissions').set('Authorization', auth).expect(200);
    expect(mine.body.items).toHaveLength(1);
    const view = await stack
      .http()
      .get(`/api/submissions/${mine.body.items[0].id}`)
      .set('Authorization', auth)
      .expect(200);
    expect(view.body.submission.stage).toBe('submitted');
    expect(view.body.events.map((event: { kind: string }) => event.kind)).toEqual([
      'created',
      'submitted',
    ]);
  });
});
