import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { WorkerModule } from '../../src/worker.module';

/** The worker process's module tree, started in the test process (as src/worker.ts does). */
export async function startWorker(config: AppConfig): Promise<{
  worker: INestApplicationContext;
  dataSource: DataSource;
}> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: false,
  });
  await worker.init();
  return { worker, dataSource: worker.get<DataSource>(getDataSourceToken()) };
}

/** Polls `check` until it returns a truthy value; rejects after timeoutMs. */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
