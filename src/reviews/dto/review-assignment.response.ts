import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Locale } from '../../common/i18n/locale';
import type { PersonNames } from '../../editorial/people';
import { type AssignmentStatus, assignmentStatus } from '../assignment-status';
import {
  ASSIGNMENT_STATES,
  type AssignmentState,
  type ConflictOfInterest,
  type ReviewAssignment,
} from '../entities/review-assignment.entity';
import {
  REVISION_KINDS,
  ROUND_STATUSES,
  type ReviewRound,
  type RevisionKind,
  type RoundStatus,
} from '../entities/review-round.entity';
import {
  RECOMMENDATIONS,
  type Recommendation,
  REVIEW_METHODS,
  type ReviewMethod,
} from '../review-vocabulary';
import { NAMES_SCHEMA } from './schemas';

export const ASSIGNMENT_STATUSES = [...ASSIGNMENT_STATES, 'overdue'] as const;

export class ConflictOfInterestResponse {
  @ApiProperty({ enum: ['contributor', 'shared_affiliation', 'coauthor'] })
  kind: ConflictOfInterest['kind'];

  @ApiProperty({ description: 'The shared affiliation, or the number of the shared submission' })
  detail: string;
}

/** An assignment as stored: the invitation, its answer, due dates, reminders. */
export class ReviewAssignmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  journalId: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty({ format: 'uuid' })
  reviewerId: string;

  @ApiProperty({ format: 'uuid' })
  invitedById: string;

  @ApiProperty({ enum: REVIEW_METHODS })
  method: ReviewMethod;

  @ApiProperty({ enum: ASSIGNMENT_STATES })
  state: AssignmentState;

  @ApiProperty({ format: 'date-time' })
  responseDueAt: Date;

  @ApiProperty({ format: 'date-time' })
  reviewDueAt: Date;

  @ApiProperty()
  personalMessage: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewFormId: string | null;

  @ApiProperty({ type: [ConflictOfInterestResponse] })
  conflicts: ConflictOfInterestResponse[];

  @ApiProperty({ type: String, nullable: true })
  conflictOverrideReason: string | null;

  @ApiProperty({ format: 'date-time' })
  invitedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;

  @ApiProperty({ type: String, nullable: true })
  suggestedReviewer: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ description: 'Reminders sent after a due date passed' })
  overdueReminders: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  escalatedAt: Date | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 5,
    description: 'The editors’ private rating of the review',
  })
  qualityRating: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  thankedAt: Date | null;

  @ApiProperty()
  lockVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export class ReviewerSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(NAMES_SCHEMA)
  names: PersonNames;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, nullable: true })
  affiliation: string | null;
}

/** An assignment as editors follow it: with its derived status and, where loaded, its reviewer. */
export class AssignmentViewResponse extends ReviewAssignmentResponse {
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, description: 'The state, or overdue past a due date' })
  status: AssignmentStatus;

  @ApiPropertyOptional({ type: ReviewerSummaryResponse })
  reviewer?: ReviewerSummaryResponse;
}

export class RoundAssignmentResponse extends AssignmentViewResponse {
  @ApiProperty({
    enum: RECOMMENDATIONS,
    nullable: true,
    description: 'The submitted review’s recommendation',
  })
  recommendation: Recommendation | null;
}

export class ReviewRoundResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: 1 })
  number: number;

  @ApiProperty({ description: 'The manuscript version the round’s reviewers read' })
  fileVersion: number;

  @ApiProperty({ enum: ROUND_STATUSES })
  status: RoundStatus;

  @ApiProperty({ enum: REVISION_KINDS, nullable: true })
  revisionKind: RevisionKind | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revisionsDueAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  authorResponse: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revisedAt: Date | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: [RoundAssignmentResponse] })
  assignments: RoundAssignmentResponse[];
}

export class InvitationDraftResponse {
  @ApiProperty({ enum: ['ar', 'en', 'fr'], description: 'The reviewer’s language' })
  locale: Locale;

  @ApiProperty({ enum: REVIEW_METHODS, description: 'The journal’s review policy' })
  method: ReviewMethod;

  @ApiProperty({ format: 'date-time' })
  responseDueAt: Date;

  @ApiProperty({ format: 'date-time' })
  reviewDueAt: Date;

  @ApiProperty({ type: [ConflictOfInterestResponse] })
  conflicts: ConflictOfInterestResponse[];

  @ApiProperty({ description: 'The prefilled message, in the reviewer’s language' })
  personalMessage: string;
}

export function toConflictResponse(conflict: ConflictOfInterest): ConflictOfInterestResponse {
  return { kind: conflict.kind, detail: conflict.detail };
}

export function toReviewAssignmentResponse(assignment: ReviewAssignment): ReviewAssignmentResponse {
  return {
    id: assignment.id,
    journalId: assignment.journalId,
    submissionId: assignment.submissionId,
    roundId: assignment.roundId,
    reviewerId: assignment.reviewerId,
    invitedById: assignment.invitedById,
    method: assignment.method,
    state: assignment.state,
    responseDueAt: assignment.responseDueAt,
    reviewDueAt: assignment.reviewDueAt,
    personalMessage: assignment.personalMessage,
    reviewFormId: assignment.reviewFormId,
    conflicts: assignment.conflicts.map(toConflictResponse),
    conflictOverrideReason: assignment.conflictOverrideReason,
    invitedAt: assignment.invitedAt,
    respondedAt: assignment.respondedAt,
    declineReason: assignment.declineReason,
    suggestedReviewer: assignment.suggestedReviewer,
    completedAt: assignment.completedAt,
    cancelledAt: assignment.cancelledAt,
    overdueReminders: assignment.overdueReminders,
    escalatedAt: assignment.escalatedAt,
    qualityRating: assignment.qualityRating,
    thankedAt: assignment.thankedAt,
    lockVersion: assignment.lockVersion,
    createdAt: assignment.createdAt,
    updatedAt: assignment.updatedAt,
  };
}

/** With the status at `now` and the reviewer, when the assignment was loaded with them. */
export function toAssignmentViewResponse(
  assignment: ReviewAssignment,
  now = new Date(),
): AssignmentViewResponse {
  const { reviewer } = assignment;
  return {
    ...toReviewAssignmentResponse(assignment),
    status: assignmentStatus(assignment, now),
    reviewer: reviewer
      ? {
          id: reviewer.id,
          names: reviewer.names,
          email: reviewer.email,
          affiliation: reviewer.affiliation,
        }
      : undefined,
  };
}

export interface RoundWithAssignments {
  round: ReviewRound;
  assignments: { assignment: ReviewAssignment; recommendation: Recommendation | null }[];
}

export function toReviewRoundResponse(
  { round, assignments }: RoundWithAssignments,
  now = new Date(),
): ReviewRoundResponse {
  return {
    id: round.id,
    submissionId: round.submissionId,
    number: round.number,
    fileVersion: round.fileVersion,
    status: round.status,
    revisionKind: round.revisionKind,
    revisionsDueAt: round.revisionsDueAt,
    authorResponse: round.authorResponse,
    revisedAt: round.revisedAt,
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    assignments: assignments.map(({ assignment, recommendation }) => ({
      ...toAssignmentViewResponse(assignment, now),
      recommendation,
    })),
  };
}

export interface InvitationDraft {
  locale: Locale;
  method: ReviewMethod;
  responseDueAt: Date;
  reviewDueAt: Date;
  conflicts: ConflictOfInterest[];
  personalMessage: string;
}

export function toInvitationDraftResponse(draft: InvitationDraft): InvitationDraftResponse {
  return {
    locale: draft.locale,
    method: draft.method,
    responseDueAt: draft.responseDueAt,
    reviewDueAt: draft.reviewDueAt,
    conflicts: draft.conflicts.map(toConflictResponse),
    personalMessage: draft.personalMessage,
  };
}
