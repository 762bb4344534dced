import type { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { FileStorage } from '../../storage/file-storage';

/** The tables of exports built by the worker: a row per request, `pending` until built. */
export type ExportTable = 'crossref_deposits' | 'doaj_exports';

/**
 * Builds every pending export of one kind, one at a time, each row claimed with SKIP LOCKED so
 * that two workers never build the same one: the XML is rendered, stored, and the row marked
 * built; a failure is recorded on the row with its reason, for the editors, who can ask again.
 */
export async function buildPendingExports(
  dataSource: DataSource,
  storage: FileStorage,
  logger: Logger,
  table: ExportTable,
  render: (manager: EntityManager, id: string) => Promise<{ xml: string; articles: number }>,
): Promise<{ built: number; failed: number }> {
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
        const { xml, articles } = await render(manager, row.id);
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
