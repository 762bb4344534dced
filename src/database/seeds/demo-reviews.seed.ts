import { DAY_MS } from '../../common/time';
import type { EntityManager } from 'typeorm';
import { displayName, type User } from '../../accounts/user.entity';
import { isLocale, type Locale, pickLocalized } from '../../common/i18n/locale';
import type { DecisionKind } from '../../editorial/stages/stage-transitions';
import { defaultDecisionLetter } from '../../decisions/decision-texts';
import { Decision } from '../../decisions/decision.entity';
import type { Journal } from '../../journals/journal.entity';
import {
  type AssignmentState,
  ReviewAssignment,
} from '../../reviews/entities/review-assignment.entity';
import { ReviewForm, type ReviewFormQuestion } from '../../reviews/entities/review-form.entity';
import { ReviewRound } from '../../reviews/entities/review-round.entity';
import { Review, type ReviewAnswer } from '../../reviews/entities/review.entity';
import { newResponseNonce } from '../../reviews/review-response-token';
import type { Recommendation } from '../../reviews/review-vocabulary';
import { SubmissionEvent } from '../../submissions/entities/submission-event.entity';
import type { Submission, SubmissionStage } from '../../submissions/entities/submission.entity';

const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

/** One reviewer's part in a demo round; days are counted from today (negative: in the past). */
export interface DemoAssignment {
  reviewer: 'reviewer1' | 'reviewer2' | 'reviewer3' | 'reviewer4';
  state: Extract<AssignmentState, 'invited' | 'accepted' | 'declined' | 'completed'>;
  invited: number;
  responseDue: number;
  reviewDue: number;
  /** When the reviewer answered the invitation (accepted or declined). */
  responded?: number;
  declineReason?: string;
  suggestedReviewer?: string;
  /** A completed review, or an accepted reviewer's saved draft. */
  review?: {
    recommendation: Recommendation | null;
    commentsForAuthor: string;
    commentsForEditor: string;
    answers: Record<string, ReviewAnswer>;
    submitted?: number;
  };
}

/** A submission's first round of review, and the decision that ended it, if any. */
export interface DemoReviewRound {
  sentToReview: number;
  assignments: DemoAssignment[];
  outcome?: {
    decision: Extract<DecisionKind, 'request_revisions' | 'accept'>;
    decided: number;
    revisionsDue?: number;
    /** After an accept: days from today when it went to production. */
    toProduction?: number;
  };
}

/** The journal's review form, as an editor would set it up; offered, not the default. */
const DEMO_FORM_QUESTIONS: ReviewFormQuestion[] = [
  {
    id: 'originality',
    kind: 'scale',
    label: {
      ar: 'الأصالة والإضافة العلمية',
      en: 'Originality and contribution',
      fr: 'Originalité et apport',
    },
    required: true,
    sharedWithAuthor: true,
    scale: {
      min: 1,
      max: 5,
      minLabel: { ar: 'ضعيفة', en: 'Weak', fr: 'Faible' },
      maxLabel: { ar: 'ممتازة', en: 'Excellent', fr: 'Excellente' },
    },
  },
  {
    id: 'method',
    kind: 'scale',
    label: { ar: 'سلامة المنهج', en: 'Soundness of the method', fr: 'Rigueur de la méthode' },
    required: true,
    sharedWithAuthor: true,
    scale: { min: 1, max: 5 },
  },
  {
    id: 'abstracts',
    kind: 'yes_no',
    label: {
      ar: 'هل يطابق الملخص الإنجليزي الملخص العربي؟',
      en: 'Does the English abstract match the Arabic one?',
      fr: 'Le résumé anglais correspond-il au résumé arabe\u00A0?',
    },
    required: false,
    sharedWithAuthor: true,
  },
  {
    id: 'ethics',
    kind: 'yes_no',
    label: {
      ar: 'هل تثير الدراسة مسائل أخلاقية (موافقة المشاركين، حماية البيانات)؟',
      en: 'Does the study raise ethical concerns (participant consent, data protection)?',
      fr: 'L’étude soulève-t-elle des questions éthiques (consentement, protection des données)\u00A0?',
    },
    required: true,
    // For the editor only: an ethics concern is the editor's to take up with the author.
    sharedWithAuthor: false,
  },
];

export async function seedDemoReviewForm(manager: EntityManager, journal: Journal) {
  const existing = await manager.findOneBy(ReviewForm, { journalId: journal.id });
  if (existing) return existing;
  return manager.save(
    manager.create(ReviewForm, {
      journalId: journal.id,
      titles: {
        ar: 'استمارة تحكيم البحوث',
        en: 'Research article review form',
        fr: 'Grille d’évaluation des articles',
      },
      questions: DEMO_FORM_QUESTIONS,
      active: true,
      isDefault: false,
    }),
  );
}

/**
 * A round of review as the editors would have run it: invitations sent, answered or not,
 * reviews saved or submitted, and the decision that followed, with its letter. Nothing is
 * emailed: these are things that happened before the demo started.
 */
export async function seedDemoReviewRound(
  manager: EntityManager,
  journal: Journal,
  submission: Submission,
  plan: DemoReviewRound,
  people: { editor: User; author: User; users: Map<string, User>; form: ReviewForm; title: string },
): Promise<SubmissionStage> {
  const { editor, author, users, form, title } = people;
  const decide = async (
    kind: DecisionKind,
    at: number,
    stageBefore: SubmissionStage,
    stageAfter: SubmissionStage,
    roundId: string,
    extra: Partial<Decision> = {},
  ) => {
    const decision = await manager.save(
      manager.create(Decision, {
        submissionId: submission.id,
        roundId,
        kind,
        decidedById: editor.id,
        stageBefore,
        stageAfter,
        reason: null,
        revisionsDueAt: null,
        letterSubject: null,
        letterBody: null,
        sharedAssignmentIds: [],
        sharedReviewFileIds: [],
        createdAt: daysFromNow(at),
        ...extra,
      }),
    );
    await event(editor, 'decision', at, true, {
      decision: kind,
      decisionId: decision.id,
      stage: stageAfter,
    });
  };
  const event = (
    actor: User,
    kind: string,
    at: number,
    authorVisible: boolean,
    data: Record<string, unknown>,
  ) =>
    manager.insert(SubmissionEvent, {
      submissionId: submission.id,
      actorId: actor.id,
      kind,
      authorVisible,
      data: data as never,
      occurredAt: daysFromNow(at),
    });

  const round = await manager.save(
    manager.create(ReviewRound, {
      submissionId: submission.id,
      number: 1,
      fileVersion: submission.currentVersion,
      status: 'in_review',
      createdAt: daysFromNow(plan.sentToReview),
    }),
  );
  await decide('send_to_review', plan.sentToReview, 'submitted', 'review', round.id);

  const completed: string[] = [];
  for (const part of plan.assignments) {
    const reviewer = users.get(part.reviewer)!;
    const answered = part.state !== 'invited';
    const assignment = await manager.save(
      manager.create(ReviewAssignment, {
        journalId: journal.id,
        submissionId: submission.id,
        roundId: round.id,
        reviewerId: reviewer.id,
        invitedById: editor.id,
        method: journal.reviewPolicy,
        state: part.state,
        responseDueAt: daysFromNow(part.responseDue),
        reviewDueAt: daysFromNow(part.reviewDue),
        personalMessage: '',
        reviewFormId: form.id,
        invitedAt: daysFromNow(part.invited),
        respondedAt: answered ? daysFromNow(part.responded ?? part.invited + 2) : null,
        declineReason: part.declineReason ?? null,
        suggestedReviewer: part.suggestedReviewer ?? null,
        completedAt:
          part.review?.submitted !== undefined ? daysFromNow(part.review.submitted) : null,
        // Only an unanswered invitation has a live link; its nonce is what the link signs.
        responseNonce: part.state === 'invited' ? newResponseNonce() : null,
      }),
    );
    await event(editor, 'reviewer_invited', part.invited, false, {
      assignmentId: assignment.id,
      round: 1,
      reviewerId: reviewer.id,
    });
    if (part.state === 'declined')
      await event(reviewer, 'review_declined', part.responded ?? part.invited + 2, false, {});
    if (part.state === 'accepted' || part.state === 'completed')
      await event(reviewer, 'review_accepted', part.responded ?? part.invited + 2, false, {});
    if (part.review) {
      const submitted = part.review.submitted;
      await manager.insert(Review, {
        assignmentId: assignment.id,
        questions: form.questions,
        answers: part.review.answers,
        recommendation: part.review.recommendation,
        commentsForAuthor: part.review.commentsForAuthor,
        commentsForEditor: part.review.commentsForEditor,
        competingInterests: 'None.',
        submittedAt: submitted !== undefined ? daysFromNow(submitted) : null,
        locked: submitted !== undefined,
      });
      if (submitted !== undefined) {
        completed.push(assignment.id);
        await event(reviewer, 'review_submitted', submitted, false, {
          recommendation: part.review.recommendation,
        });
      }
    }
  }

  if (!plan.outcome) return 'review';
  const { decision, decided, revisionsDue, toProduction } = plan.outcome;
  const locale: Locale = isLocale(author.preferredLocale)
    ? author.preferredLocale
    : journal.primaryLocale;
  const revisionsDueAt =
    decision === 'request_revisions' ? daysFromNow(revisionsDue ?? decided + 30) : null;
  const letter = defaultDecisionLetter(decision, locale, {
    authorName: displayName(author.names, locale),
    journalTitle: pickLocalized(journal.titles, locale) ?? '',
    title,
    submissionNumber: submission.number ?? '',
    editorName: displayName(editor.names, locale),
    revisionsDueDate: revisionsDueAt?.toISOString().slice(0, 10) ?? null,
    minor: false,
  });
  const stageAfter: SubmissionStage = decision === 'accept' ? 'copyediting' : 'review';
  await decide(decision, decided, 'review', stageAfter, round.id, {
    revisionsDueAt,
    letterSubject: letter.subject,
    letterBody: letter.body,
    sharedAssignmentIds: completed,
  });
  await manager.update(
    ReviewRound,
    { id: round.id },
    decision === 'accept'
      ? { status: 'closed', closedAt: daysFromNow(decided) }
      : { status: 'revisions_requested', revisionKind: 'major', revisionsDueAt },
  );
  if (decision === 'accept' && toProduction !== undefined) {
    await decide('send_to_production', toProduction, 'copyediting', 'production', round.id);
    return 'production';
  }
  return stageAfter;
}
