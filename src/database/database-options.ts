import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Resolved relative to this file so the same globs work from src/ (ts-jest) and dist/src/ (node).
const ROOT = join(__dirname, '..', '..');
const EXT = __filename.endsWith('.ts') ? 'ts' : 'js';

export const ENTITY_GLOB = join(ROOT, 'src', '**', `*.entity.${EXT}`);
export const MIGRATION_GLOB = join(ROOT, 'migrations', `*.${EXT}`);

/**
 * The one definition of how Tahkim talks to PostgreSQL, shared by the Nest app, the worker,
 * the TypeORM CLI (data-source.ts) and the tests. The schema is owned by the migrations:
 * synchronize is never on.
 */
export function databaseOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ENTITY_GLOB],
    migrations: [MIGRATION_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install or be allowed to.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'tahkim',
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
