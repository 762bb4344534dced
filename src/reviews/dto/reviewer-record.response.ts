import { ApiProperty } from '@nestjs/swagger';
import type { PersonNames } from '../../editorial/people';
import type { ReviewAssignment } from '../entities/review-assignment.entity';
import type { ReviewerCandidate } from '../reviewer-suggestions.service';
import {
  AssignmentViewResponse,
  ConflictOfInterestResponse,
  toAssignmentViewResponse,
  toConflictResponse,
} from './review-assignment.response';
import { NAMES_SCHEMA } from './schemas';

export class ReviewerCandidateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(NAMES_SCHEMA)
  names: PersonNames;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, nullable: true })
  affiliation: string | null;

  @ApiProperty({ type: [String] })
  interests: string[];

  @ApiProperty({
    type: [String],
    description: 'The interests that match the submission’s title, abstract and keywords',
  })
  matchedInterests: string[];

  @ApiProperty({ description: 'ts_rank of the interests against the submission; 0 for none' })
  relevance: number;

  @ApiProperty({ description: 'Invited or accepted assignments in this journal' })
  activeReviews: number;

  @ApiProperty({ description: 'The most open reviews the reviewer accepts' })
  maxReviews: number;

  @ApiProperty({ description: 'Available in their profile and below their maximum' })
  available: boolean;

  @ApiProperty()
  completedReviews: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of answered invitations declined, 0–1; null before any answer',
  })
  declineRate: number | null;

  @ApiProperty({ type: Number, nullable: true })
  averageDaysToComplete: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastReviewAt: Date | null;

  @ApiProperty({ description: 'Already invited in the submission’s current round' })
  alreadyInvited: boolean;

  @ApiProperty({ type: [ConflictOfInterestResponse] })
  conflicts: ConflictOfInterestResponse[];

  @ApiProperty({ description: 'Higher is a better match, less loaded, declining less' })
  score: number;
}

export class ReviewerProfileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(NAMES_SCHEMA)
  names: PersonNames;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: [String] })
  interests: string[];
}

export class ReviewerHistoryResponse {
  @ApiProperty({ type: ReviewerProfileResponse })
  reviewer: ReviewerProfileResponse;

  @ApiProperty()
  invitations: number;

  @ApiProperty()
  accepted: number;

  @ApiProperty()
  declined: number;

  @ApiProperty()
  completed: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Accepted over answered, 0–1' })
  acceptanceRate: number | null;

  @ApiProperty({ type: Number, nullable: true })
  medianDaysToComplete: number | null;

  @ApiProperty({ type: Number, nullable: true })
  averageRating: number | null;

  @ApiProperty({ type: [AssignmentViewResponse], description: 'Newest first, at most 200' })
  assignments: AssignmentViewResponse[];
}

export interface ReviewerHistory {
  reviewer: { id: string; names: PersonNames; email: string; interests: string[] };
  invitations: number;
  accepted: number;
  declined: number;
  completed: number;
  acceptanceRate: number | null;
  medianDaysToComplete: number | null;
  averageRating: number | null;
  assignments: ReviewAssignment[];
}

export function toReviewerHistoryResponse(history: ReviewerHistory): ReviewerHistoryResponse {
  const now = new Date();
  return {
    reviewer: {
      id: history.reviewer.id,
      names: history.reviewer.names,
      email: history.reviewer.email,
      interests: history.reviewer.interests,
    },
    invitations: history.invitations,
    accepted: history.accepted,
    declined: history.declined,
    completed: history.completed,
    acceptanceRate: history.acceptanceRate,
    medianDaysToComplete: history.medianDaysToComplete,
    averageRating: history.averageRating,
    assignments: history.assignments.map((assignment) => toAssignmentViewResponse(assignment, now)),
  };
}

export function toReviewerCandidateResponse(
  candidate: ReviewerCandidate,
): ReviewerCandidateResponse {
  return {
    id: candidate.id,
    names: candidate.names,
    email: candidate.email,
    affiliation: candidate.affiliation,
    interests: candidate.interests,
    matchedInterests: candidate.matchedInterests,
    relevance: candidate.relevance,
    activeReviews: candidate.activeReviews,
    maxReviews: candidate.maxReviews,
    available: candidate.available,
    completedReviews: candidate.completedReviews,
    declineRate: candidate.declineRate,
    averageDaysToComplete: candidate.averageDaysToComplete,
    lastReviewAt: candidate.lastReviewAt,
    alreadyInvited: candidate.alreadyInvited,
    conflicts: candidate.conflicts.map(toConflictResponse),
    score: candidate.score,
  };
}
