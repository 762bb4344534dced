import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';

/** One dependency's state. */
export class DependencyStateResponse {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Why it is down (e.g. a timeout)' })
  message?: string;
}

/** The dependencies readiness checks, by name; one is absent where it does not belong. */
export class DependencyStatesResponse {
  @ApiPropertyOptional({ type: DependencyStateResponse, description: 'PostgreSQL' })
  database?: DependencyStateResponse;

  @ApiPropertyOptional({ type: DependencyStateResponse, description: 'Redis, through BullMQ' })
  redis?: DependencyStateResponse;
}

/** The readiness probe's answer when every dependency is up (terminus's shape). */
export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: DependencyStatesResponse, description: 'The dependencies that are up' })
  info: DependencyStatesResponse;

  @ApiProperty({
    type: DependencyStatesResponse,
    description: 'The dependencies that are down: none when ready',
  })
  error: DependencyStatesResponse;

  @ApiProperty({ type: DependencyStatesResponse, description: 'Every dependency’s state' })
  details: DependencyStatesResponse;
}

const state = (
  result: HealthIndicatorResult[string] | undefined,
): DependencyStateResponse | undefined =>
  result && { status: result.status, message: result.message as string | undefined };

const states = (results: Partial<HealthIndicatorResult> | undefined): DependencyStatesResponse => ({
  database: state(results?.database),
  redis: state(results?.redis),
});

/** The result of a check that passed (a failed one is a 503 problem, with the same members). */
export function toReadinessResponse(result: HealthCheckResult): ReadinessResponse {
  return {
    status: 'ok',
    info: states(result.info),
    error: states(result.error),
    details: states(result.details),
  };
}
