import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, dropDatabase, ensureDatabase } from '../../src/cli/local-services';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { deleteKeysWithPrefix } from '../../src/redis/delete-keys';

export interface TestEnvironment {
  config: AppConfig;
  databaseName: string;
  /** Builds a config for this file's database and prefix with other variables changed. */
  configWith(overrides: Record<string, string>): AppConfig;
  cleanup(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the e2e tests through jest (global-setup.ts)`);
  return value;
}

/**
 * A database cloned from the migrated template, a Redis key prefix and temp folders, all
 * private to one test file; cleanup() removes them.
 */
export async function createTestEnvironment(
  overrides: Record<string, string> = {},
): Promise<TestEnvironment> {
  const runId = required('TAHKIM_TEST_RUN_ID');
  const server = required('TAHKIM_TEST_POSTGRES');
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `tahkim_test_${runId}_${suffix}`;
  await ensureDatabase(server, databaseName, required('TAHKIM_TEST_TEMPLATE_DB'));
  const scratch = mkdtempSync(join(tmpdir(), 'tahkim-test-'));
  const redisUrl = required('TAHKIM_TEST_REDIS_URL');
  const prefix = `tahkim-test-${runId}-${suffix}`;

  const base: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(server, databaseName),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    MIGRATE_ON_START: 'false',
    PUBLIC_URL: 'http://journals.test',
    STORAGE_LOCAL_DIR: join(scratch, 'files'),
    MAIL_DIR: join(scratch, 'mail'),
    WORKER_HEARTBEAT_FILE: join(scratch, 'worker-heartbeat'),
    // Errors only: an unexpected 500 shows its stack in the test output.
    LOG_LEVEL: 'error',
    OUTBOX_POLL_INTERVAL_MS: '100',
  };
  const configWith = (more: Record<string, string>) =>
    loadConfig({ ...base, ...overrides, ...more } as NodeJS.ProcessEnv);

  return {
    config: configWith({}),
    databaseName,
    configWith,
    cleanup: async () => {
      await dropDatabase(server, databaseName);
      await deleteKeysWithPrefix(redisUrl, prefix);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
