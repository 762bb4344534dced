import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueName } from '../queue/queue-name.enum';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import {
  ScheduledPublicationJob,
  type ScheduledPublicationOutcome,
} from './jobs/scheduled-publication.job';

/** Builds the indexing exports requested by publications (Crossref, DOAJ), read from the database. */
export const CROSSREF_DEPOSITS_JOB = 'crossref-deposits';
const CROSSREF_DEPOSITS_SCHEDULER = 'crossref-deposits-scan';
export const DOAJ_EXPORTS_JOB = 'doaj-exports';
const DOAJ_EXPORTS_SCHEDULER = 'doaj-exports-scan';

/**
 * The worker's publishing work: on start it (re)declares the scan for scheduled issues as a
 * BullMQ job scheduler (one schedule in Redis however many workers run), then processes it.
 */
@Processor(QueueName.Publishing)
export class PublishingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PublishingProcessor.name);

  constructor(
    private readonly scheduled: ScheduledPublicationJob,
    private readonly deposits: CrossrefDeposits,
    private readonly doaj: DoajExports,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Publishing) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ScheduledPublicationJob.schedulerId,
      { every: this.config.PUBLICATION_SCAN_INTERVAL_MS },
      // A failed scan is not retried: the next one does the same work.
      { name: ScheduledPublicationJob.jobName, data: {}, opts: { attempts: 1 } },
    );
    await this.queue.upsertJobScheduler(
      CROSSREF_DEPOSITS_SCHEDULER,
      { every: this.config.PUBLICATION_SCAN_INTERVAL_MS },
      { name: CROSSREF_DEPOSITS_JOB, data: {}, opts: { attempts: 1 } },
    );
    await this.queue.upsertJobScheduler(
      DOAJ_EXPORTS_SCHEDULER,
      { every: this.config.PUBLICATION_SCAN_INTERVAL_MS },
      { name: DOAJ_EXPORTS_JOB, data: {}, opts: { attempts: 1 } },
    );
  }

  async process(
    job: Job,
  ): Promise<ScheduledPublicationOutcome | { built: number; failed: number }> {
    switch (job.name) {
      case ScheduledPublicationJob.jobName:
        return this.scheduled.handle();
      case CROSSREF_DEPOSITS_JOB:
        return this.deposits.buildPending();
      case DOAJ_EXPORTS_JOB:
        return this.doaj.buildPending();
      default:
        throw new UnrecoverableError(`unknown job "${job.name}" on queue ${QueueName.Publishing}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`);
  }
}
