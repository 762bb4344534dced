import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppRedis } from '../../redis/redis.module';
import { isWizardStep, WIZARD_STEPS, type WizardStep } from './wizard-steps';

/** How long a draft's progress is remembered after its last save. */
const PROGRESS_TTL_SECONDS = 180 * 24 * 3600;
/** How long a start form's key stays good, and how long a second sending waits for the first. */
const START_KEY_TTL_SECONDS = 24 * 3600;
const START_WAIT_MS = 10_000;
const PENDING = 'pending';

/** What the wizard remembers of a draft: the steps saved, and the last one. */
export interface WizardProgress {
  saved: Set<WizardStep>;
  last: WizardStep | null;
}

/**
 * The wizard's own memory, in Redis, beside the draft the API keeps: which steps the author has
 * saved (so that a half-finished submission resumes after the last of them), and the one-time
 * keys of start forms (so that a start form sent twice makes one draft). Neither is part of the
 * submission: while Redis is unreachable the wizard still works, resuming at the first step
 * with something missing, and a start form sent twice may then make two drafts.
 */
@Injectable()
export class WizardMemory {
  private readonly logger = new Logger(WizardMemory.name);

  constructor(private readonly redis: AppRedis) {}

  async progress(submissionId: string): Promise<WizardProgress> {
    const fields = await this.safely(
      () => this.redis.client.hgetall(progressKey(submissionId)),
      {} as Record<string, string>,
    );
    const last = fields.last;
    return {
      saved: new Set(WIZARD_STEPS.filter((step) => fields[step] === '1')),
      last: isWizardStep(last) ? last : null,
    };
  }

  async saved(submissionId: string, step: WizardStep): Promise<void> {
    const key = progressKey(submissionId);
    await this.safely(async () => {
      await this.redis.client
        .multi()
        .hset(key, step, '1', 'last', step)
        .expire(key, PROGRESS_TTL_SECONDS)
        .exec();
    }, undefined);
  }

  /** A fresh key for a start form: the draft it makes is found again by it. */
  startKey(): string {
    return randomUUID();
  }

  /**
   * The draft a start form with this key made, or made meanwhile by a sending still under way
   * (waited for); null when this sending is the first, which must then call `started`.
   */
  async claimStart(userId: string, formKey: string): Promise<string | null> {
    const key = startKey(userId, formKey);
    const deadline = Date.now() + START_WAIT_MS;
    for (;;) {
      const first = await this.safely(
        () => this.redis.client.set(key, PENDING, 'EX', START_KEY_TTL_SECONDS, 'NX'),
        'OK' as const,
      );
      if (first === 'OK') return null;
      const value = await this.safely(() => this.redis.client.get(key), null);
      if (value && value !== PENDING) return value;
      // Still being made by the first sending (or it failed and let the key go: try again).
      if (Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Records the draft the first sending of `formKey` made. */
  async started(userId: string, formKey: string, submissionId: string): Promise<void> {
    await this.safely(async () => {
      await this.redis.client.set(
        startKey(userId, formKey),
        submissionId,
        'EX',
        START_KEY_TTL_SECONDS,
      );
    }, undefined);
  }

  /** The first sending was refused: a corrected form may use the same key. */
  async release(userId: string, formKey: string): Promise<void> {
    await this.safely(async () => {
      await this.redis.client.del(startKey(userId, formKey));
    }, undefined);
  }

  private async safely<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.logger.warn(`the wizard's memory is unavailable: ${(error as Error).message}`);
      return fallback;
    }
  }
}

const progressKey = (submissionId: string) => `web:submit:${submissionId}`;
const startKey = (userId: string, formKey: string) => `web:submit-start:${userId}:${formKey}`;
