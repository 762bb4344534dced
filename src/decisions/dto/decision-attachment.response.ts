import { ApiProperty } from '@nestjs/swagger';
import {
  ANONYMISATION_REPORT,
  type AnonymisationReportResponse,
  toAnonymisationReportResponse,
} from '../../anonymisation/dto/anonymisation-report.response';
import type { DecisionAttachment } from '../decision-attachment.entity';

/** A file attached to a decision letter, as editors see it: never where its content is stored. */
export class DecisionAttachmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The decision whose letter carried it; null while it waits to be sent',
  })
  decisionId: string | null;

  @ApiProperty({ format: 'uuid' })
  uploadedById: string;

  @ApiProperty({ description: 'SHA-256 of the content as stored (the stripped copy)' })
  sha256: string;

  @ApiProperty({ description: 'In bytes' })
  size: number;

  @ApiProperty({ description: 'Decided from the content, never from the name' })
  mediaType: string;

  @ApiProperty({ description: 'The name the editor uploaded it under: the name the author sees' })
  originalName: string;

  @ApiProperty({
    ...ANONYMISATION_REPORT,
    description:
      'The anonymisation report: what was stripped (removed, summary), reviewers still named in the file or its name (nameWarnings), whether all its text could be searched (bodyTextChecked, unreadText)',
  })
  anonymisation: AnonymisationReportResponse | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toDecisionAttachmentResponse(
  attachment: DecisionAttachment,
): DecisionAttachmentResponse {
  return {
    id: attachment.id,
    submissionId: attachment.submissionId,
    decisionId: attachment.decisionId ?? null,
    uploadedById: attachment.uploadedById,
    sha256: attachment.sha256,
    size: attachment.size,
    mediaType: attachment.mediaType,
    originalName: attachment.originalName,
    anonymisation: toAnonymisationReportResponse(attachment.anonymisation),
    createdAt: attachment.createdAt,
  };
}
