import { seedDemo } from '../src/demo';
import { type Stack, startStack } from './support/api-with-worker';
import { givenFor } from './support/given';

/**
 * A review's lock version: two clients writing one review (two tabs, the page and the API)
 * cannot overwrite each other when they say which version they last read.
 */
describe('review lock version', () => {
  let stack: Stack;
  let assignmentId: string;
  const auth: Record<string, string> = {};

  const http = () => stack.http();
  const as = () => ({ Authorization: auth.reviewer1 });
  const stored = async () =>
    (
      (await stack.dataSource.query(
        `SELECT lock_version, comments_for_author, recommendation, submitted_at, locked
           FROM reviews WHERE assignment_id = $1`,
        [assignmentId],
      )) as Record<string, unknown>[]
    )[0];
  const save = (body: object) =>
    http().put(`/api/reviews/${assignmentId}/review`).set(as()).send(body);
  const submit = (body: object) =>
    http().post(`/api/reviews/${assignmentId}/review/submit`).set(as()).send(body);

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api, { submissions: false });
    const given = givenFor(stack, auth);
    await given.as('reviewer1');
    ({
      assignments: { reviewer1: assignmentId },
    } = await given.submissionInReview('author1', {
      title: 'Volunteer retention',
      reviewers: ['reviewer1'],
    }));
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the lock version; an empty save leaves it, a change bumps it once', async () => {
    const first = await save({}).expect(200);
    expect(first.body.lockVersion).toBe(1);
    const changed = await save({ lockVersion: 1, commentsForAuthor: 'First thoughts.' }).expect(
      200,
    );
    expect(changed.body).toMatchObject({ lockVersion: 2, commentsForAuthor: 'First thoughts.' });
    expect(await stored()).toMatchObject({ lock_version: 2 });
  });

  it('refuses a save on an older version (409 stale-review) and changes nothing', async () => {
    const stale = await save({ lockVersion: 1, commentsForAuthor: 'Overwritten?' }).expect(409);
    expect(stale.body).toMatchObject({
      type: 'urn:tahkim:problem:stale-review',
      status: 409,
      lockVersion: 2,
    });
    expect(await stored()).toMatchObject({
      lock_version: 2,
      comments_for_author: 'First thoughts.',
    });
  });

  it('validates the lock version as a whole number from 1', async () => {
    for (const lockVersion of [0, 1.5, '2'])
      await save({ lockVersion, commentsForAuthor: 'Invalid' }).expect(400);
    expect(await stored()).toMatchObject({ lock_version: 2 });
  });

  it('saves without a lock version as it comes, as before', async () => {
    const saved = await save({ commentsForAuthor: 'Second thoughts.' }).expect(200);
    expect(saved.body).toMatchObject({ lockVersion: 3, commentsForAuthor: 'Second thoughts.' });
  });

  it('refuses a submission on an older version and leaves the review open', async () => {
    const stale = await submit({ lockVersion: 2, recommendation: 'accept' }).expect(409);
    expect(stale.body.type).toBe('urn:tahkim:problem:stale-review');
    expect(await stored()).toMatchObject({
      lock_version: 3,
      recommendation: null,
      submitted_at: null,
      locked: false,
    });
  });

  it('submits on the current version, bumping it once', async () => {
    const submitted = await submit({ lockVersion: 3, recommendation: 'accept' }).expect(200);
    expect(submitted.body).toMatchObject({
      lockVersion: 4,
      locked: true,
      recommendation: 'accept',
    });
    expect(await stored()).toMatchObject({ lock_version: 4, locked: true });
  });
});
