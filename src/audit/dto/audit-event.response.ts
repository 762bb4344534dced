import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page.dto';
import type { AuditEvent } from '../audit-event.entity';

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ enum: ['user', 'operator', 'system'] })
  actorKind: 'user' | 'operator' | 'system';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The IP address of the request' })
  actorIp: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  journalId: string | null;

  @ApiProperty({ example: 'section' })
  objectType: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  objectId: string | null;

  @ApiProperty({ example: 'journal.settings_updated' })
  action: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The fields that changed, as they were',
  })
  before: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The fields that changed, as they became',
  })
  after: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, description: 'The request’s X-Request-Id' })
  correlationId: string | null;
}

export class AuditEventPage extends PageOf(AuditEventResponse) {}

export function toAuditEventResponse(event: AuditEvent): AuditEventResponse {
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    actorKind: event.actorKind,
    actorUserId: event.actorUserId,
    actorIp: event.actorIp,
    journalId: event.journalId,
    objectType: event.objectType,
    objectId: event.objectId,
    action: event.action,
    before: event.before,
    after: event.after,
    correlationId: event.correlationId,
  };
}
