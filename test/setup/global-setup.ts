import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  databaseUrl,
  ensureDatabase,
  ensureLocalServices,
  type LocalServices,
} from '../../src/cli/local-services';
import { databaseOptions } from '../../src/database/database-options';
import { runMigrationsLocked } from '../../src/database/run-migrations';

declare global {
  var __TAHKIM_TEST_SERVICES__: LocalServices | undefined;
}

/**
 * Once per `npm test`: find PostgreSQL and Redis the way the demo does, and build a template
 * database with every migration applied. Each test file then clones it (CREATE DATABASE …
 * TEMPLATE), so files never share rows, and uses a Redis key prefix of its own.
 */
export default async function globalSetup(): Promise<void> {
  const services = await ensureLocalServices(join(__dirname, '..', '..', 'var'));
  globalThis.__TAHKIM_TEST_SERVICES__ = services;

  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `tahkim_test_${runId}_template`;
  await ensureDatabase(services.postgresServerUrl, template);
  const dataSource = await new DataSource(
    databaseOptions(databaseUrl(services.postgresServerUrl, template)),
  ).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }

  // Jest starts its workers after this function returns; they inherit these variables.
  process.env.TAHKIM_TEST_RUN_ID = runId;
  process.env.TAHKIM_TEST_POSTGRES = services.postgresServerUrl;
  process.env.TAHKIM_TEST_TEMPLATE_DB = template;
  process.env.TAHKIM_TEST_REDIS_URL = services.redisUrl;
}
