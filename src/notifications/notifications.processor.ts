import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueName } from '../queue/queue-name.enum';
import { JobOutcome, SendEmailJob, SendEmailJobData } from './jobs/send-email.job';

/** Runs the notifications queue in the worker process: one job class per job name. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly sendEmail: SendEmailJob,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<JobOutcome> {
    const attempt = { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 };
    switch (job.name) {
      case SendEmailJob.jobName:
        return this.sendEmail.handle(job.data as SendEmailJobData, attempt);
      default:
        throw new UnrecoverableError(
          `unknown job "${job.name}" on queue ${QueueName.Notifications}`,
        );
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      `job ${job?.name} ${job?.id} failed (try ${job?.attemptsMade}): ${error.message}`,
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker error: ${error.message}`);
  }
}
