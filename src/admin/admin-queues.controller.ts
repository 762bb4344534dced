import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminQueuesService, type JobView, type QueueSummary } from './admin-queues.service';
import { QueueJobsQuery } from './dto/queue-jobs.query';
import { SiteAdminOnly } from '../editorial/journal-access';

@ApiTags('admin')
@ApiBearerAuth()
@SiteAdminOnly()
@Controller('admin/queues')
export class AdminQueuesController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Get()
  @ApiOperation({ summary: 'Job counts per queue and state' })
  list(): Promise<QueueSummary[]> {
    return this.queues.summaries();
  }

  @Get(':queue/jobs')
  @ApiOperation({ summary: 'Jobs of one queue in one state (failed by default), newest first' })
  jobs(@Param('queue') queue: string, @Query() query: QueueJobsQuery): Promise<JobView[]> {
    return this.queues.jobs(queue, query.state, query.start, query.limit);
  }
}
