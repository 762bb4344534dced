import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueName } from '../queue/queue-name.enum';
import { TypesetJob, type TypesetJobData, type TypesetOutcome } from './jobs/typeset.job';
import { TypesettingScanJob } from './jobs/typesetting-scan.job';
import { TypesettingRuns } from './typesetting-runs.service';

/** A failed scan is not retried: the next one does the same work. */
const TYPESETTING_SCAN_ATTEMPTS = 1;

/**
 * The worker's typesetting: one job per run (its id is the run's), one at a time per worker
 * (each uses a whole core), and a periodic scan as the safety net for lost enqueues.
 */
@Processor(QueueName.Typesetting, { concurrency: 1 })
export class TypesettingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(TypesettingProcessor.name);

  constructor(
    private readonly typeset: TypesetJob,
    private readonly scan: TypesettingScanJob,
    private readonly runs: TypesettingRuns,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Typesetting) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Runs queued while no worker ran (or Redis was down) start now, not at the first scan.
    await this.runs.requeueStale(0);
    await this.queue.upsertJobScheduler(
      TypesettingScanJob.schedulerId,
      { every: this.config.PUBLICATION_SCAN_INTERVAL_MS },
      {
        name: TypesettingScanJob.jobName,
        data: TypesettingScanJob.data,
        opts: { attempts: TYPESETTING_SCAN_ATTEMPTS },
      },
    );
  }

  async process(job: Job): Promise<TypesetOutcome | { requeued: number }> {
    switch (job.name) {
      case TypesetJob.jobName:
        return this.typeset.handle(
          job.data as TypesetJobData,
          job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        );
      case TypesettingScanJob.jobName:
        return this.scan.handle();
      default:
        throw new UnrecoverableError(`unknown job "${job.name}" on queue ${QueueName.Typesetting}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`);
  }
}
