import type { EntityManager } from 'typeorm';
import { User } from '../src/accounts/user.entity';
import type { Locale } from '../src/common/i18n/locale';
import type { DecisionKind } from '../src/editorial/stages/stage-transitions';
import { Decision } from '../src/decisions/decision.entity';
import { DEMO_JOURNAL_SLUG, seedDemo } from '../src/demo';
import { Journal } from '../src/journals/journal.entity';
import { Section } from '../src/journals/section.entity';
import {
  type AssignmentState,
  ReviewAssignment,
} from '../src/reviews/entities/review-assignment.entity';
import { ReviewRound } from '../src/reviews/entities/review-round.entity';
import { Contributor } from '../src/submissions/entities/contributor.entity';
import { SubmissionEvent } from '../src/submissions/entities/submission-event.entity';
import { Submission, type SubmissionStage } from '../src/submissions/entities/submission.entity';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { signIn } from './support/sign-in';

/**
 * Editorial statistics over 2024, from submissions, decisions, reviews and publication events
 * written straight into the database (the demo's own submissions are all recent, outside 2024),
 * so that every expected figure below is worked out by hand.
 *
 * Received in 2024 (the cohort), with what happened to them:
 *   S1 ar MA  2024-01-10          desk reject 4.25 days later
 *   S2 ar MA  2024-02-01          to review +10 d, accepted +60 d, published +150 d
 *   S3 fr SA  2024-03-01          to review +20 d, declined, decline reverted: no final decision
 *             (corresponding contributor from SA; the first in the byline, from MA, is not)
 *   S4 en --  2024-04-01 12:00    to review +2 d, declined
 *   S5 en sa  2024-12-31 12:00    desk reject +1 d, reverted, to review, accepted +70 d,
 *             published +160 d (all of it in 2025: the cohort is followed up to today)
 * Not counted: a draft, one submitted 2023-12-31 23:59:59, one 2025-01-01 00:00, and one in
 * another journal.
 */
describe('editorial statistics', () => {
  let stack: Stack;
  const auth: Record<string, string> = {};
  const year2024 = '?from=2024-01-01&to=2024-12-31';
  let journal: Journal;
  let people: Map<string, User>;

  const statistics = (who: string, query = year2024, slug = DEMO_JOURNAL_SLUG) =>
    stack.http().get(`/api/journals/${slug}/statistics${query}`).set('Authorization', auth[who]);

  /** Writes one submission with its contributors; numbers are unique per journal. */
  let numbered = 0;
  async function submission(
    manager: EntityManager,
    plan: {
      journal?: Journal;
      locale: Locale;
      submittedAt: string | null;
      stage?: SubmissionStage;
      /** Contributors in byline order: [country, corresponding]. */
      contributors?: [string | null, boolean][];
    },
  ): Promise<Submission> {
    const owner = plan.journal ?? journal;
    const section = await manager.findOneByOrFail(Section, { journalId: owner.id });
    const author = people.get('author1')!;
    const saved = await manager.save(
      manager.create(Submission, {
        journalId: owner.id,
        sectionId: section.id,
        submitterId: author.id,
        locale: plan.locale,
        stage: plan.stage ?? 'submitted',
        number: plan.submittedAt ? `STAT-${String(++numbered).padStart(4, '0')}` : null,
        submittedAt: plan.submittedAt ? new Date(plan.submittedAt) : null,
        createdAt: new Date(plan.submittedAt ?? '2024-05-05T00:00:00Z'),
      }),
    );
    let seq = 0;
    for (const [country, corresponding] of plan.contributors ?? [['MA', true]]) {
      await manager.insert(Contributor, {
        submissionId: saved.id,
        seq: seq++,
        names: { Latn: { given: 'Test', family: `Author ${seq}` } },
        email: `contributor${seq}@example.org`,
        affiliation: null,
        country,
        corresponding,
      });
    }
    return saved;
  }

  async function decisions(
    manager: EntityManager,
    target: Submission,
    steps: [DecisionKind, string][],
  ): Promise<void> {
    for (const [kind, at] of steps) {
      await manager.save(
        manager.create(Decision, {
          submissionId: target.id,
          roundId: null,
          kind,
          decidedById: people.get('editor')!.id,
          // The stages do not matter to the statistics; only the kinds and the dates do.
          stageBefore: 'submitted',
          stageAfter: kind.includes('decline') && kind !== 'revert_decline' ? 'declined' : 'review',
          reason: null,
          revisionsDueAt: null,
          letterSubject: null,
          letterBody: null,
          createdAt: new Date(at),
        }),
      );
    }
  }

  const published = (manager: EntityManager, target: Submission, at: string) =>
    manager.insert(SubmissionEvent, {
      submissionId: target.id,
      actorId: null,
      kind: 'published',
      authorVisible: true,
      occurredAt: new Date(at),
    });

  async function invitations(
    manager: EntityManager,
    target: Submission,
    plans: {
      reviewer: string;
      state: AssignmentState;
      invited: string;
      responded?: string;
      completed?: string;
    }[],
  ): Promise<void> {
    const round = await manager.save(
      manager.create(ReviewRound, {
        submissionId: target.id,
        number: 1,
        fileVersion: 1,
        status: 'in_review',
      }),
    );
    for (const plan of plans) {
      await manager.save(
        manager.create(ReviewAssignment, {
          journalId: target.journalId,
          submissionId: target.id,
          roundId: round.id,
          reviewerId: people.get(plan.reviewer)!.id,
          invitedById: people.get('editor')!.id,
          method: 'double_anonymous',
          state: plan.state,
          responseDueAt: new Date('2025-12-01T00:00:00Z'),
          reviewDueAt: new Date('2025-12-31T00:00:00Z'),
          invitedAt: new Date(plan.invited),
          respondedAt: plan.responded ? new Date(plan.responded) : null,
          completedAt: plan.completed ? new Date(plan.completed) : null,
          cancelledAt: plan.state === 'cancelled' ? new Date(plan.invited) : null,
        }),
      );
    }
  }

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api);
    for (const key of ['editor', 'manager', 'admin', 'author1', 'reviewer1', 'section.field'])
      auth[key] = await signIn(stack, key);

    await stack.dataSource.transaction(async (manager) => {
      journal = await manager.findOneByOrFail(Journal, { slug: DEMO_JOURNAL_SLUG });
      people = new Map(
        (await manager.find(User)).map((user) => [user.email.split('@')[0], user] as const),
      );
      const other = await manager.save(
        manager.create(Journal, {
          slug: 'other-journal',
          titles: { en: 'Another journal' },
          primaryLocale: 'en',
          publisherName: 'Someone else',
        }),
      );
      await manager.insert(Section, { journalId: other.id, titles: { en: 'Articles' } });

      // The cohort.
      const s1 = await submission(manager, {
        locale: 'ar',
        submittedAt: '2024-01-10T00:00:00Z',
        stage: 'declined',
      });
      await decisions(manager, s1, [['decline_without_review', '2024-01-14T06:00:00Z']]);

      const s2 = await submission(manager, {
        locale: 'ar',
        submittedAt: '2024-02-01T00:00:00Z',
        stage: 'published',
      });
      await decisions(manager, s2, [
        ['send_to_review', '2024-02-11T00:00:00Z'],
        ['accept', '2024-04-01T00:00:00Z'],
        ['send_to_production', '2024-04-20T00:00:00Z'],
      ]);
      await published(manager, s2, '2024-06-30T00:00:00Z');

      const s3 = await submission(manager, {
        locale: 'fr',
        submittedAt: '2024-03-01T00:00:00Z',
        stage: 'review',
        contributors: [
          ['MA', false],
          ['SA', true],
        ],
      });
      await decisions(manager, s3, [
        ['send_to_review', '2024-03-21T00:00:00Z'],
        ['decline', '2024-05-01T00:00:00Z'],
        ['revert_decline', '2024-05-03T00:00:00Z'],
      ]);

      const s4 = await submission(manager, {
        locale: 'en',
        submittedAt: '2024-04-01T12:00:00Z',
        stage: 'declined',
        contributors: [[null, true]],
      });
      await decisions(manager, s4, [
        ['send_to_review', '2024-04-03T12:00:00Z'],
        ['decline', '2024-06-01T12:00:00Z'],
      ]);

      const s5 = await submission(manager, {
        locale: 'en',
        submittedAt: '2024-12-31T12:00:00Z',
        stage: 'published',
        contributors: [['sa', true]],
      });
      await decisions(manager, s5, [
        ['decline_without_review', '2025-01-01T12:00:00Z'],
        ['revert_decline', '2025-01-02T12:00:00Z'],
        ['send_to_review', '2025-01-05T12:00:00Z'],
        ['accept', '2025-03-11T12:00:00Z'],
      ]);
      await published(manager, s5, '2025-06-09T12:00:00Z');

      // Outside the cohort: a draft, the edges of the period, another journal.
      await submission(manager, { locale: 'fr', submittedAt: null, stage: 'draft' });
      const before = await submission(manager, {
        locale: 'ar',
        submittedAt: '2023-12-31T23:59:59Z',
        stage: 'declined',
      });
      await decisions(manager, before, [['decline_without_review', '2024-01-02T00:00:00Z']]);
      const after = await submission(manager, {
        locale: 'fr',
        submittedAt: '2025-01-01T00:00:00Z',
      });
      await decisions(manager, after, [['accept', '2025-01-02T00:00:00Z']]);
      await published(manager, after, '2025-02-01T00:00:00Z');
      const elsewhere = await submission(manager, {
        journal: other,
        locale: 'ar',
        submittedAt: '2024-06-01T00:00:00Z',
      });
      await decisions(manager, elsewhere, [['decline_without_review', '2024-06-02T00:00:00Z']]);

      // Reviewer invitations: six sent in 2024 by this journal.
      await invitations(manager, s2, [
        // Answers in 2 days, reviews 30 days after accepting (February 2024 has 29 days).
        {
          reviewer: 'reviewer1',
          state: 'completed',
          invited: '2024-02-11T00:00:00Z',
          responded: '2024-02-13T00:00:00Z',
          completed: '2024-03-14T00:00:00Z',
        },
        // Declines in 4 days.
        {
          reviewer: 'reviewer2',
          state: 'declined',
          invited: '2024-02-11T00:00:00Z',
          responded: '2024-02-15T00:00:00Z',
        },
      ]);
      await invitations(manager, s3, [
        // Answers in 1 day, reviews 20 days later.
        {
          reviewer: 'reviewer1',
          state: 'completed',
          invited: '2024-03-21T00:00:00Z',
          responded: '2024-03-22T00:00:00Z',
          completed: '2024-04-11T00:00:00Z',
        },
        // Never answers; the editor cancels.
        { reviewer: 'reviewer2', state: 'cancelled', invited: '2024-03-21T00:00:00Z' },
      ]);
      await invitations(manager, s4, [
        // Accepts in 6 days, then is cancelled: an acceptance all the same.
        {
          reviewer: 'reviewer3',
          state: 'cancelled',
          invited: '2024-04-03T12:00:00Z',
          responded: '2024-04-09T12:00:00Z',
        },
        // Accepts in 6.5 days, still reviewing.
        {
          reviewer: 'reviewer4',
          state: 'accepted',
          invited: '2024-04-03T12:00:00Z',
          responded: '2024-04-10T00:00:00Z',
        },
      ]);
      // Not counted: invited in 2025, or by the other journal.
      await invitations(manager, after, [
        {
          reviewer: 'reviewer1',
          state: 'declined',
          invited: '2025-01-01T06:00:00Z',
          responded: '2025-01-01T07:00:00Z',
        },
      ]);
      await invitations(manager, elsewhere, [
        { reviewer: 'reviewer1', state: 'invited', invited: '2024-06-01T00:00:00Z' },
      ]);
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('computes the submission figures of 2024, exactly', async () => {
    const response = await statistics('editor').expect(200);
    expect(response.body.journal).toBe('volunteering');
    expect(response.body.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(response.body.submissions).toEqual({
      // S1–S5: not the draft, not 2023-12-31 23:59:59, not 2025-01-01 00:00, not the other journal's.
      received: 5,
      // S1 only: S5's desk reject was reverted.
      deskRejected: 1,
      deskRejectRate: 0.2,
      // S1 desk reject, S2 accept, S4 decline, S5 accept; S3's decline was reverted: undecided.
      withFinalDecision: 4,
      accepted: 2,
      declined: 2,
      acceptanceRate: 0.5,
      published: 2,
      // First decisions after 4.25 (S1), 10 (S2), 20 (S3), 2 (S4) and 1 (S5) days: 4.25 → 4.3.
      medianDaysToFirstDecision: 4.3,
      // Accepted after 60 (S2) and 70 (S5) days.
      medianDaysToAcceptance: 65,
      // Published after 150 (S2) and 160 (S5) days.
      medianDaysToPublication: 155,
    });
  });

  it('computes the reviewer figures of the invitations sent in 2024', async () => {
    const response = await statistics('manager').expect(200);
    expect(response.body.reviews).toEqual({
      invitations: 6,
      // All but the invitation cancelled unanswered.
      responses: 5,
      // Two completed, one cancelled after accepting, one still reviewing.
      accepted: 4,
      declined: 1,
      completed: 2,
      acceptanceRate: 0.8,
      // Answers after 1, 2, 4, 6 and 6.5 days.
      medianDaysToRespond: 4,
      // Reviews 30 and 20 days after accepting.
      medianDaysToComplete: 25,
    });
  });

  it('counts submissions per corresponding author’s country and per language', async () => {
    const response = await statistics('editor').expect(200);
    expect(response.body.byCountry).toEqual([
      { country: 'MA', submissions: 2 },
      { country: 'SA', submissions: 2 },
      { country: null, submissions: 1 },
    ]);
    expect(response.body.byLanguage).toEqual([
      { locale: 'ar', submissions: 2 },
      { locale: 'en', submissions: 2 },
      { locale: 'fr', submissions: 1 },
    ]);
  });

  it('gives nulls, never NaN, for a period without data', async () => {
    const response = await statistics('editor', '?from=2010-01-01&to=2010-12-31').expect(200);
    expect(response.body.submissions).toEqual({
      received: 0,
      deskRejected: 0,
      deskRejectRate: null,
      withFinalDecision: 0,
      accepted: 0,
      declined: 0,
      acceptanceRate: null,
      published: 0,
      medianDaysToFirstDecision: null,
      medianDaysToAcceptance: null,
      medianDaysToPublication: null,
    });
    expect(response.body.reviews).toMatchObject({
      invitations: 0,
      acceptanceRate: null,
      medianDaysToRespond: null,
      medianDaysToComplete: null,
    });
    expect(response.body.byCountry).toEqual([]);
    expect(response.body.byLanguage).toEqual([]);
  });

  it('includes the whole last day, and no more', async () => {
    // S5 was submitted at noon on the last day; `after` at midnight just after it.
    const lastDay = await statistics('editor', '?from=2024-12-31&to=2024-12-31').expect(200);
    expect(lastDay.body.submissions.received).toBe(1);
    const firstDay = await statistics('editor', '?from=2025-01-01&to=2025-01-01').expect(200);
    expect(firstDay.body.submissions.received).toBe(1);
    expect(firstDay.body.reviews.invitations).toBe(1);
  });

  it('defaults to the last 12 months, ending today', async () => {
    const response = await statistics('editor', '').expect(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(response.body.period.to).toBe(today);
    const from = new Date(`${today}T00:00:00Z`);
    from.setUTCFullYear(from.getUTCFullYear() - 1);
    from.setUTCDate(from.getUTCDate() + 1);
    expect(response.body.period.from).toBe(from.toISOString().slice(0, 10));
  });

  it('exports the figures as CSV that Excel opens in UTF-8', async () => {
    const response = await statistics('manager', year2024.replace('?', '/export.csv?'))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="statistics-volunteering-2024-01-01-2024-12-31.csv"',
    );
    const body = response.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('section,metric,key,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'period,from,,2024-01-01',
        'period,to,,2024-12-31',
        'overall,submissions_received,,5',
        'overall,desk_reject_rate,,0.2',
        'overall,acceptance_rate,,0.5',
        'overall,median_days_to_first_decision,,4.3',
        'reviews,invitations,,6',
        'reviews,median_days_to_complete,,25',
        'country,submissions,MA,2',
        'country,submissions,,1',
        'language,submissions,ar,2',
        'language,submissions,fr,1',
      ]),
    );
    // Every record ends with CRLF, the last one too.
    expect(lines.at(-1)).toBe('');
  });

  it('writes empty cells for missing figures in the CSV', async () => {
    const response = await statistics('editor', '/export.csv?from=2010-01-01&to=2010-12-31')
      .buffer(true)
      .expect(200);
    expect(response.text).toContain('\r\noverall,acceptance_rate,,\r\n');
    expect(response.text).toContain('\r\nreviews,median_days_to_respond,,\r\n');
  });

  it('is for the journal’s managers and editors (and site administrators) only', async () => {
    await statistics('admin').expect(200);
    for (const who of ['author1', 'reviewer1', 'section.field']) {
      const response = await statistics(who).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      await statistics(who, year2024.replace('?', '/export.csv?')).expect(403);
    }
    // The editor of one journal sees nothing of another.
    await statistics('editor', year2024, 'other-journal').expect(403);
    await stack.http().get(`/api/journals/volunteering/statistics${year2024}`).expect(401);
    await stack.http().get('/api/journals/volunteering/statistics/export.csv').expect(401);
  });

  it('refuses malformed dates, reversed and overlong periods as validation problems', async () => {
    const malformed = await statistics('editor', '?from=2024-13-01&to=2024-12-31').expect(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.body).toMatchObject({
      type: 'urn:tahkim:problem:validation-error',
      status: 400,
      errors: [{ field: 'from', messages: [expect.stringContaining('YYYY-MM-DD')] }],
    });
    await statistics('editor', '?to=2024-02-30').expect(400);
    await statistics('editor', '?from=20240101').expect(400);
    await statistics('editor', '?from=2024-01-01&foo=bar').expect(400);

    const reversed = await statistics('editor', '?from=2024-12-31&to=2024-01-01').expect(400);
    expect(reversed.body).toMatchObject({
      type: 'urn:tahkim:problem:validation-error',
      status: 400,
      errors: [{ field: 'from', messages: [expect.stringContaining('after')] }],
    });
    const overlong = await statistics('editor', '?from=2010-01-01&to=2024-12-31').expect(400);
    expect(overlong.body).toMatchObject({
      type: 'urn:tahkim:problem:validation-error',
      errors: [{ field: 'to', messages: [expect.stringContaining('10 years')] }],
    });
    await statistics('editor', '/export.csv?from=2024-12-31&to=2024-01-01').expect(400);
  });
});
