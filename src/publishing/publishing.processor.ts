import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueName } from '../queue/queue-name.enum';
import { CrossrefDepositsJob } from './jobs/crossref-deposits.job';
import { DoajExportsJob } from './jobs/doaj-exports.job';
import {
  ScheduledPublicationJob,
  type ScheduledPublicationOutcome,
} from './jobs/scheduled-publication.job';

/** A failed scan is not retried: the next one does the same work. */
const PUBLISHING_SCAN_ATTEMPTS = 1;

/** The scans of the publishing queue, each a job scheduler of its own. */
const SCANS = [ScheduledPublicationJob, CrossrefDepositsJob, DoajExportsJob];

/**
 * The worker's publishing work: on start it (re)declares its scans as BullMQ job schedulers
 * (one schedule in Redis however many workers run): issues whose scheduled time has come, and
 * the indexing exports publications asked for (Crossref, DOAJ). Then it processes them.
 */
@Processor(QueueName.Publishing)
export class PublishingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PublishingProcessor.name);

  constructor(
    private readonly scheduled: ScheduledPublicationJob,
    private readonly deposits: CrossrefDepositsJob,
    private readonly doaj: DoajExportsJob,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Publishing) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const scan of SCANS)
      await this.queue.upsertJobScheduler(
        scan.schedulerId,
        { every: this.config.PUBLICATION_SCAN_INTERVAL_MS },
        { name: scan.jobName, data: scan.data, opts: { attempts: PUBLISHING_SCAN_ATTEMPTS } },
      );
  }

  async process(
    job: Job,
  ): Promise<ScheduledPublicationOutcome | { built: number; failed: number }> {
    switch (job.name) {
      case ScheduledPublicationJob.jobName:
        return this.scheduled.handle();
      case CrossrefDepositsJob.jobName:
        return this.deposits.handle();
      case DoajExportsJob.jobName:
        return this.doaj.handle();
      default:
        throw new UnrecoverableError(`unknown job "${job.name}" on queue ${QueueName.Publishing}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`);
  }
}
