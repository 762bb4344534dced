import { seedDemo } from '../src/demo';
import { ReviewAssignment } from '../src/reviews/entities/review-assignment.entity';
import { ReviewRound } from '../src/reviews/entities/review-round.entity';
import { ReviewRemindersJob } from '../src/reviews/jobs/review-reminders.job';
import { type Stack, startStack } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const email = (key: string) => `${key}@volunteering.example.org`;

/**
 * A submission withdrawn while in review: the reviewers still at work are released and told,
 * their links stop working, and no reminder goes out for it again (nor for revisions due).
 */
describe('withdrawal of a submission in review', () => {
  let stack: Stack;
  let author: string;

  const submissionTitled = async (title: string): Promise<string> =>
    (
      await stack.dataSource.query(
        `SELECT submission_id AS id FROM submission_metadata WHERE title = $1`,
        [title],
      )
    )[0].id;
  const withdraw = (id: string) =>
    stack
      .http()
      .post(`/api/submissions/${id}/withdraw`)
      .set('Authorization', author)
      .send({ reason: 'Published elsewhere in the meantime.' })
      .expect(200);

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api);
    author = await signIn(stack, 'author2');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('releases the reviewers still at work, tells them, and closes the round', async () => {
    const id = await submissionTitled('Volunteering and social cohesion in Gulf cities');
    const assignments = stack.dataSource.getRepository(ReviewAssignment);
    const before = await assignments.find({
      where: { submissionId: id },
      relations: { reviewer: true },
    });
    const stateOf = (key: string, list: ReviewAssignment[]) =>
      list.find(
        (a) => a.reviewerId === before.find((b) => b.reviewer!.email === email(key))!.reviewerId,
      )!.state;
    expect(
      ['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4'].map((k) => stateOf(k, before)),
    ).toEqual(['accepted', 'completed', 'declined', 'invited']);

    await withdraw(id);

    const after = await assignments.findBy({ submissionId: id });
    expect(
      ['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4'].map((k) => stateOf(k, after)),
    ).toEqual(['cancelled', 'completed', 'declined', 'cancelled']);
    const nonces: { response_nonce: string | null }[] = await stack.dataSource.query(
      `SELECT response_nonce FROM review_assignments WHERE submission_id = $1`,
      [id],
    );
    expect(nonces.every((row) => row.response_nonce === null)).toBe(true);
    const [round] = await stack.dataSource.getRepository(ReviewRound).findBy({ submissionId: id });
    expect(round.status).toBe('closed');

    // The two released reviewers are told, in their language; the others are not.
    const cancelled = await stack.mailTo(email('reviewer1'));
    expect(cancelled.subject).toMatch(/VOL-\d{4}-\d{4}/);
    expect(cancelled.text).toContain('التماسك الاجتماعي');
    await stack.mailTo(email('reviewer4'));
    // The editors' notice is the last email of the withdrawal: by then every other one is out.
    await stack.mailTo(email('editor'));
    const to = (key: string) =>
      stack.smtp.messages.filter(
        (mail) => !Array.isArray(mail.to) && mail.to?.value[0]?.address === email(key),
      );
    expect(to('reviewer2')).toHaveLength(0);
    expect(to('reviewer3')).toHaveLength(0);
    // Nothing a reviewer receives names the author.
    for (const mail of [...to('reviewer1'), ...to('reviewer4')])
      expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toMatch(/Ouazzani|الوزاني/);
  });

  it('sends no reminder for a withdrawn submission, nor for revisions it no longer owes', async () => {
    const revising = await submissionTitled('Youth volunteer work camps in the Rif');
    await withdraw(revising);
    const [round] = await stack.dataSource
      .getRepository(ReviewRound)
      .findBy({ submissionId: revising });
    expect(round.status).toBe('closed');

    // A scan a year from now finds nothing of either submission due.
    const job = stack.worker.get(ReviewRemindersJob);
    const outbox = async () =>
      Number(
        (
          await stack.dataSource.query(
            `SELECT count(*) AS n FROM outbox_messages
              WHERE dedupe_key LIKE 'review-reminder:%' OR dedupe_key LIKE 'revisions-reminder:%'`,
          )
        )[0].n,
      );
    const remindersBefore = await outbox();
    const withdrawnIds = [
      revising,
      await submissionTitled('Volunteering and social cohesion in Gulf cities'),
    ];
    await job.handle(new Date(Date.now() + 365 * 86_400_000));
    const mentioned: { n: string }[] = await stack.dataSource.query(
      `SELECT count(*) AS n FROM outbox_messages o
         JOIN review_assignments a ON o.dedupe_key LIKE 'review-reminder:' || a.id || ':%'
        WHERE a.submission_id = ANY($1)`,
      [withdrawnIds],
    );
    expect(Number(mentioned[0].n)).toBe(0);
    const revisions: { n: string }[] = await stack.dataSource.query(
      `SELECT count(*) AS n FROM outbox_messages WHERE dedupe_key LIKE $1`,
      [`revisions-reminder:${round.id}:%`],
    );
    expect(Number(revisions[0].n)).toBe(0);
    // The scan still works for the submission that is live (its late reviewer is reminded).
    expect(await outbox()).toBeGreaterThan(remindersBefore);
  });
});
