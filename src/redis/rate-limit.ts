import { Logger, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '../config/app-config';
import type { AppRedis } from './redis.module';

const AUTH_RATE_LIMITED = 'tahkim:auth-rate-limited';
/** The window of the per-IP limit on anonymous auth requests. */
export const AUTH_RATE_WINDOW_MS = 15 * 60 * 1000;

/** Marks a route (sign-in, registration, reset…) for the stricter per-IP `auth` limit. */
export const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMITED, true);

/**
 * Rate limits protect the API; they must not take it down. While Redis is unreachable every
 * limit lets requests through (and the outage is logged, at most every 10 s per limit), instead
 * of every request failing. Used by the per-IP route limits below and by the sign-in throttle
 * and email caps of src/accounts.
 */
export class FailOpen {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  constructor(private readonly what: string) {}

  /** The result of `operation`, or `fallback` (a pass) when Redis cannot be reached. */
  async run<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (Date.now() - this.lastWarning > 10_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`${this.what} suspended, Redis unavailable: ${(error as Error).message}`);
      }
      return fallback;
    }
  }
}

/** The route limits' storage, failing open (see FailOpen). */
export class FailOpenThrottlerStorage implements ThrottlerStorage {
  private readonly failOpen = new FailOpen('rate limits');

  constructor(private readonly inner: ThrottlerStorage) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    return this.failOpen.run(
      () => this.inner.increment(key, ttl, limit, blockDuration, throttlerName),
      { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 },
    );
  }
}

/**
 * Two per-IP limits, counted in Redis so that every API replica shares them: `default` for
 * every request, and `auth` for the routes marked @AuthRateLimited().
 */
export function throttlerOptions(config: AppConfig, redis: AppRedis): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
      {
        name: 'auth',
        ttl: AUTH_RATE_WINDOW_MS,
        limit: config.AUTH_REQUESTS_PER_IP,
        skipIf: (context: ExecutionContext) =>
          Reflect.getMetadata(AUTH_RATE_LIMITED, context.getHandler()) !== true,
      },
    ],
    storage: new FailOpenThrottlerStorage(new ThrottlerStorageRedisService(redis.client)),
  };
}
