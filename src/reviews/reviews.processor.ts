import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueName } from '../queue/queue-name.enum';
import {
  REVIEW_REMINDERS_ATTEMPTS,
  ReviewRemindersJob,
  type ReviewRemindersJobData,
  type ReviewRemindersOutcome,
} from './jobs/review-reminders.job';

/**
 * The worker's scheduled review work. On start it (re)declares the reminder scan as a BullMQ
 * job scheduler — one schedule in Redis however many workers run — and then processes it.
 */
@Processor(QueueName.Reviews)
export class ReviewsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReviewsProcessor.name);

  constructor(
    private readonly reminders: ReviewRemindersJob,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Reviews) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ReviewRemindersJob.schedulerId,
      { every: this.config.REMINDER_SCAN_INTERVAL_MS },
      {
        name: ReviewRemindersJob.jobName,
        data: {} satisfies ReviewRemindersJobData,
        opts: { attempts: REVIEW_REMINDERS_ATTEMPTS },
      },
    );
  }

  async process(job: Job): Promise<ReviewRemindersOutcome> {
    switch (job.name) {
      case ReviewRemindersJob.jobName:
        return this.reminders.handle();
      default:
        throw new UnrecoverableError(`unknown job "${job.name}" on queue ${QueueName.Reviews}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`);
  }
}
