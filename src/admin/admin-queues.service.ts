import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { ProblemException } from '../common/http/problem.exception';
import { QueueName } from '../queue/queue-name.enum';
import type { ListedJobState } from './dto/queue-jobs.query';

export interface QueueSummary {
  name: QueueName;
  counts: Record<string, number>;
}

/** A read-only view of the queues for operators: counts and jobs by state, failed ones first. */
@Injectable()
export class AdminQueuesService {
  constructor(private readonly moduleRef: ModuleRef) {}

  async summaries(): Promise<QueueSummary[]> {
    return Promise.all(
      Object.values(QueueName).map(async (name) => ({
        name,
        counts: await this.queue(name).getJobCounts(
          'waiting',
          'active',
          'delayed',
          'failed',
          'completed',
        ),
      })),
    );
  }

  async jobs(name: string, state: ListedJobState, start: number, limit: number): Promise<Job[]> {
    const jobs = await this.queue(name).getJobs([state], start, start + limit - 1, false);
    return jobs.filter(Boolean);
  }

  private queue(name: string): Queue {
    if (!(Object.values(QueueName) as string[]).includes(name)) {
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: `There is no queue named "${name}"`,
      });
    }
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
