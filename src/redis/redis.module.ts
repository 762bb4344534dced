import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * A plain Redis client for the app's own keys (rate limits, login failure counters), under
 * `<REDIS_PREFIX>:app:` so they never mix with BullMQ's keys or another installation's.
 */
@Injectable()
export class AppRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.client = new Redis(config.REDIS_URL, {
      keyPrefix: `${config.REDIS_PREFIX}:app:`,
      // Fail a command fast while Redis is down instead of queueing it in memory.
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    // An outage is reported by the health check and by the failing request: no crash here.
    this.client.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}

@Global()
@Module({ providers: [AppRedis], exports: [AppRedis] })
export class RedisModule {}
