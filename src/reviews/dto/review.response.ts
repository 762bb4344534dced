import { ApiProperty } from '@nestjs/swagger';
import {
  ANONYMISATION_REPORT,
  type AnonymisationReportResponse,
  toAnonymisationReportResponse,
} from '../../anonymisation/dto/anonymisation-report.response';
import type { ReviewAssignment } from '../entities/review-assignment.entity';
import type { ReviewFile } from '../entities/review-file.entity';
import type { Review, ReviewAnswer } from '../entities/review.entity';
import { RECOMMENDATIONS, type Recommendation } from '../review-vocabulary';
import { AssignmentViewResponse, toAssignmentViewResponse } from './review-assignment.response';
import { ReviewQuestionResponse, toReviewQuestionResponse } from './review-form.response';

const ANSWERS_SCHEMA = {
  type: 'object' as const,
  additionalProperties: {
    oneOf: [
      { type: 'string' as const },
      { type: 'integer' as const },
      { type: 'boolean' as const },
    ],
  },
  description: 'Answers by question id: text, number (scale), boolean (yes/no) or option id',
};

export const ANONYMISATION_SCHEMA = {
  ...ANONYMISATION_REPORT,
  description: 'What the anonymisation pipeline removed from the copy the author may receive',
};

/** A review as its reviewer and the editors read it. */
export class ReviewResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  assignmentId: string;

  @ApiProperty({
    type: [ReviewQuestionResponse],
    description: 'The form’s questions as they were when the review began',
  })
  questions: ReviewQuestionResponse[];

  @ApiProperty(ANSWERS_SCHEMA)
  answers: Record<string, ReviewAnswer>;

  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true })
  recommendation: Recommendation | null;

  @ApiProperty()
  commentsForAuthor: string;

  @ApiProperty({ description: 'Never shown to the author' })
  commentsForEditor: string;

  @ApiProperty()
  competingInterests: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: Date | null;

  @ApiProperty({ description: 'Submitted reviews are locked until an editor unlocks them' })
  locked: boolean;

  @ApiProperty({
    description:
      'Bumped by every change of the review; send it back with a save or a submission (409 stale-review if another came first)',
    minimum: 1,
  })
  lockVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

/** A file a reviewer attached to their review (where it is stored is never said). */
export class ReviewFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  assignmentId: string;

  @ApiProperty({ description: 'SHA-256 of the file as uploaded' })
  sha256: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ description: 'Shown to the reviewer and the editors only' })
  originalName: string;

  @ApiProperty(ANONYMISATION_SCHEMA)
  anonymisation: AnonymisationReportResponse | null;

  @ApiProperty({ description: 'Whether the reviewer offers the file to the author' })
  shareWithAuthor: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

/** An assignment and its review as the editors read them, confidential comments included. */
export class EditorReviewResponse {
  @ApiProperty({ type: AssignmentViewResponse })
  assignment: AssignmentViewResponse;

  @ApiProperty({ type: ReviewResponse, nullable: true })
  review: ReviewResponse | null;

  @ApiProperty({ type: [ReviewFileResponse] })
  files: ReviewFileResponse[];
}

export function toReviewResponse(review: Review): ReviewResponse {
  return {
    id: review.id,
    assignmentId: review.assignmentId,
    questions: review.questions.map(toReviewQuestionResponse),
    answers: review.answers,
    recommendation: review.recommendation,
    commentsForAuthor: review.commentsForAuthor,
    commentsForEditor: review.commentsForEditor,
    competingInterests: review.competingInterests,
    submittedAt: review.submittedAt,
    locked: review.locked,
    lockVersion: review.lockVersion,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
  };
}

export function toReviewFileResponse(file: ReviewFile): ReviewFileResponse {
  return {
    id: file.id,
    assignmentId: file.assignmentId,
    sha256: file.sha256,
    size: file.size,
    mediaType: file.mediaType,
    originalName: file.originalName,
    anonymisation: toAnonymisationReportResponse(file.anonymisation),
    shareWithAuthor: file.shareWithAuthor,
    createdAt: file.createdAt,
  };
}

export function toEditorReviewResponse(read: {
  assignment: ReviewAssignment;
  review: Review | null;
  files: ReviewFile[];
}): EditorReviewResponse {
  return {
    assignment: toAssignmentViewResponse(read.assignment),
    review: read.review ? toReviewResponse(read.review) : null,
    files: read.files.map(toReviewFileResponse),
  };
}
