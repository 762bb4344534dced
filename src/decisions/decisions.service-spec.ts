import {
  startServiceContext,
  type ServiceContext,
  uploadSource,
} from '../../test/support/service-context';
import { problemType } from '../common/problems/problem-registry';
import { DAY_MS } from '../common/time';
import { AuthorDecisionsService } from './author-decisions.service';

const refusal = (code: string) => ({
  problem: expect.objectContaining({ type: problemType(code) }),
});
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

/**
 * Editorial decisions against the database: a few paths through the table (each stage change,
 * round and letter as it should be), what decisions require (an open round, a due date, enough
 * reviews or a reason, a recorded decline), the stale lock, and refusals that change nothing.
 */
describe('DecisionsService', () => {
  let context: ServiceContext;

  beforeAll(async () => {
    context = await startServiceContext();
  });

  afterAll(async () => {
    await context?.close();
  });

  const given = () => context.given;
  const rounds = async (id: string) =>
    (await context.dataSource.query(
      `SELECT number, status, revisions_due_at IS NOT NULL AS due FROM review_rounds
        WHERE submission_id = $1 ORDER BY number`,
      [id],
    )) as { number: number; status: string; due: boolean }[];
  const decisions = async (id: string) =>
    (await context.dataSource.query(
      `SELECT kind, stage_before, stage_after, letter_subject IS NOT NULL AS letter,
              cardinality(shared_assignment_ids) AS shared
         FROM decisions WHERE submission_id = $1 ORDER BY created_at`,
      [id],
    )) as {
      kind: string;
      stage_before: string;
      stage_after: string;
      letter: boolean;
      shared: number;
    }[];
  const letters = async (id: string) =>
    (
      await context.dataSource.query(
        `SELECT recipient_email FROM outbox_messages
          WHERE submission_id = $1 AND template = 'decision-letter' ORDER BY created_at`,
        [id],
      )
    ).map((row: { recipient_email: string }) => row.recipient_email);
  /** What a refused decision must leave as it was. */
  const snapshot = async (id: string) => ({
    ...(await given().state(id)),
    rounds: await rounds(id),
    decisions: (await decisions(id)).length,
    letters: (await letters(id)).length,
  });
  /** A decision that must be refused as `code`, with nothing changed. */
  const refused = async (
    id: string,
    dto: Record<string, unknown> & { decision: string },
    code: string,
    who?: string,
  ) => {
    const before = await snapshot(id);
    await expect(given().decided(id, dto, who)).rejects.toMatchObject(refusal(code));
    expect(await snapshot(id)).toEqual(before);
  };

  describe('paths', () => {
    it('sends to review (round 1), asks for revisions, accepts after review, sends to production', async () => {
      const { submission, assignments } = await given().inReview('author1', {
        reviewers: ['reviewer1', 'reviewer2'],
      });
      const id = submission.id;
      expect(await given().state(id)).toMatchObject({ stage: 'review' });
      expect(await rounds(id)).toEqual([{ number: 1, status: 'in_review', due: false }]);

      await given().reviewed('reviewer1', assignments.reviewer1, 'minor_revisions');
      await given().decided(id, { decision: 'request_revisions', revisionsDueAt: inDays(21) });
      expect(await rounds(id)).toEqual([{ number: 1, status: 'revisions_requested', due: true }]);

      // The author sends the revised version; round 1 goes on with it.
      const author = await context.person('author1');
      await context.services.files.upload(
        id,
        author,
        'manuscript',
        uploadSource('m2.md', 'text/markdown', Buffer.from('# Revised\n\nText.\n')),
        context.actor(author),
      );
      await context
        .get(AuthorDecisionsService)
        .submitRevision(author, id, 'Thank you: all done.', context.actor(author));
      expect(await rounds(id)).toEqual([{ number: 1, status: 'revisions_submitted', due: true }]);
      await given().reviewed('reviewer2', assignments.reviewer2, 'accept');
      await given().decided(id, { decision: 'accept' });
      await given().decided(id, { decision: 'send_to_production' });

      expect(await given().state(id)).toMatchObject({ stage: 'production' });
      expect(await rounds(id)).toEqual([{ number: 1, status: 'closed', due: true }]);
      expect(await decisions(id)).toEqual([
        {
          kind: 'send_to_review',
          stage_before: 'submitted',
          stage_after: 'review',
          letter: true,
          shared: 0,
        },
        {
          kind: 'request_revisions',
          stage_before: 'review',
          stage_after: 'review',
          letter: true,
          shared: 1,
        },
        {
          kind: 'accept',
          stage_before: 'review',
          stage_after: 'copyediting',
          letter: true,
          shared: 2,
        },
        // No letter goes with sending to production.
        {
          kind: 'send_to_production',
          stage_before: 'copyediting',
          stage_after: 'production',
          letter: false,
          shared: 0,
        },
      ]);
      expect(await letters(id)).toEqual([author.email, author.email, author.email]);
    });

    it('declines without review, and reverts the decline back to where it was', async () => {
      const submission = await given().submitted('author2');
      await given().decided(submission.id, {
        decision: 'decline_without_review',
        notifyAuthor: false,
      });
      expect(await given().state(submission.id)).toMatchObject({ stage: 'declined' });
      expect(await letters(submission.id)).toEqual([]);
      await given().decided(submission.id, { decision: 'revert_decline' });
      expect(await given().state(submission.id)).toMatchObject({ stage: 'submitted' });
    });

    it('reverts a decline after review back into review, reopening the round', async () => {
      const { submission } = await given().inReview('author3');
      await given().decided(submission.id, { decision: 'decline' });
      expect(await rounds(submission.id)).toEqual([{ number: 1, status: 'closed', due: false }]);
      await given().decided(submission.id, { decision: 'revert_decline' });
      expect(await given().state(submission.id)).toMatchObject({ stage: 'review' });
      expect(await rounds(submission.id)).toEqual([{ number: 1, status: 'in_review', due: false }]);
    });
  });

  describe('requirements', () => {
    it('refuses a decision the stage does not open', async () => {
      const submission = await given().submitted('author1');
      await refused(submission.id, { decision: 'send_to_production' }, 'decision-not-allowed');
      await refused(
        submission.id,
        { decision: 'request_revisions', revisionsDueAt: inDays(9) },
        'decision-not-allowed',
      );
    });

    it('asks for revisions only with a due date in the future', async () => {
      const { submission } = await given().inReview('author1');
      await refused(submission.id, { decision: 'request_revisions' }, 'revisions-due-date');
      await refused(
        submission.id,
        { decision: 'request_revisions', revisionsDueAt: inDays(-1) },
        'revisions-due-date',
      );
    });

    it('asks for revisions only while the round is open', async () => {
      const { submission } = await given().inReview('author2');
      await given().decided(submission.id, {
        decision: 'request_revisions',
        revisionsDueAt: inDays(14),
      });
      await refused(
        submission.id,
        { decision: 'request_revisions', revisionsDueAt: inDays(14) },
        'round-not-open',
      );
    });

    it('accepts with fewer reviews than the journal asks only with a reason', async () => {
      const { submission, assignments } = await given().inReview('author3', {
        reviewers: ['reviewer3'],
      });
      await given().reviewed('reviewer3', assignments.reviewer3, 'accept');
      await refused(submission.id, { decision: 'accept' }, 'too-few-reviews');
      await given().decided(submission.id, {
        decision: 'accept',
        reason: 'The one review is thorough and decisive.',
      });
      expect(await given().state(submission.id)).toMatchObject({ stage: 'copyediting' });
    });

    it('reverts only a decline on record', async () => {
      const submission = await given().submitted('author2');
      // Declined by hand, as no decision does it: there is no decline to revert.
      await context.dataSource.query(`UPDATE submissions SET stage = 'declined' WHERE id = $1`, [
        submission.id,
      ]);
      await refused(submission.id, { decision: 'revert_decline' }, 'no-recorded-decline');
    });

    it('keeps decisions from section editors of other sections, and from reviewers', async () => {
      const submission = await given().submitted('author1', { section: 'Policy and Governance' });
      const before = await snapshot(submission.id);
      await expect(
        given().decided(submission.id, { decision: 'send_to_review' }, 'section.field'),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        given().decided(submission.id, { decision: 'send_to_review' }, 'reviewer1'),
      ).rejects.toMatchObject({ status: 404 });
      expect(await snapshot(submission.id)).toEqual(before);
      await given().decided(submission.id, { decision: 'send_to_review' }, 'section.policy');
    });
  });

  describe('the lock version', () => {
    it('refuses a decision taken on a version the editor did not see, changing nothing', async () => {
      const submission = await given().submitted('author1');
      const { lockVersion } = await given().state(submission.id);
      await refused(
        submission.id,
        { decision: 'send_to_review', lockVersion: lockVersion - 1 },
        'stale-submission',
      );
    });

    it('lets one of two editors deciding at once through; the other finds it stale', async () => {
      const submission = await given().submitted('author2');
      const { lockVersion } = await given().state(submission.id);
      const editor = await context.person('editor');
      const manager = await context.person('manager');
      const decide = (who: typeof editor, decision: string) =>
        context.services.decisions.decide(
          context.journal,
          context.viewer(who),
          who,
          submission.id,
          { decision, lockVersion } as never,
          context.actor(who),
        );
      const results = await Promise.allSettled([
        decide(editor, 'send_to_review'),
        decide(manager, 'decline_without_review'),
      ]);
      const failed = results.filter((result) => result.status === 'rejected');
      expect(failed).toHaveLength(1);
      expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
      expect(await decisions(submission.id)).toHaveLength(1);
      expect((await given().state(submission.id)).lockVersion).toBe(lockVersion + 1);
    });
  });
});
