import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const LISTED_JOB_STATES = ['failed', 'waiting', 'active', 'delayed', 'completed'] as const;
export type ListedJobState = (typeof LISTED_JOB_STATES)[number];

export class QueueJobsQuery {
  @ApiPropertyOptional({ enum: LISTED_JOB_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(LISTED_JOB_STATES)
  state: ListedJobState = 'failed';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    default: 0,
    description: 'Jobs to skip (newest first)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  start = 0;
}
