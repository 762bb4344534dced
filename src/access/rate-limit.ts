import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '../config/app-config';
import type { AppRedis } from '../redis/redis.module';

const AUTH_RATE_LIMITED = 'tahkim:auth-rate-limited';
/** The window of the per-IP limit on anonymous auth requests. */
export const AUTH_RATE_WINDOW_MS = 15 * 60 * 1000;

/** Marks a route (sign-in, registration, reset…) for the stricter per-IP `auth` limit. */
export const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMITED, true);

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
    storage: new ThrottlerStorageRedisService(redis.client),
  };
}
