import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { QueueName } from '../queue/queue-name.enum';
import { AdminQueuesService } from './admin-queues.service';
import { QueueJobsQuery } from './dto/queue-jobs.query';
import {
  QueueJobResponse,
  QueueSummaryResponse,
  toQueueJobResponse,
  toQueueSummaryResponse,
} from './dto/queue.response';
import { SiteAdminOnly } from '../editorial/journal-access';

@ApiTags('admin')
@ApiBearerAuth()
@SiteAdminOnly()
@Controller('admin/queues')
export class AdminQueuesController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Get()
  @ApiOperation({ summary: 'Job counts per queue and state' })
  @ApiOkResponse({ type: [QueueSummaryResponse] })
  async list(): Promise<QueueSummaryResponse[]> {
    return (await this.queues.summaries()).map(toQueueSummaryResponse);
  }

  @Get(':queue/jobs')
  @ApiOperation({ summary: 'Jobs of one queue in one state (failed by default), newest first' })
  @ApiParam({ name: 'queue', enum: QueueName, enumName: 'QueueName' })
  @ApiOkResponse({ type: [QueueJobResponse] })
  @ApiNotFoundResponse({ description: 'No queue of that name' })
  async jobs(
    @Param('queue') queue: string,
    @Query() query: QueueJobsQuery,
  ): Promise<QueueJobResponse[]> {
    return (await this.queues.jobs(queue, query.state, query.start, query.limit)).map(
      toQueueJobResponse,
    );
  }
}
