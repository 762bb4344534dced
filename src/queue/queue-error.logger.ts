import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-name.enum';

/**
 * BullMQ queues re-emit Redis connection errors; an EventEmitter 'error' with no listener would
 * crash the process. A Redis outage is an expected, survivable state here: log it and go on
 * (ioredis reconnects by itself; the outbox relay retries).
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queue');
  private lastLogged = 0;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error) => this.log(name, error));
    }
  }

  private log(queue: string, error: Error): void {
    // One line every 10 s at most: a Redis outage would otherwise flood the log.
    const now = Date.now();
    if (now - this.lastLogged < 10_000) return;
    this.lastLogged = now;
    this.logger.warn(`queue ${queue}: ${error.message}`);
  }
}
