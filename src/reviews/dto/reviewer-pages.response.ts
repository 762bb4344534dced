import { ApiProperty } from '@nestjs/swagger';
import {
  type AnonymisationReportResponse,
  toAnonymisationReportResponse,
} from '../../anonymisation/dto/anonymisation-report.response';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import type { PersonNames } from '../../editorial/people';
import { type AssignmentStatus, assignmentStatus } from '../assignment-status';
import type { ReviewAssignment } from '../entities/review-assignment.entity';
import type { ReviewFile } from '../entities/review-file.entity';
import type { ReviewFormQuestion } from '../entities/review-form.entity';
import type { Review } from '../entities/review.entity';
import type { BylineRow, MetadataRow } from '../reviewer-submission.repository';
import { REVIEW_METHODS, type ReviewMethod } from '../review-vocabulary';
import type { RoundFile } from '../round-files';
import { ASSIGNMENT_STATUSES } from './review-assignment.response';
import { ReviewQuestionResponse, toReviewQuestionResponse } from './review-form.response';
import { ANONYMISATION_SCHEMA, ReviewResponse, toReviewResponse } from './review.response';
import { LOCALIZED_SCHEMA, NAMES_SCHEMA } from './schemas';

/** A journal's section as reviewers meet it: its titles only. */
class SectionNameResponse {
  @ApiProperty({ ...LOCALIZED_SCHEMA, example: { en: 'Research Articles', ar: 'بحوث ودراسات' } })
  titles: LocalizedText;
}

class JournalNameResponse {
  @ApiProperty({ example: 'volunteering' })
  slug: string;

  @ApiProperty(LOCALIZED_SCHEMA)
  titles: LocalizedText;
}

export class ReviewerDashboardItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The assignment' })
  id: string;

  @ApiProperty({ type: JournalNameResponse })
  journal: JournalNameResponse;

  @ApiProperty({ ...LOCALIZED_SCHEMA, description: 'The submission’s title by language' })
  titles: Record<string, string>;

  @ApiProperty({ type: SectionNameResponse, description: 'The section the submission is in' })
  section: SectionNameResponse;

  @ApiProperty()
  round: number;

  @ApiProperty({ enum: REVIEW_METHODS })
  method: ReviewMethod;

  @ApiProperty({ enum: ASSIGNMENT_STATUSES })
  status: AssignmentStatus;

  @ApiProperty({ format: 'date-time' })
  responseDueAt: Date;

  @ApiProperty({ format: 'date-time' })
  reviewDueAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;
}

export class ReviewerDashboardResponse {
  @ApiProperty({ type: [ReviewerDashboardItemResponse] })
  invitations: ReviewerDashboardItemResponse[];

  @ApiProperty({ type: [ReviewerDashboardItemResponse] })
  active: ReviewerDashboardItemResponse[];

  @ApiProperty({ type: [ReviewerDashboardItemResponse] })
  completed: ReviewerDashboardItemResponse[];
}

class ReviewerAssignmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ASSIGNMENT_STATUSES })
  status: AssignmentStatus;

  @ApiProperty({ enum: REVIEW_METHODS })
  method: ReviewMethod;

  @ApiProperty()
  round: number;

  @ApiProperty({ format: 'date-time' })
  responseDueAt: Date;

  @ApiProperty({ format: 'date-time' })
  reviewDueAt: Date;

  @ApiProperty()
  personalMessage: string;
}

class MetadataResponse {
  @ApiProperty({ enum: ['ar', 'en', 'fr'] })
  locale: Locale;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  subtitle: string | null;

  @ApiProperty({ type: String, nullable: true })
  abstract: string | null;

  @ApiProperty({ type: [String] })
  keywords: string[];
}

class BylineResponse {
  @ApiProperty(NAMES_SCHEMA)
  names: PersonNames;

  @ApiProperty({ type: String, nullable: true })
  affiliation: string | null;

  @ApiProperty({ type: String, nullable: true })
  country: string | null;
}

class ReviewedSubmissionResponse {
  @ApiProperty({ enum: ['ar', 'en', 'fr'] })
  locale: Locale;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ type: [MetadataResponse] })
  metadata: MetadataResponse[];

  @ApiProperty({
    type: [BylineResponse],
    nullable: true,
    description: 'The authors; null in double-anonymous review',
  })
  contributors: BylineResponse[] | null;
}

/** A file of the round as a reviewer gets it: a neutral name, never the uploaded one. */
export class RoundFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'manuscript' })
  genre: string;

  @ApiProperty({ example: 'manuscript-v1.docx' })
  name: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;
}

class OwnReviewFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  originalName: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;

  @ApiProperty()
  shareWithAuthor: boolean;

  @ApiProperty(ANONYMISATION_SCHEMA)
  anonymisation: AnonymisationReportResponse | null;
}

/** An assignment as its reviewer sees it: authors only in anonymous and open review. */
export class ReviewerAssignmentViewResponse {
  @ApiProperty({ type: ReviewerAssignmentResponse })
  assignment: ReviewerAssignmentResponse;

  @ApiProperty({ type: JournalNameResponse })
  journal: JournalNameResponse;

  @ApiProperty({ type: ReviewedSubmissionResponse })
  submission: ReviewedSubmissionResponse;

  @ApiProperty({ type: [RoundFileResponse], description: 'Once the invitation is accepted' })
  files: RoundFileResponse[];

  @ApiProperty({ type: [ReviewQuestionResponse] })
  questions: ReviewQuestionResponse[];

  @ApiProperty({ type: ReviewResponse, nullable: true })
  review: ReviewResponse | null;

  @ApiProperty({ type: [OwnReviewFileResponse], description: 'Once the invitation is accepted' })
  reviewFiles: OwnReviewFileResponse[];
}

export class InvitationAnswerResponse {
  @ApiProperty({ format: 'uuid', description: 'The assignment' })
  id: string;

  @ApiProperty({ enum: ['accepted', 'declined'] })
  status: 'accepted' | 'declined';
}

class InvitationMetadataResponse {
  @ApiProperty({ enum: ['ar', 'en', 'fr'] })
  locale: Locale;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  abstract: string | null;

  @ApiProperty({ type: [String] })
  keywords: string[];
}

/** What the invitation link shows before any sign-in: no author, no file. */
export class InvitationDescriptionResponse {
  @ApiProperty({ type: JournalNameResponse })
  journal: JournalNameResponse;

  @ApiProperty({ type: SectionNameResponse, description: 'The section the submission is in' })
  section: SectionNameResponse;

  @ApiProperty()
  round: number;

  @ApiProperty({ enum: REVIEW_METHODS })
  method: ReviewMethod;

  @ApiProperty({ format: 'date-time' })
  responseDueAt: Date;

  @ApiProperty({ format: 'date-time' })
  reviewDueAt: Date;

  @ApiProperty()
  personalMessage: string;

  @ApiProperty({ type: [InvitationMetadataResponse] })
  metadata: InvitationMetadataResponse[];
}

export interface DashboardItem {
  assignment: ReviewAssignment;
  titles: Record<string, string>;
  /** The section's titles by language (never names an author). */
  section: LocalizedText;
}

export function toReviewerDashboardResponse(
  dashboard: Record<'invitations' | 'active' | 'completed', DashboardItem[]>,
  now = new Date(),
): ReviewerDashboardResponse {
  const item = ({ assignment, titles, section }: DashboardItem): ReviewerDashboardItemResponse => ({
    id: assignment.id,
    journal: { slug: assignment.journal!.slug, titles: assignment.journal!.titles },
    titles,
    section: { titles: section },
    round: assignment.round!.number,
    method: assignment.method,
    status: assignmentStatus(assignment, now),
    responseDueAt: assignment.responseDueAt,
    reviewDueAt: assignment.reviewDueAt,
    completedAt: assignment.completedAt,
  });
  return {
    invitations: dashboard.invitations.map(item),
    active: dashboard.active.map(item),
    completed: dashboard.completed.map(item),
  };
}

/** What a reviewer's page shows of their assignment (see ReviewerDashboard.view). */
export interface ReviewerAssignmentView {
  assignment: ReviewAssignment;
  round: number;
  journal: { slug: string; titles: LocalizedText };
  submission: {
    locale: Locale;
    sectionId: string;
    metadata: MetadataRow[];
    contributors: BylineRow[] | null;
  };
  files: RoundFile[];
  questions: ReviewFormQuestion[];
  review: Review | null;
  reviewFiles: ReviewFile[];
}

export function toReviewerAssignmentViewResponse(
  view: ReviewerAssignmentView,
): ReviewerAssignmentViewResponse {
  const { assignment, submission } = view;
  return {
    assignment: {
      id: assignment.id,
      status: assignmentStatus(assignment),
      method: assignment.method,
      round: view.round,
      responseDueAt: assignment.responseDueAt,
      reviewDueAt: assignment.reviewDueAt,
      personalMessage: assignment.personalMessage,
    },
    journal: { slug: view.journal.slug, titles: view.journal.titles },
    submission: {
      locale: submission.locale,
      sectionId: submission.sectionId,
      metadata: submission.metadata.map(({ locale, title, subtitle, abstract, keywords }) => ({
        locale,
        title,
        subtitle,
        abstract,
        keywords,
      })),
      contributors:
        submission.contributors?.map(({ names, affiliation, country }) => ({
          names,
          affiliation,
          country,
        })) ?? null,
    },
    // Neutral names only: the uploaded names and storage keys stay with the editors.
    files: view.files.map(({ id, genre, name, mediaType, size }) => ({
      id,
      genre,
      name,
      mediaType,
      size,
    })),
    questions: view.questions.map(toReviewQuestionResponse),
    review: view.review ? toReviewResponse(view.review) : null,
    reviewFiles: view.reviewFiles.map(
      ({ id, originalName, mediaType, size, shareWithAuthor, anonymisation }) => ({
        id,
        originalName,
        mediaType,
        size,
        shareWithAuthor,
        anonymisation: toAnonymisationReportResponse(anonymisation),
      }),
    ),
  };
}

export interface InvitationDescription {
  assignment: ReviewAssignment;
  round: number;
  journal: { slug: string; titles: LocalizedText };
  section: { titles: LocalizedText };
  metadata: MetadataRow[];
}

export function toInvitationDescriptionResponse(
  invitation: InvitationDescription,
): InvitationDescriptionResponse {
  const { assignment } = invitation;
  return {
    journal: { slug: invitation.journal.slug, titles: invitation.journal.titles },
    section: { titles: invitation.section.titles },
    round: invitation.round,
    method: assignment.method,
    responseDueAt: assignment.responseDueAt,
    reviewDueAt: assignment.reviewDueAt,
    personalMessage: assignment.personalMessage,
    metadata: invitation.metadata.map(({ locale, title, abstract, keywords }) => ({
      locale,
      title,
      abstract,
      keywords,
    })),
  };
}

export function toInvitationAnswerResponse(answer: {
  id: string;
  status: 'accepted' | 'declined';
}): InvitationAnswerResponse {
  return { id: answer.id, status: answer.status };
}
