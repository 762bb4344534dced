import { ApiProperty } from '@nestjs/swagger';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import {
  DECISION_KINDS,
  type DecisionKind,
  SUBMISSION_STAGES,
  type SubmissionStage,
} from '../../editorial/stages/stage-transitions';
import {
  RECOMMENDATIONS,
  type Recommendation,
  REVISION_KINDS,
  type RevisionKind,
} from '../../reviews';
import type { DecisionsForAuthor } from '../author-decisions.service';
import type { Decision } from '../decision.entity';
import type { CompletedReview, SharedReview } from '../decision-letters.service';
import type { DecisionDraft } from '../decisions.service';

/** A decision as recorded, with the letter the author received. */
export class DecisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The review round it acts on, when there is one',
  })
  roundId: string | null;

  @ApiProperty({ enum: DECISION_KINDS })
  kind: DecisionKind;

  @ApiProperty({ format: 'uuid' })
  decidedById: string;

  @ApiProperty({ enum: SUBMISSION_STAGES })
  stageBefore: SubmissionStage;

  @ApiProperty({ enum: SUBMISSION_STAGES })
  stageAfter: SubmissionStage;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why a requirement was overridden (e.g. too few reviews)',
  })
  reason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revisionsDueAt: Date | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The letter as sent; null when the author was not written to',
  })
  letterSubject: string | null;

  @ApiProperty({ type: String, nullable: true })
  letterBody: string | null;

  @ApiProperty({
    type: [String],
    description: 'Assignments whose reviews went to the author, in the order shown',
  })
  sharedAssignmentIds: string[];

  @ApiProperty({ type: [String], description: 'Reviewers’ files sent (anonymised copies)' })
  sharedReviewFileIds: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toDecisionResponse(decision: Decision): DecisionResponse {
  return {
    id: decision.id,
    submissionId: decision.submissionId,
    roundId: decision.roundId,
    kind: decision.kind,
    decidedById: decision.decidedById,
    stageBefore: decision.stageBefore,
    stageAfter: decision.stageAfter,
    reason: decision.reason,
    revisionsDueAt: decision.revisionsDueAt,
    letterSubject: decision.letterSubject,
    letterBody: decision.letterBody,
    sharedAssignmentIds: decision.sharedAssignmentIds,
    sharedReviewFileIds: decision.sharedReviewFileIds,
    createdAt: decision.createdAt,
  };
}

export class LetterResponse {
  @ApiProperty()
  subject: string;

  @ApiProperty({ description: 'Plain text; paragraphs separated by blank lines' })
  body: string;
}

/** An answer to a question of the review form that the reviewer's form shares with authors. */
export class SharedAnswerResponse {
  @ApiProperty({ description: 'The question, in the reader’s language' })
  question: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  answer: string | number | boolean;
}

/** A reviewer's file as the author knows it: a neutral name. */
export class SharedReviewFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Reviewer A - 1.pdf' })
  name: string;
}

/** A completed review of the round, as the letter may share it with the author. */
export class DraftReviewResponse {
  @ApiProperty({ format: 'uuid' })
  assignmentId: string;

  @ApiProperty({ example: 'Reviewer A', description: 'The only name the author sees' })
  label: string;

  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true })
  recommendation: Recommendation | null;

  @ApiProperty({ description: 'The comments for the author' })
  comments: string;

  @ApiProperty({ type: [SharedAnswerResponse] })
  answers: SharedAnswerResponse[];

  @ApiProperty({ type: [SharedReviewFileResponse] })
  files: SharedReviewFileResponse[];

  @ApiProperty({ type: [String], description: 'The files the reviewer offered to share' })
  offeredFileIds: string[];
}

/** The decisions open now, the letter one of them would send and the reviews it can share. */
export class DecisionDraftResponse {
  @ApiProperty({ enum: DECISION_KINDS, isArray: true })
  available: DecisionKind[];

  @ApiProperty({
    description: 'This viewer recommends the recommendable decisions instead of taking them',
  })
  recommendsOnly: boolean;

  @ApiProperty({ description: 'The submission’s lockVersion, to send with the decision' })
  lockVersion: number;

  @ApiProperty({ enum: SUPPORTED_LOCALES, description: 'The letter’s language (the author’s)' })
  locale: Locale;

  @ApiProperty({ type: LetterResponse })
  letter: LetterResponse;

  @ApiProperty({ type: [DraftReviewResponse] })
  reviews: DraftReviewResponse[];
}

const toAnswers = (review: SharedReview): SharedAnswerResponse[] =>
  review.answers.map(({ question, answer }) => ({ question, answer }));

const toFiles = (review: SharedReview): SharedReviewFileResponse[] =>
  review.files.map(({ id, name }) => ({ id, name }));

function toDraftReviewResponse(review: CompletedReview): DraftReviewResponse {
  return {
    assignmentId: review.assignmentId,
    label: review.label,
    recommendation: review.recommendation,
    comments: review.comments,
    answers: toAnswers(review),
    files: toFiles(review),
    offeredFileIds: review.offeredFileIds,
  };
}

export function toDecisionDraftResponse(draft: DecisionDraft): DecisionDraftResponse {
  return {
    available: draft.available,
    recommendsOnly: draft.recommendsOnly,
    lockVersion: draft.lockVersion,
    locale: draft.locale,
    letter: { subject: draft.letter.subject, body: draft.letter.body },
    reviews: draft.reviews.map(toDraftReviewResponse),
  };
}

/** A review shared with a decision, as its author reads it. */
export class AuthorReviewResponse {
  @ApiProperty({ example: 'Reviewer A' })
  label: string;

  @ApiProperty()
  comments: string;

  @ApiProperty({ type: [SharedAnswerResponse] })
  answers: SharedAnswerResponse[];

  @ApiProperty({ type: [SharedReviewFileResponse] })
  files: SharedReviewFileResponse[];
}

export class SentLetterResponse {
  @ApiProperty()
  subject: string;

  @ApiProperty({ type: String, nullable: true })
  body: string | null;
}

export class LetterAttachmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The name the editor uploaded it under' })
  name: string;

  @ApiProperty()
  mediaType: string;

  @ApiProperty({ description: 'In bytes' })
  size: number;
}

/** A decision on my submission: the letter, the reviews shared, the files attached. */
export class AuthorDecisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DECISION_KINDS })
  decision: DecisionKind;

  @ApiProperty({ format: 'date-time' })
  decidedAt: Date;

  @ApiProperty({ type: Number, nullable: true, description: 'The review round it ended' })
  round: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revisionsDueAt: Date | null;

  @ApiProperty({
    type: SentLetterResponse,
    nullable: true,
    description: 'Null when no letter was sent',
  })
  letter: SentLetterResponse | null;

  @ApiProperty({ type: [AuthorReviewResponse] })
  reviews: AuthorReviewResponse[];

  @ApiProperty({ type: [LetterAttachmentResponse] })
  attachments: LetterAttachmentResponse[];
}

export class RevisionsRequestedResponse {
  @ApiProperty()
  round: number;

  @ApiProperty({ enum: REVISION_KINDS, nullable: true })
  kind: RevisionKind | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: Date | null;
}

export class AuthorDecisionsResponse {
  @ApiProperty({ type: [AuthorDecisionResponse], description: 'Oldest first' })
  decisions: AuthorDecisionResponse[];

  @ApiProperty({
    type: RevisionsRequestedResponse,
    nullable: true,
    description: 'What the current round asks of me, while it does',
  })
  revisionsRequested: RevisionsRequestedResponse | null;
}

export function toAuthorDecisionsResponse(mine: DecisionsForAuthor): AuthorDecisionsResponse {
  return {
    decisions: mine.decisions.map((decision) => ({
      id: decision.id,
      decision: decision.decision,
      decidedAt: decision.decidedAt,
      round: decision.round,
      revisionsDueAt: decision.revisionsDueAt,
      letter: decision.letter
        ? { subject: decision.letter.subject, body: decision.letter.body }
        : null,
      reviews: decision.reviews.map((review) => ({
        label: review.label,
        comments: review.comments,
        answers: review.answers.map(({ question, answer }) => ({ question, answer })),
        files: review.files.map(({ id, name }) => ({ id, name })),
      })),
      attachments: decision.attachments.map(({ id, name, mediaType, size }) => ({
        id,
        name,
        mediaType,
        size,
      })),
    })),
    revisionsRequested: mine.revisionsRequested
      ? {
          round: mine.revisionsRequested.round,
          kind: mine.revisionsRequested.kind,
          dueAt: mine.revisionsRequested.dueAt,
        }
      : null,
  };
}

/** The revision sent: the new version, and the round that reviews it. */
export class RevisionResponse {
  @ApiProperty()
  version: number;

  @ApiProperty()
  round: number;
}

export function toRevisionResponse(revision: { version: number; round: number }): RevisionResponse {
  return { version: revision.version, round: revision.round };
}
