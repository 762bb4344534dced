import { JournalRole } from '../src/access/journal-role.entity';
import { User } from '../src/accounts/user.entity';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../src/database/seeds/demo.seed';
import { BoardMember } from '../src/journals/board-member.entity';
import { Section } from '../src/journals/section.entity';
import { FileStorage } from '../src/storage/file-storage';
import { SubmissionFile } from '../src/submissions/entities/submission-file.entity';
import { Submission } from '../src/submissions/entities/submission.entity';
import { type Stack, startStack } from './support/api-with-worker';

/** What `npm run demo` seeds, seeded twice to prove it is idempotent. */
describe('demo seed', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    const storage = stack.api.get(FileStorage);
    await seedDemo(stack.dataSource, storage);
    await seedDemo(stack.dataSource, storage);
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

  it('creates four sections and the board once', async () => {
    expect(await stack.dataSource.getRepository(Section).count()).toBe(4);
    expect(await stack.dataSource.getRepository(BoardMember).count()).toBe(4);
  });

  it('creates submissions in several stages, with their manuscripts in storage', async () => {
    const submissions = await stack.dataSource
      .getRepository(Submission)
      .find({ order: { createdAt: 'ASC' } });
    expect(submissions.map((submission) => submission.stage).sort()).toEqual([
      'draft',
      'submitted',
      'submitted',
      'withdrawn',
    ]);
    const files = await stack.dataSource.getRepository(SubmissionFile).find();
    expect(files).toHaveLength(3);
    for (const file of files)
      expect(await stack.api.get(FileStorage).exists(file.storageKey)).toBe(true);
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
