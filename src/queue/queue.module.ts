import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { QueueName } from './queue-name.enum';
import { DEFAULT_JOB_OPTIONS } from './queue.constants';
import { QueueErrorLogger } from './queue-error.logger';

const queues = Object.values(QueueName).map((name) =>
  BullModule.registerQueueAsync({
    name,
    inject: [AppConfig],
    // Producers fail fast while Redis is down instead of buffering in memory: the outbox keeps
    // the work and the relay retries, so nothing is lost and nothing waits on a dead socket.
    useFactory: (config: AppConfig) => ({
      connection: { url: config.REDIS_URL, enableOfflineQueue: false },
    }),
  }),
);

/** BullMQ on Redis: connection, key prefix and job defaults shared by the API and the worker. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL },
        prefix: config.REDIS_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    ...queues,
  ],
  providers: [QueueErrorLogger],
  exports: [BullModule],
})
export class QueueModule {}
