import { ApiProperty } from '@nestjs/swagger';
import { PersonNamesResponse } from '../../accounts';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { PageOf } from '../../common/pagination/page.dto';
import type { PersonNames } from '../../editorial/people';
import { SUBMISSION_STAGES, type SubmissionStage } from '../../editorial/stages/stage-transitions';
import type { CopyrightTerms } from '../copyright-terms';
import {
  CONTRIBUTOR_ROLES,
  type Contributor,
  type ContributorRole,
} from '../entities/contributor.entity';
import type { CopyrightAgreement } from '../entities/copyright-agreement.entity';
import type { SubmissionEvent } from '../entities/submission-event.entity';
import type { SubmissionMetadata } from '../entities/submission-metadata.entity';
import type { Submission } from '../entities/submission.entity';
import type { SubmissionDetails } from '../submissions.repository';
import { SubmissionFileResponse, toSubmissionFileResponse } from './submission-file.response';

export class SubmissionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  journalId: string;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ format: 'uuid' })
  submitterId: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'VOL-2026-0042',
    description: 'Given at submission',
  })
  number: string | null;

  @ApiProperty({ enum: SUBMISSION_STAGES })
  stage: SubmissionStage;

  @ApiProperty({ enum: SUPPORTED_LOCALES, description: 'The manuscript’s language' })
  locale: Locale;

  @ApiProperty({ type: String, nullable: true })
  funding: string | null;

  @ApiProperty({ type: String, nullable: true })
  competingInterests: string | null;

  @ApiProperty({ type: String, nullable: true })
  dataAvailability: string | null;

  @ApiProperty({ type: [String], description: 'One reference per entry' })
  references: string[];

  @ApiProperty({ type: String, nullable: true })
  commentsToEditor: string | null;

  @ApiProperty({ type: [String], description: 'Ids of the confirmed checklist items' })
  checklistConfirmed: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: Date | null;

  @ApiProperty({ description: 'The manuscript version editors and reviewers work on' })
  currentVersion: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawalReason: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The file marked galley-ready',
  })
  galleySourceFileId: string | null;

  @ApiProperty({ description: 'Send it back with changes that must not overwrite another’s' })
  lockVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export class SubmissionPage extends PageOf(SubmissionResponse) {}

export function toSubmissionResponse(submission: Submission): SubmissionResponse {
  return {
    id: submission.id,
    journalId: submission.journalId,
    sectionId: submission.sectionId,
    submitterId: submission.submitterId,
    number: submission.number ?? null,
    stage: submission.stage,
    locale: submission.locale,
    funding: submission.funding ?? null,
    competingInterests: submission.competingInterests ?? null,
    dataAvailability: submission.dataAvailability ?? null,
    references: submission.references,
    commentsToEditor: submission.commentsToEditor ?? null,
    checklistConfirmed: submission.checklistConfirmed,
    submittedAt: submission.submittedAt ?? null,
    currentVersion: submission.currentVersion,
    withdrawnAt: submission.withdrawnAt ?? null,
    withdrawalReason: submission.withdrawalReason ?? null,
    galleySourceFileId: submission.galleySourceFileId ?? null,
    lockVersion: submission.lockVersion,
    createdAt: submission.createdAt,
    updatedAt: submission.updatedAt,
  };
}

export class SubmissionMetadataResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
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

export function toSubmissionMetadataResponse(
  metadata: SubmissionMetadata,
): SubmissionMetadataResponse {
  return {
    id: metadata.id,
    submissionId: metadata.submissionId,
    locale: metadata.locale,
    title: metadata.title,
    subtitle: metadata.subtitle,
    abstract: metadata.abstract,
    keywords: metadata.keywords,
  };
}

export class ContributorResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ description: 'Place in the byline, from 0' })
  seq: number;

  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNames;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, nullable: true })
  affiliation: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'MA' })
  country: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0000-0002-1825-0097' })
  orcid: string | null;

  @ApiProperty({ enum: CONTRIBUTOR_ROLES })
  role: ContributorRole;

  @ApiProperty()
  corresponding: boolean;

  @ApiProperty()
  inByline: boolean;
}

export function toContributorResponse(contributor: Contributor): ContributorResponse {
  return {
    id: contributor.id,
    submissionId: contributor.submissionId,
    seq: contributor.seq,
    names: contributor.names,
    email: contributor.email,
    affiliation: contributor.affiliation ?? null,
    country: contributor.country ?? null,
    orcid: contributor.orcid ?? null,
    role: contributor.role,
    corresponding: contributor.corresponding,
    inByline: contributor.inByline,
  };
}

export class CopyrightTermsResponse {
  @ApiProperty({ enum: SUPPORTED_LOCALES })
  locale: Locale;

  @ApiProperty({ description: 'The terms to agree to, in that language' })
  text: string;

  @ApiProperty({ description: 'Send it back with the agreement (SHA-256 of the text)' })
  termsVersion: string;

  @ApiProperty()
  licenceUrl: string;
}

export function toCopyrightTermsResponse(terms: CopyrightTerms): CopyrightTermsResponse {
  return {
    locale: terms.locale,
    text: terms.text,
    termsVersion: terms.termsVersion,
    licenceUrl: terms.licenceUrl,
  };
}

export class CopyrightAgreementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ description: 'The terms as shown, in the language they were shown in' })
  termsText: string;

  @ApiProperty()
  termsVersion: string;

  @ApiProperty()
  licenceUrl: string;

  @ApiProperty({ type: String, nullable: true, description: 'The address it was agreed from' })
  ip: string | null;

  @ApiProperty({ format: 'date-time' })
  agreedAt: Date;
}

export function toCopyrightAgreementResponse(
  agreement: CopyrightAgreement,
): CopyrightAgreementResponse {
  return {
    id: agreement.id,
    submissionId: agreement.submissionId,
    userId: agreement.userId,
    termsText: agreement.termsText,
    termsVersion: agreement.termsVersion,
    licenceUrl: agreement.licenceUrl,
    ip: agreement.ip ?? null,
    agreedAt: agreement.agreedAt,
  };
}

export class SubmissionEventResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({ example: 'submitted' })
  kind: string;

  @ApiProperty()
  authorVisible: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s facts' })
  data: Record<string, unknown>;
}

export function toSubmissionEventResponse(event: SubmissionEvent): SubmissionEventResponse {
  return {
    id: event.id,
    submissionId: event.submissionId,
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    kind: event.kind,
    authorVisible: event.authorVisible,
    data: event.data,
  };
}

/** What hangs off a submission, in the author's and the editors' views alike. */
class SubmissionDetailsResponse {
  @ApiProperty({ type: [SubmissionMetadataResponse] })
  metadata: SubmissionMetadataResponse[];

  @ApiProperty({ type: [ContributorResponse], description: 'In byline order' })
  contributors: ContributorResponse[];

  @ApiProperty({ type: [SubmissionFileResponse] })
  files: SubmissionFileResponse[];

  @ApiProperty({ type: CopyrightAgreementResponse, nullable: true })
  agreement: CopyrightAgreementResponse | null;

  @ApiProperty({ type: [SubmissionEventResponse], description: 'Oldest first' })
  events: SubmissionEventResponse[];
}

function toDetailsResponse(details: SubmissionDetails): SubmissionDetailsResponse {
  return {
    metadata: details.metadata.map(toSubmissionMetadataResponse),
    contributors: details.contributors.map(toContributorResponse),
    files: details.files.map(toSubmissionFileResponse),
    agreement: details.agreement ? toCopyrightAgreementResponse(details.agreement) : null,
    events: details.events.map(toSubmissionEventResponse),
  };
}

/** The author's status page. */
export class SubmissionStatusResponse extends SubmissionDetailsResponse {
  @ApiProperty({ type: SubmissionResponse })
  submission: SubmissionResponse;

  @ApiProperty({
    type: [String],
    description: 'What is still to do: what a draft lacks, revisions asked for',
  })
  tasks: string[];
}

export function toSubmissionStatusResponse(
  view: SubmissionDetails & { submission: Submission; tasks: string[] },
): SubmissionStatusResponse {
  return {
    submission: toSubmissionResponse(view.submission),
    ...toDetailsResponse(view),
    tasks: view.tasks,
  };
}

export class EditorRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNames;
}

/** A submission as its editors see it: everything, the whole history included. */
export class EditorialSubmissionResponse extends SubmissionDetailsResponse {
  @ApiProperty({ type: SubmissionResponse })
  submission: SubmissionResponse;

  @ApiProperty({ type: [EditorRefResponse], description: 'Its assigned editors' })
  editors: EditorRefResponse[];
}

export function toEditorialSubmissionResponse(
  view: SubmissionDetails & {
    submission: Submission;
    editors: { id: string; names: PersonNames }[];
  },
): EditorialSubmissionResponse {
  return {
    submission: toSubmissionResponse(view.submission),
    ...toDetailsResponse(view),
    editors: view.editors.map((editor) => ({ id: editor.id, names: editor.names })),
  };
}
