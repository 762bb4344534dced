import { Client } from 'pg';
import { databaseUrl } from '../../src/cli/local-services';

/** Drops this run's databases (the template and any a crashed test file left) and services. */
export default async function globalTeardown(): Promise<void> {
  const server = process.env.TAHKIM_TEST_POSTGRES;
  const runId = process.env.TAHKIM_TEST_RUN_ID;
  if (server && runId) {
    const client = new Client({ connectionString: databaseUrl(server, 'postgres') });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`tahkim_test_${runId}_%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  }
  await globalThis.__TAHKIM_TEST_SERVICES__?.stop();
}
