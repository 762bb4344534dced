import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options';

// Any fixed number: it names the lock that serialises migrations across processes.
const MIGRATION_LOCK_ID = 7_140_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so several API replicas
 * starting together apply each migration exactly once. Returns the names applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** Migrates the database at `url` (with the lock above) and disconnects; the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = await new DataSource(databaseOptions(url)).initialize();
  try {
    return await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
