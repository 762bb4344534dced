import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, type Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { inTransaction } from '../../database/transactions';
import { FileStorage } from '../../storage/file-storage';
import { type ExportTable, IndexingExportsRepository } from '../indexing-exports.repository';
import {
  checkAgainstSchema,
  type ExportSchema,
  type SchemaError,
  SchemaInvalidError,
} from './schema-validation';

/** One kind of export: where its rows are, the schema its files must pass, how one is rendered. */
export interface ExportKind {
  table: ExportTable;
  schema: ExportSchema;
  /** Renders the row's file, reading in the ambient transaction. */
  render: (id: string) => Promise<{ xml: string; articles: number }>;
  /** What the editors can do about these schema errors, said before them; none if nothing. */
  advise?: (errors: readonly SchemaError[]) => string | undefined;
  logger: Logger;
}

/**
 * Builds every pending export of one kind, one at a time, each row claimed with SKIP LOCKED so
 * that two workers never build the same one: the XML is rendered, checked against the official
 * schema, stored, and the row marked built. A file the schema refuses is never stored or offered:
 * the row is marked failed with the first errors as its reason, as is any other failure, for the
 * editors, who can ask again.
 */
@Injectable()
export class PendingExports {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly exports: IndexingExportsRepository,
    private readonly storage: FileStorage,
  ) {}

  async build(kind: ExportKind): Promise<{ built: number; failed: number }> {
    let built = 0;
    let failed = 0;
    for (;;) {
      const outcome = await inTransaction(this.transactions, () => this.buildOne(kind));
      if (outcome === null) return { built, failed };
      if (outcome === 'built') built += 1;
      else failed += 1;
    }
  }

  private async buildOne({ table, schema, render, advise, logger }: ExportKind) {
    const id = await this.exports.claimPending(table);
    if (!id) return null;
    try {
      const { xml, articles } = await render(id);
      const started = performance.now();
      const check = await checkAgainstSchema(schema, xml);
      const took = Math.round(performance.now() - started);
      if (!check.valid) throw new SchemaInvalidError(schema, check.errors, advise?.(check.errors));
      logger.debug(`${table} ${id}: valid against ${schema.label} (${took} ms)`);
      const stored = await this.storage.put(Readable.from(Buffer.from(xml, 'utf8')));
      await this.exports.markBuilt(table, id, stored, articles);
      return 'built' as const;
    } catch (error) {
      logger.error(`${table} ${id} failed: ${(error as Error).message}`);
      await this.exports.markFailed(table, id, (error as Error).message);
      return 'failed' as const;
    }
  }
}
