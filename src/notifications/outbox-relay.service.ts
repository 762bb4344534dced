import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { withTimeout } from '../common/async/with-timeout';
import { QueueName } from '../queue/queue-name.enum';
import { SendEmailJob, type SendEmailJobData } from './jobs/send-email.job';
import { OutboxRepository } from './outbox.repository';

/** Rows moved per transaction. */
export const OUTBOX_RELAY_BATCH_SIZE = 100;
/** A queue add that takes longer than this is treated as Redis being unavailable. */
export const OUTBOX_QUEUE_ADD_TIMEOUT_MS = 5_000;

/**
 * Moves committed outbox rows into the notifications queue. Runs in the worker. Rows are claimed
 * with FOR UPDATE SKIP LOCKED (several workers never relay the same row at once) and marked
 * relayed in the same transaction only after Redis accepted the jobs; if Redis is down the
 * transaction rolls back and the rows wait for the next tick. Job ids are deterministic, so a row
 * relayed twice (commit lost after the add) is still one job, and SendEmailJob skips sent mail.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastFailureLogged = 0;

  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxRepository,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Relays one batch; returns how many rows it moved. */
  async relayBatch(): Promise<number> {
    return this.transactions.withTransaction(async () => {
      const ids = await this.outbox.claimUnrelayed(OUTBOX_RELAY_BATCH_SIZE);
      if (ids.length === 0) return 0;
      const jobs = ids.map((id) => ({
        name: SendEmailJob.jobName,
        data: { outboxMessageId: id } satisfies SendEmailJobData,
        opts: { jobId: SendEmailJob.jobId(id) },
      }));
      await withTimeout(this.queue.addBulk(jobs), OUTBOX_QUEUE_ADD_TIMEOUT_MS, 'the queue');
      await this.outbox.markRelayed(ids);
      return ids.length;
    });
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => this.schedule(this.config.OUTBOX_POLL_INTERVAL_MS));
    }, delay);
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === OUTBOX_RELAY_BATCH_SIZE);
    } catch (error) {
      // Redis or PostgreSQL unavailable: the rows stay unrelayed and the next tick retries.
      const now = Date.now();
      if (now - this.lastFailureLogged > 10_000) {
        this.lastFailureLogged = now;
        this.logger.warn(`outbox relay paused: ${(error as Error).message}`);
      }
    }
  }
}
