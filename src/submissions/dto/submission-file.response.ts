import { ApiProperty } from '@nestjs/swagger';
import {
  ANONYMISATION_REPORT,
  type AnonymisationReportResponse,
  toAnonymisationReportResponse,
} from '../../anonymisation/dto/anonymisation-report.response';
import {
  FILE_GENRES,
  type FileGenre,
  STAGE_FILE_GENRES,
  type SubmissionFile,
} from '../entities/submission-file.entity';

/** One file of a submission, as its author and its editors see it. */
export class SubmissionFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ enum: [...FILE_GENRES, ...STAGE_FILE_GENRES] })
  genre: FileGenre;

  @ApiProperty({ description: 'The manuscript version it belongs to (1 at first submission)' })
  version: number;

  @ApiProperty({ description: 'Where the original is stored (its SHA-256)' })
  storageKey: string;

  @ApiProperty()
  sha256: string;

  @ApiProperty({ description: 'In bytes' })
  size: number;

  @ApiProperty({ description: 'Decided from the content, never from the name' })
  mediaType: string;

  @ApiProperty({ description: 'As uploaded; shown, never used as a path' })
  originalName: string;

  @ApiProperty({ format: 'uuid' })
  uploadedBy: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The cleaned copy double-anonymous reviewers receive; null when none was made',
  })
  anonymisedKey: string | null;

  @ApiProperty({
    ...ANONYMISATION_REPORT,
    description:
      'The anonymisation report: what the copy had removed (removed, summary, embeddedCleaned), names left in its text (nameWarnings), whether all its text could be searched (bodyTextChecked, unreadText); or only heldReason',
  })
  anonymisation: AnonymisationReportResponse | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the file could not be cleaned: held back from double-anonymous reviewers',
  })
  heldReason: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When an editor released the held file to reviewers',
  })
  releasedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  releasedBy: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toSubmissionFileResponse(file: SubmissionFile): SubmissionFileResponse {
  return {
    id: file.id,
    submissionId: file.submissionId,
    genre: file.genre,
    version: file.version,
    storageKey: file.storageKey,
    sha256: file.sha256,
    size: file.size,
    mediaType: file.mediaType,
    originalName: file.originalName,
    uploadedBy: file.uploadedBy,
    anonymisedKey: file.anonymisedKey ?? null,
    anonymisation: toAnonymisationReportResponse(file.anonymisation),
    heldReason: file.heldReason ?? null,
    releasedAt: file.releasedAt ?? null,
    releasedBy: file.releasedBy ?? null,
    createdAt: file.createdAt,
  };
}
