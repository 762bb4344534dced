import type { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { FileStorage } from '../../storage/file-storage';
import {
  checkAgainstSchema,
  type ExportSchema,
  type SchemaError,
  SchemaInvalidError,
} from './schema-validation';

/** The tables of exports built by the worker: a row per request, `pending` until built. */
export type ExportTable = 'crossref_deposits' | 'doaj_exports';

/** One kind of export: where its rows are, the schema its files must pass, how one is rendered. */
export interface ExportKind {
  table: ExportTable;
  schema: ExportSchema;
  render: (manager: EntityManager, id: string) => Promise<{ xml: string; articles: number }>;
  /** What the editors can do about these schema errors, said before them; none if nothing. */
  advise?: (errors: readonly SchemaError[]) => string | undefined;
}

/**
 * Builds every pending export of one kind, one at a time, each row claimed with SKIP LOCKED so
 * that two workers never build the same one: the XML is rendered, checked against the official
 * schema, stored, and the row marked built. A file the schema refuses is never stored or offered:
 * the row is marked failed with the first errors as its reason, as is any other failure, for the
 * editors, who can ask again.
 */
export async function buildPendingExports(
  dataSource: DataSource,
  storage: FileStorage,
  logger: Logger,
  kind: ExportKind,
): Promise<{ built: number; failed: number }> {
  const { table, schema } = kind;
  let built = 0;
  let failed = 0;
  for (;;) {
    const outcome = await dataSource.transaction(async (manager) => {
      const [row]: { id: string }[] = await manager.query(
        `SELECT id FROM ${table} WHERE status = 'pending'
          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return null;
      try {
        const { xml, articles } = await kind.render(manager, row.id);
        const started = performance.now();
        const check = await checkAgainstSchema(schema, xml);
        const took = Math.round(performance.now() - started);
        if (!check.valid)
          throw new SchemaInvalidError(schema, check.errors, kind.advise?.(check.errors));
        logger.debug(`${table} ${row.id}: valid against ${schema.label} (${took} ms)`);
        const stored = await storage.put(Readable.from(Buffer.from(xml, 'utf8')));
        await manager.query(
          `UPDATE ${table} SET status = 'built', storage_key = $2, sha256 = $3, articles = $4,
                  built_at = now(), error = NULL
            WHERE id = $1`,
          [row.id, stored.key, stored.sha256, articles],
        );
        return 'built' as const;
      } catch (error) {
        logger.error(`${table} ${row.id} failed: ${(error as Error).message}`);
        await manager.query(`UPDATE ${table} SET status = 'failed', error = $2 WHERE id = $1`, [
          row.id,
          (error as Error).message,
        ]);
        return 'failed' as const;
      }
    });
    if (outcome === null) return { built, failed };
    if (outcome === 'built') built += 1;
    else failed += 1;
  }
}
