import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { JournalRole } from '../src/access/journal-role.entity';
import { JOURNAL_ROLES, type JournalRoleName } from '../src/editorial/roles';
import { PasswordHasher } from '../src/accounts/password-hasher.service';
import { User } from '../src/accounts/user.entity';
import { createApi } from '../src/api.bootstrap';
import { DEMO_PASSWORD, seedDemo } from '../src/demo';
import { DecisionAttachment } from '../src/decisions/decision-attachment.entity';
import { BoardMember } from '../src/journals/board-member.entity';
import { Journal } from '../src/journals/journal.entity';
import { Section } from '../src/journals/section.entity';
import { ReviewAssignment } from '../src/reviews/entities/review-assignment.entity';
import { Review } from '../src/reviews/entities/review.entity';
import { SubmissionFile } from '../src/submissions/entities/submission-file.entity';
import { Submission } from '../src/submissions/entities/submission.entity';
import { createTestEnvironment, type TestEnvironment } from './support/test-environment';
import { signIn } from './support/sign-in';

/**
 * The permission matrix: every guarded route against every kind of caller. Each route states
 * who may use it; everyone else is refused — anonymous callers with 401, signed-in ones
 * (and the operator token, on routes that need a person) with 403 (or 401). Where a call
 * changes something, the test also checks that the change happened exactly when allowed.
 */

const PRINCIPALS = [
  'anonymous',
  'outsider',
  'author1',
  'reviewer1',
  'section.field',
  'section.policy',
  'editor',
  'manager',
  'other-manager',
  'admin',
  'operator',
] as const;
type Who = (typeof PRINCIPALS)[number];
/** Principals that are people with an account (everyone but anonymous and the operator token). */
type Person = Exclude<Who, 'anonymous' | 'operator'>;

const ADMINS: readonly Who[] = ['admin', 'operator'];
const MANAGERS: readonly Who[] = [...ADMINS, 'manager'];
const EDITORS: readonly Who[] = [...MANAGERS, 'editor'];
const PEOPLE = PRINCIPALS.filter((who): who is Person => who !== 'anonymous' && who !== 'operator');
const EVERYONE: readonly Who[] = PRINCIPALS;

const JOURNAL = 'volunteering';
const OTHER_JOURNAL = 'permissions-other';
const NO_JOURNAL = 'no-such-journal';
/** What an editor (without being a manager) may give; see EnrolmentService's GRANTABLE. */
const EDITOR_GRANTABLE: readonly JournalRoleName[] = [
  'section_editor',
  'reviewer',
  'copyeditor',
  'production_editor',
];

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Fixtures {
  server: ReturnType<NestExpressApplication['getHttpServer']>;
  dataSource: DataSource;
  /** User ids of the people above. */
  userIds: Record<Person, string>;
  journalId: string;
  fieldSectionId: string;
  policySectionId: string;
  other: { id: string; sectionId: string; roleId: string };
  /** The demo's submission in review in the policy section, and what hangs off it. */
  review: {
    submissionId: string;
    /** reviewer4's accepted (late) assignment and reviewer3's completed one. */
    acceptedId: string;
    completedId: string;
    reviewer3Id: string;
    /** reviewer1's own accepted assignment, on another submission. */
    ownAssignmentId: string;
    /** author1's submission (submitted, not yet reviewed). */
    authorSubmissionId: string;
    formId: string;
  };
  /** A number unique within this file, for slugs, emails and values. */
  next(): number;
}

/** One concrete request, built (with whatever it needs to act on) for one case. */
interface Call {
  path: string;
  body?: object;
  /** Did the request take effect? Checked to be true exactly when the answer is 2xx. */
  changed?: () => Promise<boolean>;
  /** Undoes what an allowed call did, so that principals keep their roles for later cases. */
  restore?: () => Promise<void>;
}

interface Route {
  name: string;
  method: Method;
  /** Status of a successful call. */
  ok: 200 | 201 | 204;
  allowed: readonly Who[];
  /** The route needs a person: the operator token gets 401 like an anonymous caller. */
  personOnly?: boolean;
  /**
   * What a signed-in principal outside `allowed` gets, when it is not 403: 400 for an invalid
   * body, 404 where a route acts only on the caller's own objects (or those they handle), so
   * that others cannot even learn they exist.
   */
  refusal?: 400 | 404;
  /** Signed-in principals that pass the role check but not the object's: they get 404. */
  notFound?: readonly Who[];
  /** The route names a journal (`:slug`): an unknown one gives 404. */
  journalScoped?: boolean;
  build(fx: Fixtures, slug: string, who: Who): Call | Promise<Call>;
}

// Throwaway objects for the calls that consume what they act on.

async function throwawaySection(fx: Fixtures, journalId = fx.journalId): Promise<string> {
  const section = await fx.dataSource.getRepository(Section).save({
    journalId,
    titles: { en: `Throwaway section ${fx.next()}` },
  });
  return section.id;
}

async function throwawayUser(fx: Fixtures, label: string, passwordHash?: string): Promise<User> {
  const n = fx.next();
  return fx.dataSource.getRepository(User).save({
    email: `${label}-${n}@permissions.test`,
    status: 'active',
    emailVerifiedAt: new Date(),
    passwordHash: passwordHash ?? null,
    names: { Latn: { given: label, family: String(n) } },
    preferredLocale: 'en',
  });
}

async function throwawayRole(
  fx: Fixtures,
  journalId = fx.journalId,
  role: JournalRoleName = 'reader',
): Promise<string> {
  const user = await throwawayUser(fx, 'role-holder');
  const saved = await fx.dataSource.getRepository(JournalRole).save({
    journalId,
    userId: user.id,
    role,
    grantedBy: null,
  });
  return saved.id;
}

const exists = (fx: Fixtures, entity: typeof Section | typeof JournalRole, id: string) =>
  fx.dataSource.getRepository(entity).existsBy({ id });

/** The demo's review objects the review and decision routes act on. */
async function reviewFixtures(
  dataSource: DataSource,
  userIds: Record<Person, string>,
): Promise<Fixtures['review']> {
  const [policy]: { id: string }[] = await dataSource.query(
    `SELECT s.id FROM submissions s JOIN submission_metadata m ON m.submission_id = s.id
      WHERE m.title = 'Volunteer management standards in Gulf non-profits'`,
  );
  const assignments = await dataSource
    .getRepository(ReviewAssignment)
    .findBy({ submissionId: policy.id });
  const own = await dataSource
    .getRepository(ReviewAssignment)
    .findOneByOrFail({ reviewerId: userIds.reviewer1, state: 'accepted' });
  const mine = await dataSource
    .getRepository(Submission)
    .findOneByOrFail({ submitterId: userIds.author1 });
  return {
    submissionId: policy.id,
    acceptedId: assignments.find((a) => a.state === 'accepted')!.id,
    completedId: assignments.find((a) => a.state === 'completed')!.id,
    reviewer3Id: assignments.find((a) => a.state === 'completed')!.reviewerId,
    ownAssignmentId: own.id,
    authorSubmissionId: mine.id,
    formId: assignments[0].reviewFormId!,
  };
}

/** A reviewer of the journal nobody has invited yet. */
async function throwawayReviewer(fx: Fixtures): Promise<string> {
  const user = await throwawayUser(fx, 'reviewer');
  await fx.dataSource
    .getRepository(JournalRole)
    .save({ journalId: fx.journalId, userId: user.id, role: 'reviewer' });
  return user.id;
}

/** An assignment of a fresh reviewer in the policy submission's round, in the given state. */
async function throwawayAssignment(fx: Fixtures, state: 'invited' | 'cancelled'): Promise<string> {
  const reviewerId = await throwawayReviewer(fx);
  const [round]: { id: string }[] = await fx.dataSource.query(
    'SELECT id FROM review_rounds WHERE submission_id = $1 ORDER BY number DESC LIMIT 1',
    [fx.review.submissionId],
  );
  const saved = await fx.dataSource.getRepository(ReviewAssignment).save({
    journalId: fx.journalId,
    submissionId: fx.review.submissionId,
    roundId: round.id,
    reviewerId,
    invitedById: fx.userIds.editor,
    method: 'double_anonymous',
    state,
    responseDueAt: new Date(Date.now() + 7 * 86_400_000),
    reviewDueAt: new Date(Date.now() + 30 * 86_400_000),
    cancelledAt: state === 'cancelled' ? new Date() : null,
  });
  return saved.id;
}

/** A submitted manuscript in the policy section, for a decision to act on. */
async function throwawaySubmission(fx: Fixtures): Promise<Submission> {
  const n = fx.next();
  const submission = await fx.dataSource.getRepository(Submission).save({
    journalId: fx.journalId,
    sectionId: fx.policySectionId,
    submitterId: fx.userIds.author1,
    locale: 'en',
    stage: 'submitted',
    number: `PERM-${n}`,
    submittedAt: new Date(),
  });
  await fx.dataSource.query(
    `INSERT INTO submission_metadata (submission_id, locale, title) VALUES ($1, 'en', $2)`,
    [submission.id, `Throwaway manuscript ${n}`],
  );
  return submission;
}

const enrolRoute = (role: JournalRoleName): Route => ({
  name: `POST /journals/:slug/roles (${role})`,
  method: 'post',
  ok: 201,
  allowed: [...MANAGERS, ...(EDITOR_GRANTABLE.includes(role) ? (['editor'] as const) : [])],
  journalScoped: true,
  build: (fx, slug) => {
    const email = `invitee-${fx.next()}@permissions.test`;
    return {
      path: `/api/journals/${slug}/roles`,
      body: { email, role, names: { Latn: { given: 'Invited', family: 'Person' } } },
      changed: async () =>
        (
          await fx.dataSource.query(
            `SELECT 1 FROM journal_roles r JOIN users u ON u.id = r.user_id
            WHERE u.email = $1 AND r.role = $2 AND r.journal_id = $3`,
            [email, role, fx.journalId],
          )
        ).length === 1,
    };
  },
});

const selfEnrolRoute = (role: JournalRoleName): Route => {
  const permitted = role === 'author' || role === 'reader';
  return {
    name: `POST /journals/:slug/roles/self (${role})`,
    method: 'post',
    ok: 201,
    allowed: permitted ? PEOPLE : [],
    personOnly: true,
    refusal: permitted ? undefined : 400,
    journalScoped: true,
    build: async (fx, slug, who) => {
      const call: Call = { path: `/api/journals/${slug}/roles/self`, body: { role } };
      const userId = who in fx.userIds ? fx.userIds[who as Person] : undefined;
      if (!userId) return call;
      const roles = fx.dataSource.getRepository(JournalRole);
      const held = { journalId: fx.journalId, userId, role };
      const heldBefore = await roles.existsBy(held);
      // A role already held (author1 is an author) is answered as given, with nothing to check.
      if (heldBefore) return call;
      return {
        ...call,
        changed: () => roles.existsBy(held),
        restore: async () => {
          await roles.delete(held);
        },
      };
    },
  };
};

const publicRoute = (
  name: string,
  path: (slug: string) => string,
  journalScoped = true,
): Route => ({
  name: `GET ${name}`,
  method: 'get',
  ok: 200,
  allowed: EVERYONE,
  journalScoped,
  build: (_fx, slug) => ({ path: path(slug) }),
});

const ROUTES: Route[] = [
  // Site administrators only.
  {
    name: 'POST /journals',
    method: 'post',
    ok: 201,
    allowed: ADMINS,
    build: (fx) => {
      const slug = `permissions-${fx.next()}`;
      return {
        path: '/api/journals',
        body: { slug, titles: { en: `Journal ${slug}` }, primaryLocale: 'en', publisherName: 'P' },
        changed: () => fx.dataSource.getRepository(Journal).existsBy({ slug }),
      };
    },
  },
  {
    name: 'GET /admin/queues',
    method: 'get',
    ok: 200,
    allowed: ADMINS,
    build: () => ({ path: '/api/admin/queues' }),
  },
  {
    name: 'GET /admin/queues/notifications/jobs',
    method: 'get',
    ok: 200,
    allowed: ADMINS,
    build: () => ({ path: '/api/admin/queues/notifications/jobs' }),
  },
  {
    name: 'GET /admin/audit-events',
    method: 'get',
    ok: 200,
    allowed: ADMINS,
    build: () => ({ path: '/api/admin/audit-events' }),
  },

  // Managers of the journal.
  {
    name: 'PATCH /journals/:slug',
    method: 'patch',
    ok: 200,
    allowed: MANAGERS,
    journalScoped: true,
    build: (fx, slug) => {
      const reviewDueDays = 1 + (fx.next() % 180);
      return {
        path: `/api/journals/${slug}`,
        body: { reviewDueDays },
        changed: async () =>
          (await fx.dataSource.getRepository(Journal).findOneByOrFail({ id: fx.journalId }))
            .reviewDueDays === reviewDueDays,
      };
    },
  },
  {
    name: 'PUT /journals/:slug/board',
    method: 'put',
    ok: 200,
    allowed: MANAGERS,
    journalScoped: true,
    build: (fx, slug) => {
      const name = `Board member ${fx.next()}`;
      return {
        path: `/api/journals/${slug}/board`,
        body: { members: [{ names: { en: name }, roleTitles: { en: 'Editor-in-Chief' } }] },
        changed: async () =>
          (await fx.dataSource.getRepository(BoardMember).findBy({ journalId: fx.journalId })).some(
            (member) => member.names.en === name,
          ),
      };
    },
  },
  {
    name: 'GET /journals/:slug/audit-events',
    method: 'get',
    ok: 200,
    allowed: MANAGERS,
    journalScoped: true,
    build: (_fx, slug) => ({ path: `/api/journals/${slug}/audit-events` }),
  },
  {
    name: 'DELETE /journals/:slug/roles/:roleId',
    method: 'delete',
    ok: 204,
    allowed: MANAGERS,
    journalScoped: true,
    build: async (fx, slug) => {
      const roleId = await throwawayRole(fx);
      return {
        path: `/api/journals/${slug}/roles/${roleId}`,
        changed: async () => !(await exists(fx, JournalRole, roleId)),
      };
    },
  },
  {
    name: 'DELETE /journals/:slug/sections/:sectionId',
    method: 'delete',
    ok: 204,
    allowed: MANAGERS,
    journalScoped: true,
    build: async (fx, slug) => {
      const sectionId = await throwawaySection(fx);
      return {
        path: `/api/journals/${slug}/sections/${sectionId}`,
        changed: async () => !(await exists(fx, Section, sectionId)),
      };
    },
  },

  // Managers and editors.
  {
    name: 'POST /journals/:slug/sections',
    method: 'post',
    ok: 201,
    allowed: EDITORS,
    journalScoped: true,
    build: (fx, slug) => {
      const title = `New section ${fx.next()}`;
      return {
        path: `/api/journals/${slug}/sections`,
        body: { titles: { en: title } },
        changed: async () =>
          (
            await fx.dataSource.query(
              `SELECT 1 FROM sections WHERE journal_id = $1 AND titles->>'en' = $2`,
              [fx.journalId, title],
            )
          ).length === 1,
      };
    },
  },
  {
    name: 'PUT /journals/:slug/sections/:sectionId/editors',
    method: 'put',
    ok: 200,
    allowed: EDITORS,
    journalScoped: true,
    build: async (fx, slug) => {
      const sectionId = await throwawaySection(fx);
      return {
        path: `/api/journals/${slug}/sections/${sectionId}/editors`,
        body: { userIds: [fx.userIds['section.field']] },
        changed: async () =>
          (
            await fx.dataSource.query(`SELECT 1 FROM section_editors WHERE section_id = $1`, [
              sectionId,
            ])
          ).length === 1,
      };
    },
  },
  {
    name: 'GET /journals/:slug/roles',
    method: 'get',
    ok: 200,
    allowed: EDITORS,
    journalScoped: true,
    build: (_fx, slug) => ({ path: `/api/journals/${slug}/roles` }),
  },
  ...JOURNAL_ROLES.map(enrolRoute),

  // The editors' list of submissions: editors and section editors (the list itself is scoped).
  {
    name: 'GET /journals/:slug/submissions',
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.field', 'section.policy'],
    journalScoped: true,
    build: (_fx, slug) => ({ path: `/api/journals/${slug}/submissions` }),
  },
  {
    name: 'GET /journals/:slug/submissions/counts',
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.field', 'section.policy'],
    journalScoped: true,
    build: (_fx, slug) => ({ path: `/api/journals/${slug}/submissions/counts` }),
  },

  // Managers, editors, and the section editors of that section.
  ...(['field', 'policy'] as const).map((section): Route => ({
    name: `PATCH /journals/:slug/sections/:sectionId (${section} section)`,
    method: 'patch',
    ok: 200,
    allowed: [...EDITORS, `section.${section}`],
    journalScoped: true,
    build: (fx, slug) => {
      const sectionId = section === 'field' ? fx.fieldSectionId : fx.policySectionId;
      const wordLimit = 1000 + fx.next();
      return {
        path: `/api/journals/${slug}/sections/${sectionId}`,
        body: { wordLimit },
        changed: async () =>
          (await fx.dataSource.getRepository(Section).findOneByOrFail({ id: sectionId }))
            .wordLimit === wordLimit,
      };
    },
  })),

  // Peer review, editors' side: editors, and the section editors of the submission's section
  // (the policy section); another section's editor passes the role check but gets 404.
  ...(
    [
      ['review-rounds', () => 'review-rounds'],
      ['reviewer-suggestions', () => 'reviewer-suggestions'],
      [
        'review-invitation-draft',
        (fx: Fixtures) => `review-invitation-draft?reviewerId=${fx.userIds.reviewer1}`,
      ],
      [
        'review-assignments/:assignmentId',
        (fx: Fixtures) => `review-assignments/${fx.review.completedId}`,
      ],
      ['decision-draft', () => 'decision-draft?decision=accept'],
      ['decision-attachments', () => 'decision-attachments'],
      ['recommendations', () => 'recommendations'],
      ['history', () => 'history'],
    ] as const
  ).map(([name, path]): Route => ({
    name: `GET /journals/:slug/submissions/:id/${name}`,
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: (fx, slug) => ({
      path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/${path(fx)}`,
    }),
  })),
  {
    name: 'POST /journals/:slug/submissions/:id/review-assignments',
    method: 'post',
    ok: 201,
    allowed: [...EDITORS.filter((who) => who !== 'operator'), 'section.policy'],
    notFound: ['section.field'],
    personOnly: true,
    journalScoped: true,
    build: async (fx, slug) => {
      const reviewerId = await throwawayReviewer(fx);
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/review-assignments`,
        body: { reviewerId },
        changed: () =>
          fx.dataSource
            .getRepository(ReviewAssignment)
            .existsBy({ reviewerId, submissionId: fx.review.submissionId }),
      };
    },
  },
  {
    name: 'PATCH /journals/:slug/submissions/:id/review-assignments/:assignmentId/due-dates',
    method: 'patch',
    ok: 200,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: (fx, slug) => {
      const reviewDueAt = new Date(Date.now() + (20 + fx.next()) * 86_400_000);
      reviewDueAt.setUTCMilliseconds(0);
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/review-assignments/${fx.review.acceptedId}/due-dates`,
        body: { reviewDueAt: reviewDueAt.toISOString() },
        changed: async () =>
          (
            await fx.dataSource
              .getRepository(ReviewAssignment)
              .findOneByOrFail({ id: fx.review.acceptedId })
          ).reviewDueAt.getTime() === reviewDueAt.getTime(),
      };
    },
  },
  {
    name: 'PUT /journals/:slug/submissions/:id/review-assignments/:assignmentId/rating',
    method: 'put',
    ok: 200,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: (fx, slug) => {
      const rating = (fx.next() % 5) + 1;
      const assignments = fx.dataSource.getRepository(ReviewAssignment);
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/review-assignments/${fx.review.completedId}/rating`,
        body: { rating },
        changed: async () =>
          (await assignments.findOneByOrFail({ id: fx.review.completedId })).qualityRating ===
          rating,
        restore: async () => {
          await assignments.update({ id: fx.review.completedId }, { qualityRating: null });
        },
      };
    },
  },
  ...(
    [
      ['cancel', 'invited', (state: string) => state === 'cancelled'],
      ['reinstate', 'cancelled', (state: string) => state === 'invited' || state === 'accepted'],
    ] as const
  ).map(([action, from, done]): Route => ({
    name: `POST /journals/:slug/submissions/:id/review-assignments/:assignmentId/${action}`,
    method: 'post',
    ok: 200,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: async (fx, slug) => {
      const assignmentId = await throwawayAssignment(fx, from);
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/review-assignments/${assignmentId}/${action}`,
        body: { notify: false },
        changed: async () =>
          done(
            (
              await fx.dataSource
                .getRepository(ReviewAssignment)
                .findOneByOrFail({ id: assignmentId })
            ).state,
          ),
      };
    },
  })),
  {
    name: 'POST /journals/:slug/submissions/:id/review-assignments/:assignmentId/unlock',
    method: 'post',
    ok: 200,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: (fx, slug) => {
      const reviews = fx.dataSource.getRepository(Review);
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/review-assignments/${fx.review.completedId}/unlock`,
        changed: async () =>
          !(await reviews.findOneByOrFail({ assignmentId: fx.review.completedId })).locked,
        restore: async () => {
          await reviews.update({ assignmentId: fx.review.completedId }, { locked: true });
          await fx.dataSource
            .getRepository(ReviewAssignment)
            .update({ id: fx.review.completedId }, { state: 'completed' });
        },
      };
    },
  },
  {
    name: 'POST /journals/:slug/submissions/:id/review-assignments/:assignmentId/thanks',
    method: 'post',
    ok: 200,
    allowed: [...EDITORS.filter((who) => who !== 'operator'), 'section.policy'],
    notFound: ['section.field'],
    personOnly: true,
    journalScoped: true,
    build: (fx, slug) => {
      const assignments = fx.dataSource.getRepository(ReviewAssignment);
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/review-assignments/${fx.review.completedId}/thanks`,
        body: {},
        changed: async () =>
          (await assignments.findOneByOrFail({ id: fx.review.completedId })).thankedAt !== null,
        restore: async () => {
          await assignments.update({ id: fx.review.completedId }, { thankedAt: null });
        },
      };
    },
  },
  {
    name: 'POST /journals/:slug/submissions/:id/decisions (desk reject)',
    method: 'post',
    ok: 201,
    allowed: [...EDITORS.filter((who) => who !== 'operator'), 'section.policy'],
    notFound: ['section.field'],
    personOnly: true,
    journalScoped: true,
    build: async (fx, slug) => {
      const submission = await throwawaySubmission(fx);
      return {
        path: `/api/journals/${slug}/submissions/${submission.id}/decisions`,
        body: {
          decision: 'decline_without_review',
          lockVersion: submission.lockVersion,
          notifyAuthor: false,
        },
        changed: async () =>
          (await fx.dataSource.getRepository(Submission).findOneByOrFail({ id: submission.id }))
            .stage === 'declined',
      };
    },
  },
  {
    name: 'GET /journals/:slug/reviewers/:reviewerId/history',
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.field', 'section.policy'],
    journalScoped: true,
    build: (fx, slug) => ({
      path: `/api/journals/${slug}/reviewers/${fx.review.reviewer3Id}/history`,
    }),
  },
  {
    name: 'GET /journals/:slug/review-forms',
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.field', 'section.policy'],
    journalScoped: true,
    build: (_fx, slug) => ({ path: `/api/journals/${slug}/review-forms` }),
  },
  {
    name: 'GET /journals/:slug/review-forms/:formId',
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.field', 'section.policy'],
    journalScoped: true,
    build: (fx, slug) => ({ path: `/api/journals/${slug}/review-forms/${fx.review.formId}` }),
  },
  {
    name: 'POST /journals/:slug/review-forms',
    method: 'post',
    ok: 201,
    allowed: MANAGERS,
    journalScoped: true,
    build: (fx, slug) => {
      const title = `Permission form ${fx.next()}`;
      return {
        path: `/api/journals/${slug}/review-forms`,
        body: { titles: { en: title }, questions: [] },
        changed: async () =>
          (
            await fx.dataSource.query(`SELECT 1 FROM review_forms WHERE titles->>'en' = $1`, [
              title,
            ])
          ).length === 1,
      };
    },
  },
  {
    name: 'PATCH /journals/:slug/review-forms/:formId',
    method: 'patch',
    ok: 200,
    allowed: MANAGERS,
    journalScoped: true,
    build: (fx, slug) => {
      const title = `Research article review form ${fx.next()}`;
      return {
        path: `/api/journals/${slug}/review-forms/${fx.review.formId}`,
        body: { titles: { en: title } },
        changed: async () =>
          (
            await fx.dataSource.query(`SELECT 1 FROM review_forms WHERE titles->>'en' = $1`, [
              title,
            ])
          ).length === 1,
      };
    },
  },

  // Editorial statistics: the journal's managers and editors, not section editors.
  {
    name: 'GET /journals/:slug/statistics',
    method: 'get',
    ok: 200,
    allowed: EDITORS,
    journalScoped: true,
    build: (_fx, slug) => ({ path: `/api/journals/${slug}/statistics` }),
  },
  {
    name: 'GET /journals/:slug/statistics/export.csv',
    method: 'get',
    ok: 200,
    allowed: EDITORS,
    journalScoped: true,
    build: (_fx, slug) => ({
      path: `/api/journals/${slug}/statistics/export.csv?from=2026-01-01&to=2026-12-31`,
    }),
  },

  // Issues: managers and editors make them; section editors read them.
  {
    name: 'GET /journals/:slug/issues',
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.field', 'section.policy'],
    journalScoped: true,
    build: (_fx, slug) => ({ path: `/api/journals/${slug}/issues` }),
  },
  {
    name: 'POST /journals/:slug/issues',
    method: 'post',
    ok: 201,
    allowed: EDITORS,
    journalScoped: true,
    build: (fx, slug) => {
      const volume = 100 + fx.next();
      return {
        path: `/api/journals/${slug}/issues`,
        body: { volume, number: 1, year: 2026 },
        changed: async () =>
          (
            await fx.dataSource.query(
              'SELECT 1 FROM issues WHERE journal_id = $1 AND volume = $2',
              [fx.journalId, volume],
            )
          ).length === 1,
      };
    },
  },
  {
    name: 'GET /journals/:slug/submissions/:id/publication',
    method: 'get',
    ok: 200,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: (fx, slug) => ({
      path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/publication`,
    }),
  },
  publicRoute('/public/journals/:slug', (slug) => `/api/public/journals/${slug}`),
  publicRoute('/public/journals/:slug/issues', (slug) => `/api/public/journals/${slug}/issues`),

  // The reviewer's own work: only their own assignment; anyone else's answers 404.
  {
    name: 'GET /reviews',
    method: 'get',
    ok: 200,
    allowed: PEOPLE,
    personOnly: true,
    build: () => ({ path: '/api/reviews' }),
  },
  {
    name: 'GET /reviews/:assignmentId',
    method: 'get',
    ok: 200,
    allowed: ['reviewer1'],
    personOnly: true,
    refusal: 404,
    build: (fx) => ({ path: `/api/reviews/${fx.review.ownAssignmentId}` }),
  },
  {
    name: 'PUT /reviews/:assignmentId/review',
    method: 'put',
    ok: 200,
    allowed: ['reviewer1'],
    personOnly: true,
    refusal: 404,
    build: (fx) => {
      const commentsForAuthor = `Draft comments ${fx.next()}`;
      return {
        path: `/api/reviews/${fx.review.ownAssignmentId}/review`,
        body: { commentsForAuthor },
        changed: async () =>
          (
            await fx.dataSource
              .getRepository(Review)
              .findOneByOrFail({ assignmentId: fx.review.ownAssignmentId })
          ).commentsForAuthor === commentsForAuthor,
      };
    },
  },

  {
    name: 'POST /journals/:slug/submissions/:id/recommendations',
    method: 'post',
    ok: 201,
    allowed: [...EDITORS.filter((who) => who !== 'operator'), 'section.policy'],
    notFound: ['section.field'],
    personOnly: true,
    journalScoped: true,
    build: (fx, slug) => {
      const comment = `Recommendation ${fx.next()}`;
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/recommendations`,
        body: { decision: 'accept', comment },
        changed: async () =>
          (
            await fx.dataSource.query(`SELECT 1 FROM decision_recommendations WHERE comment = $1`, [
              comment,
            ])
          ).length === 1,
      };
    },
  },

  {
    name: 'DELETE /journals/:slug/submissions/:id/decision-attachments/:attachmentId',
    method: 'delete',
    ok: 204,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: async (fx, slug) => {
      const attachments = fx.dataSource.getRepository(DecisionAttachment);
      const { id } = await attachments.save({
        submissionId: fx.review.submissionId,
        uploadedById: fx.userIds.editor,
        storageKey: '0'.repeat(64),
        sha256: '0'.repeat(64),
        size: 1,
        mediaType: 'image/png',
        originalName: `unsent-${fx.next()}.png`,
      });
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/decision-attachments/${id}`,
        changed: async () => !(await attachments.existsBy({ id })),
      };
    },
  },

  {
    name: 'POST /journals/:slug/submissions/:id/files/:fileId/release',
    method: 'post',
    ok: 200,
    allowed: [...EDITORS, 'section.policy'],
    notFound: ['section.field'],
    journalScoped: true,
    build: async (fx, slug) => {
      // A file the pipeline could not clean, held back from reviewers.
      const files = fx.dataSource.getRepository(SubmissionFile);
      const { id } = await files.save({
        submissionId: fx.review.submissionId,
        genre: 'dataset',
        version: 1,
        storageKey: '0'.repeat(64),
        sha256: '0'.repeat(64),
        size: 1,
        mediaType: 'application/zip',
        originalName: `held-${fx.next()}.zip`,
        uploadedBy: fx.userIds.author1,
        anonymisedKey: null,
        anonymisation: { heldReason: 'The file is a zip archive' },
        heldReason: 'The file is a zip archive',
      });
      return {
        path: `/api/journals/${slug}/submissions/${fx.review.submissionId}/files/${id}/release`,
        changed: async () => (await files.findOneByOrFail({ id })).releasedAt !== null,
      };
    },
  },

  // The author's side of decisions: only the author of the submission.
  {
    name: 'GET /submissions/:id/history',
    method: 'get',
    ok: 200,
    allowed: ['author1'],
    personOnly: true,
    refusal: 404,
    build: (fx) => ({ path: `/api/submissions/${fx.review.authorSubmissionId}/history` }),
  },
  {
    name: 'GET /submissions/:id/decisions',
    method: 'get',
    ok: 200,
    allowed: ['author1'],
    personOnly: true,
    refusal: 404,
    build: (fx) => ({ path: `/api/submissions/${fx.review.authorSubmissionId}/decisions` }),
  },

  // Any signed-in person (the operator token is not one).
  {
    name: 'GET /me',
    method: 'get',
    ok: 200,
    allowed: PEOPLE,
    personOnly: true,
    build: () => ({ path: '/api/me' }),
  },
  {
    name: 'PATCH /me',
    method: 'patch',
    ok: 200,
    allowed: PEOPLE,
    personOnly: true,
    build: (fx) => ({ path: '/api/me', body: { bio: `Permission matrix ${fx.next()}` } }),
  },
  {
    name: 'GET /me/export',
    method: 'get',
    ok: 200,
    allowed: PEOPLE,
    personOnly: true,
    build: () => ({ path: '/api/me/export' }),
  },
  ...(['author', 'reader', 'reviewer', 'editor', 'manager'] as const).map(selfEnrolRoute),
  {
    name: 'DELETE /journals/:slug/roles/self/reader',
    method: 'delete',
    ok: 204,
    allowed: PEOPLE,
    personOnly: true,
    build: () => ({ path: `/api/journals/${JOURNAL}/roles/self/reader` }),
  },

  // Public.
  publicRoute('/journals', () => '/api/journals', false),
  publicRoute('/journals/:slug', (slug) => `/api/journals/${slug}`),
  publicRoute('/journals/:slug/sections', (slug) => `/api/journals/${slug}/sections`),
  publicRoute('/journals/:slug/board', (slug) => `/api/journals/${slug}/board`),
  publicRoute('/health/ready', () => '/health/ready', false),
];

function expectedStatus(route: Route, who: Who): number {
  if (route.allowed.includes(who)) return route.ok;
  if (who === 'anonymous') return 401;
  if (who === 'operator' && route.personOnly) return 401;
  if (route.notFound?.includes(who)) return 404;
  return route.refusal ?? 403;
}

const MATRIX = ROUTES.flatMap((route) =>
  PRINCIPALS.map((who) => ({ route, who, expected: expectedStatus(route, who) })),
);

/**
 * A journal that does not exist: 404 for whoever would pass the checks, 401 for anonymous.
 * (Routes no one may use are left out: their invalid body is refused with 400 first.)
 */
const UNKNOWN_JOURNAL = ROUTES.filter(
  (route) => route.journalScoped && route.allowed.length > 0,
).flatMap((route) =>
  (['anonymous', 'manager', 'admin', 'operator'] as const)
    .filter((who) => !(who === 'operator' && route.personOnly))
    .map((who) => ({
      route,
      who,
      expected: who === 'anonymous' && !route.allowed.includes('anonymous') ? 401 : 404,
    })),
);

describe('permission matrix', () => {
  let env: TestEnvironment;
  let app: NestExpressApplication;
  let fx: Fixtures;
  const authorization = new Map<Who, string>();

  beforeAll(async () => {
    env = await createTestEnvironment({
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_REQUESTS_PER_IP: '100000',
    });
    app = await createApi(env.config);
    await app.init();
    const server = app.getHttpServer();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const journal = await seedDemo(app);
    let counter = 0;
    const next = () => ++counter;

    const operator = `Bearer ${env.config.ADMIN_API_TOKEN}`;
    authorization.set('operator', operator);

    // A second journal, its manager, and objects of it that must stay out of reach via the first.
    const created = await request(server)
      .post('/api/journals')
      .set('Authorization', operator)
      .send({
        slug: OTHER_JOURNAL,
        titles: { en: 'Another Journal' },
        primaryLocale: 'en',
        publisherName: 'Another Publisher',
      })
      .expect(201);
    const otherJournalId: string = created.body.id;
    const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
    const partial = { server, dataSource, journalId: journal.id, next } as Fixtures;
    const outsider = await throwawayUser(partial, 'outsider', passwordHash);
    const otherManager = await throwawayUser(partial, 'other-manager', passwordHash);
    await dataSource
      .getRepository(JournalRole)
      .save({ journalId: otherJournalId, userId: otherManager.id, role: 'manager' });

    const users = dataSource.getRepository(User);
    const emails: Record<Person, string> = {
      outsider: outsider.email,
      'other-manager': otherManager.email,
      ...(Object.fromEntries(
        PEOPLE.filter((who) => who !== 'outsider' && who !== 'other-manager').map((who) => [
          who,
          `${who}@volunteering.example.org`,
        ]),
      ) as Record<Exclude<Person, 'outsider' | 'other-manager'>, string>),
    };
    const userIds = {} as Record<Person, string>;
    await Promise.all(
      PEOPLE.map(async (who) => {
        userIds[who] = (await users.findOneByOrFail({ email: emails[who] })).id;
        authorization.set(who, await signIn(server, emails[who]));
      }),
    );

    const sections = await dataSource.getRepository(Section).findBy({ journalId: journal.id });
    const sectionId = (title: string) => sections.find((s) => s.titles.en === title)!.id;
    fx = {
      ...partial,
      userIds,
      fieldSectionId: sectionId('Field Reports'),
      policySectionId: sectionId('Policy and Governance'),
      other: {
        id: otherJournalId,
        sectionId: await throwawaySection(partial, otherJournalId),
        roleId: await throwawayRole(partial, otherJournalId),
      },
      review: await reviewFixtures(dataSource, userIds),
    };
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  const send = (method: Method, path: string, who: Who, body?: object) => {
    let call = request(fx.server)[method](path);
    const header = authorization.get(who);
    if (header) call = call.set('Authorization', header);
    return body === undefined ? call : call.send(body);
  };

  const expectStatus = (response: request.Response, status: number) => {
    // The whole answer in the message when the status is not the expected one.
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    if (status >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status, title: expect.any(String) });
    }
  };

  const run = async (route: Route, slug: string, who: Who, expected: number) => {
    const call = await route.build(fx, slug, who);
    const response = await send(route.method, call.path, who, call.body);
    try {
      expectStatus(response, expected);
      if (expected === 400) expect(response.body.type).toBe('urn:tahkim:problem:validation-error');
      if (call.changed) expect(await call.changed()).toBe(response.status < 300);
    } finally {
      await call.restore?.();
    }
  };

  describe.each(ROUTES)('$name', (route) => {
    it.each(MATRIX.filter((row) => row.route === route))('$who → $expected', ({ who, expected }) =>
      run(route, JOURNAL, who, expected),
    );
  });

  describe(`an unknown journal (${NO_JOURNAL})`, () => {
    it.each(UNKNOWN_JOURNAL)('$route.name as $who → $expected', ({ route, who, expected }) =>
      run(route, NO_JOURNAL, who, expected),
    );
  });

  describe('beyond the matrix', () => {
    it('the matrix covers every principal on every route, each admitted somewhere and refused somewhere', () => {
      expect(MATRIX).toHaveLength(ROUTES.length * PRINCIPALS.length);
      for (const who of PRINCIPALS) {
        const statuses = MATRIX.filter((row) => row.who === who).map((row) => row.expected);
        expect({ who, admitted: statuses.some((status) => status < 300) }).toEqual({
          who,
          admitted: true,
        });
        expect({ who, refused: statuses.some((status) => status >= 400) }).toEqual({
          who,
          refused: true,
        });
      }
    });

    it('shows a section editor only the reviewer history of submissions they handle, figures included', async () => {
      const all: { id: string; submission_id: string; section_id: string; state: string }[] =
        await fx.dataSource.query(
          `SELECT a.id, a.submission_id, s.section_id, a.state
             FROM review_assignments a JOIN submissions s ON s.id = a.submission_id
            WHERE a.journal_id = $1 AND a.reviewer_id = $2`,
          [fx.journalId, fx.review.reviewer3Id],
        );
      const inSection = (sectionId: string) => all.filter((a) => a.section_id === sectionId);
      // The demo's reviewer3 reviews in the field, policy and research sections alike.
      expect(inSection(fx.fieldSectionId).length).toBeGreaterThan(0);
      expect(inSection(fx.policySectionId).length).toBeGreaterThan(0);
      expect(all.length).toBeGreaterThan(
        inSection(fx.fieldSectionId).length + inSection(fx.policySectionId).length,
      );
      const cases: [Who, typeof all][] = [
        ['editor', all],
        ['manager', all],
        ['operator', all],
        ['section.field', inSection(fx.fieldSectionId)],
        ['section.policy', inSection(fx.policySectionId)],
      ];
      for (const [who, seen] of cases) {
        const response = await send(
          'get',
          `/api/journals/${JOURNAL}/reviewers/${fx.review.reviewer3Id}/history`,
          who,
        );
        expectStatus(response, 200);
        const body = response.body as {
          invitations: number;
          completed: number;
          declined: number;
          assignments: { id: string }[];
        };
        const count = (state: string) => seen.filter((a) => a.state === state).length;
        expect({ who, ids: body.assignments.map((a) => a.id).sort() }).toEqual({
          who,
          ids: seen.map((a) => a.id).sort(),
        });
        expect({ who, figures: [body.invitations, body.completed, body.declined] }).toEqual({
          who,
          figures: [seen.length, count('completed'), count('declined')],
        });
        // Not a trace of the other submissions: neither their ids nor their assignments'.
        const text = JSON.stringify(body);
        const hidden = all.filter((a) => !seen.includes(a));
        expect({
          who,
          leaked: hidden.flatMap((a) => [a.id, a.submission_id]).filter((id) => text.includes(id)),
        }).toEqual({ who, leaked: [] });
      }
    });

    it('refuses a manager changing the slug (only site administrators may)', async () => {
      const response = await send('patch', `/api/journals/${JOURNAL}`, 'manager', {
        slug: 'renamed-by-manager',
      });
      expectStatus(response, 403);
      await expect(fx.dataSource.getRepository(Journal).existsBy({ slug: JOURNAL })).resolves.toBe(
        true,
      );
    });

    it('gives the other journal’s manager their own journal, not this one', async () => {
      expectStatus(
        await send('patch', `/api/journals/${OTHER_JOURNAL}`, 'other-manager', {
          reviewDueDays: 30,
        }),
        200,
      );
      expectStatus(await send('patch', `/api/journals/${OTHER_JOURNAL}`, 'manager', {}), 403);
    });

    it('does not reach another journal’s objects through this journal’s slug', async () => {
      const section = `/api/journals/${JOURNAL}/sections/${fx.other.sectionId}`;
      expectStatus(await send('patch', section, 'manager', { wordLimit: 1234 }), 404);
      expectStatus(
        await send('put', `${section}/editors`, 'manager', {
          userIds: [fx.userIds['section.field']],
        }),
        404,
      );
      expectStatus(await send('delete', section, 'manager'), 404);
      expectStatus(
        await send('delete', `/api/journals/${JOURNAL}/roles/${fx.other.roleId}`, 'manager'),
        404,
      );
      // A section editor of this journal is not one of the other journal's sections.
      expectStatus(await send('patch', section, 'section.field', { wordLimit: 1234 }), 403);
      await expect(exists(fx, Section, fx.other.sectionId)).resolves.toBe(true);
      await expect(exists(fx, JournalRole, fx.other.roleId)).resolves.toBe(true);
    });

    it('does not let a person make themselves site administrator through their profile', async () => {
      const response = await send('patch', '/api/me', 'outsider', { isSiteAdmin: true });
      expectStatus(response, 400);
      const outsider = await fx.dataSource
        .getRepository(User)
        .findOneByOrFail({ id: fx.userIds.outsider });
      expect(outsider.isSiteAdmin).toBe(false);
      expectStatus(await send('get', '/api/admin/queues', 'outsider'), 403);
    });

    it('takes a revoked role away from a session already signed in', async () => {
      const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
      const person = await throwawayUser(fx, 'short-lived-editor', passwordHash);
      const role = await fx.dataSource
        .getRepository(JournalRole)
        .save({ journalId: fx.journalId, userId: person.id, role: 'editor' });
      const bearer = await signIn(fx.server, person.email);
      const listRoles = () =>
        request(fx.server).get(`/api/journals/${JOURNAL}/roles`).set('Authorization', bearer);

      expectStatus(await listRoles(), 200);
      expectStatus(
        await send('delete', `/api/journals/${JOURNAL}/roles/${role.id}`, 'manager'),
        204,
      );
      expectStatus(await listRoles(), 403);
    });

    it('refuses a session cookie sent from another origin on a write, even to a manager', async () => {
      const { cookie } = await signIn(fx.server, 'manager', { cookie: true });
      const patch = (origin: string, reviewDueDays: number) =>
        request(fx.server)
          .patch(`/api/journals/${JOURNAL}`)
          .set('Cookie', cookie)
          .set('Origin', origin)
          .send({ reviewDueDays });
      const reviewDueDays = async () =>
        (await fx.dataSource.getRepository(Journal).findOneByOrFail({ id: fx.journalId }))
          .reviewDueDays;

      expectStatus(await patch('https://evil.example', 177), 403);
      expect(await reviewDueDays()).not.toBe(177);
      expectStatus(await patch(new URL(env.config.PUBLIC_URL).origin, 178), 200);
      expect(await reviewDueDays()).toBe(178);
    });
  });
});
