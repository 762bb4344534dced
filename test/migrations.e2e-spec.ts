import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseUrl, dropDatabase, ensureDatabase } from '../src/cli/local-services';
import { databaseOptions } from '../src/database/database-options';
import { runMigrationsLocked } from '../src/database/run-migrations';

/** Every migration must apply to an empty database and revert cleanly, in order. */
describe('migrations', () => {
  const server = process.env.TAHKIM_TEST_POSTGRES!;
  const name = `tahkim_test_${process.env.TAHKIM_TEST_RUN_ID}_empty_${randomBytes(3).toString('hex')}`;
  let dataSource: DataSource;

  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name`,
      )
    ).map((row: { table_name: string }) => row.table_name);

  beforeAll(async () => {
    await ensureDatabase(server, name);
    dataSource = await new DataSource(databaseOptions(databaseUrl(server, name))).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(server, name);
  });

  it('apply to an empty database', async () => {
    expect(await tables()).toEqual([]);
    const applied = await runMigrationsLocked(dataSource);
    expect(applied.length).toBe(dataSource.migrations.length);
    expect(await tables()).toEqual(
      expect.arrayContaining(['email_deliveries', 'journals', 'outbox_messages']),
    );
  });

  it('leave the schema exactly as the entities describe it', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('use timestamptz for every timestamp and uuid primary keys', async () => {
    const naive = await dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
    );
    expect(naive).toEqual([]);
    const keys = await dataSource.query(
      `SELECT c.table_name, c.data_type FROM information_schema.table_constraints t
         JOIN information_schema.key_column_usage k USING (constraint_name, table_schema, table_name)
         JOIN information_schema.columns c ON c.table_name = k.table_name AND c.column_name = k.column_name
        WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = 'public' AND t.table_name <> 'migrations'`,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key: { data_type: string }) => key.data_type === 'uuid')).toBe(true);
  });

  it('is a no-op when run again', async () => {
    expect(await runMigrationsLocked(dataSource)).toEqual([]);
  });

  it('revert one by one down to an empty database', async () => {
    for (let i = 0; i < dataSource.migrations.length; i++) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables()).toEqual([]);
    expect(await dataSource.query('SELECT * FROM migrations')).toEqual([]);
  });

  it('apply again after a full revert', async () => {
    await runMigrationsLocked(dataSource);
    expect(await tables()).toEqual(
      expect.arrayContaining(['email_deliveries', 'journals', 'outbox_messages']),
    );
  });
});
