import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { WORKER_SHUTDOWN_GRACE_MS } from './queue/queue.constants';
import { WorkerModule } from './worker.module';

/**
 * The BullMQ worker: a Nest application context without HTTP. On SIGTERM/SIGINT Nest's shutdown
 * hooks stop the outbox relay, then close the workers, which lets running jobs finish.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // A job stuck past the grace period must not keep the container from stopping.
      setTimeout(() => process.exit(1), WORKER_SHUTDOWN_GRACE_MS).unref();
    });
  }
  console.log('Tahkim worker started');
}

void main();
