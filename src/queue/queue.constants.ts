import type { DefaultJobOptions } from 'bullmq';

/** How often a job is tried before it is kept as failed for an administrator to see. */
export const JOB_ATTEMPTS = 6;
/** First retry after this delay, then doubling: 5 s, 10 s, 20 s, 40 s, 80 s. */
export const JOB_BACKOFF_DELAY_MS = 5_000;
/** Completed jobs are kept a day (so a re-added deterministic jobId is still deduplicated)… */
export const COMPLETED_JOB_RETENTION = { age: 24 * 60 * 60, count: 10_000 };
/** …and failed jobs for 30 days, visible through the admin queue API. */
export const FAILED_JOB_RETENTION = { age: 30 * 24 * 60 * 60 };
/** How long a running job may take to finish when the worker is asked to stop. */
export const WORKER_SHUTDOWN_GRACE_MS = 30_000;

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_DELAY_MS },
  removeOnComplete: COMPLETED_JOB_RETENTION,
  removeOnFail: FAILED_JOB_RETENTION,
};
