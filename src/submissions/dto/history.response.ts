import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { PersonNames } from '../../editorial/people';
import type { HistoryEntry } from '../submission-history.service';
import { EditorRefResponse } from './submission.response';

/** A recorded event of the history. */
export class HistoryEventResponse {
  @ApiProperty({ enum: ['event'] })
  type: 'event';

  @ApiProperty({ format: 'date-time' })
  at: Date;

  @ApiProperty({ example: 'submitted' })
  kind: string;

  @ApiProperty()
  authorVisible: boolean;

  @ApiProperty({
    type: EditorRefResponse,
    nullable: true,
    description: 'Who did it; for authors, only themselves (never an editor or a reviewer)',
  })
  actor: { id: string; names: PersonNames } | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The event’s facts, by kind: ids (fileId, decisionId, assignmentId…), stages (from, to), a decision, a version; `{}` when there are none',
    example: { decision: 'accept', decisionId: '0b9f…', stage: 'review' },
  })
  data: Record<string, unknown>;
}

export class HistoryRecipientResponse {
  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, nullable: true })
  name: string | null;
}

/** An email about the submission, with its delivery. */
export class HistoryEmailResponse {
  @ApiProperty({ enum: ['email'] })
  type: 'email';

  @ApiProperty({ format: 'date-time' })
  at: Date;

  @ApiProperty({ example: 'decision-letter' })
  template: string;

  @ApiProperty({ example: 'ar' })
  locale: string;

  @ApiProperty({ type: HistoryRecipientResponse })
  recipient: HistoryRecipientResponse;

  @ApiProperty({ type: String, nullable: true })
  subject: string | null;

  @ApiProperty({ description: '`queued` until the worker has it; then the delivery’s status' })
  status: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;
}

export type HistoryEntryResponse = HistoryEventResponse | HistoryEmailResponse;

/** `@ApiOkResponse(HISTORY_RESPONSE)`: events and emails, in order. */
export const HISTORY_RESPONSE = {
  description: 'Events and emails, oldest first',
  schema: {
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(HistoryEventResponse) },
        { $ref: getSchemaPath(HistoryEmailResponse) },
      ],
      discriminator: { propertyName: 'type' },
    },
  },
} as const;

/** The models HISTORY_RESPONSE names, for `@ApiExtraModels` on the controller. */
export const HistoryModels = () => ApiExtraModels(HistoryEventResponse, HistoryEmailResponse);

export function toHistoryEntryResponse(entry: HistoryEntry): HistoryEntryResponse {
  if (entry.type === 'email')
    return {
      type: 'email',
      at: entry.at,
      template: entry.template,
      locale: entry.locale,
      recipient: { email: entry.recipient.email, name: entry.recipient.name },
      subject: entry.subject,
      status: entry.status,
      sentAt: entry.sentAt,
    };
  return {
    type: 'event',
    at: entry.at,
    kind: entry.kind,
    authorVisible: entry.authorVisible,
    actor: entry.actor ? { id: entry.actor.id, names: entry.actor.names } : null,
    data: entry.data,
  };
}
