import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { withTimeout } from '../common/async/with-timeout';
import { LivenessResponse, toLivenessResponse } from './dto/liveness.response';
import {
  DependencyStatesResponse,
  ReadinessResponse,
  toReadinessResponse,
} from './dto/readiness.response';
import { QueueName } from '../queue/queue-name.enum';
import { Public } from '../editorial/public';
import { SkipThrottle } from '@nestjs/throttler';

const CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Public()
// Probes come every few seconds from orchestrators: never rate-limited.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  /** A real queue read: proves Redis answers and BullMQ can use it. */
  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      await withTimeout(this.queue.getJobCounts('waiting'), CHECK_TIMEOUT_MS, 'Redis');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency is checked)' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return toLivenessResponse();
  }

  @Get('ready')
  // Documented below: terminus's own schema has a 503 in JSON, where ours is problem+json.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'PostgreSQL and Redis answer; 503 with each one’s state otherwise' })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down (or the process is shutting down): problem details',
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            {
              type: 'object',
              properties: {
                info: { $ref: getSchemaPath(DependencyStatesResponse) },
                error: { $ref: getSchemaPath(DependencyStatesResponse) },
                details: { $ref: getSchemaPath(DependencyStatesResponse) },
              },
            },
          ],
        },
      },
    },
  })
  async ready(): Promise<ReadinessResponse> {
    return toReadinessResponse(
      await this.health.check([
        () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
        () => this.redisCheck(),
      ]),
    );
  }
}
