import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, ensureDatabase, type LocalServices } from '../src/cli/local-services';

/** The value at percentile `p` (0–100) of timings sorted in ascending order. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A free TCP port on loopback, for the API (its PUBLIC_URL must name it before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Where a bench runs the API: its database made, a scratch folder, a free port on loopback. */
export interface BenchPlace {
  port: number;
  origin: string;
  scratch: string;
  /** The API's environment there: request logs off, the rate limit never refusing. */
  env: NodeJS.ProcessEnv;
}

/**
 * The place of a bench's API: the database `database` (made if missing) on the local services,
 * Redis keys under `redisPrefix`, files, mail and the heartbeat in a scratch folder of its own.
 */
export async function benchPlace(
  services: LocalServices,
  database: string,
  redisPrefix: string,
): Promise<BenchPlace> {
  await ensureDatabase(services.postgresServerUrl, database);
  const scratch = mkdtempSync(join(tmpdir(), `${redisPrefix}-`));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: origin,
    DATABASE_URL: databaseUrl(services.postgresServerUrl, database),
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: redisPrefix,
    MIGRATE_ON_START: 'false',
    STORAGE: 'local',
    STORAGE_LOCAL_DIR: join(scratch, 'files'),
    MAIL_DIR: join(scratch, 'mail'),
    WORKER_HEARTBEAT_FILE: join(scratch, 'worker-heartbeat'),
    // Request logs off: at thousands of requests a second they would flood the terminal.
    LOG_LEVEL: 'error',
    // The per-IP limit stays in the chain (a Redis round trip per request) but never refuses.
    RATE_LIMIT_PER_MINUTE: '100000000',
  };
  return { port, origin, scratch, env };
}
