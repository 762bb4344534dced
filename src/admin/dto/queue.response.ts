import { ApiProperty } from '@nestjs/swagger';
import type { Job } from 'bullmq';
import { QueueName } from '../../queue/queue-name.enum';
import type { QueueSummary } from '../admin-queues.service';

/** How many jobs a queue holds in each state the operators watch. */
export class QueueCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  waiting: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  active: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  delayed: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  failed: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  completed: number;
}

export class QueueSummaryResponse {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' })
  name: QueueName;

  @ApiProperty({ type: QueueCountsResponse })
  counts: QueueCountsResponse;
}

export function toQueueSummaryResponse(summary: QueueSummary): QueueSummaryResponse {
  const { waiting, active, delayed, failed, completed } = summary.counts;
  return { name: summary.name, counts: { waiting, active, delayed, failed, completed } };
}

/** A job as operators read it: what it carried, how it went. */
export class QueueJobResponse {
  @ApiProperty({ type: String, required: false, example: 'email-6f1c…' })
  id?: string;

  @ApiProperty({ example: 'send-email' })
  name: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The payload as queued: identifiers only, e.g. `{ outboxMessageId }` or `{ runId }`; `{}` for a scheduled scan',
  })
  data: unknown;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attemptsMade: number;

  @ApiProperty({ type: String, nullable: true, description: 'The error of the last try' })
  failedReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What the job reported when it completed (its outcome), null otherwise',
  })
  returnValue: unknown;
}

export function toQueueJobResponse(job: Job): QueueJobResponse {
  return {
    id: job.id,
    name: job.name,
    data: job.data,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? null,
    createdAt: new Date(job.timestamp).toISOString(),
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    returnValue: job.returnvalue ?? null,
  };
}
