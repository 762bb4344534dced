import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Repository } from '../database/transactions';
import { CrossrefDeposit } from './entities/crossref-deposit.entity';
import { DoajExport } from './entities/doaj-export.entity';

/** The tables of exports built by the worker: a row per request, `pending` until built. */
export type ExportTable = 'crossref_deposits' | 'doaj_exports';

/** Crossref's doi_batch_id: unique per deposit. */
const batchIdOf = (issueId: string) => `tahkim-${issueId.slice(0, 8)}-${Date.now()}`;

async function insertDeposit(db: EntityManager, issueId: string): Promise<void> {
  await db.insert(CrossrefDeposit, { issueId, batchId: batchIdOf(issueId), status: 'pending' });
}

async function insertDoajExport(db: EntityManager, issueId: string): Promise<void> {
  await db.insert(DoajExport, { issueId, status: 'pending' });
}

/** Crossref deposits and DOAJ uploads: requested, claimed and built by the worker, downloaded. */
@Injectable()
export class IndexingExportsRepository extends Repository {
  requestDeposit(issueId: string): Promise<void> {
    return insertDeposit(this.db, issueId);
  }

  requestDoajExport(issueId: string): Promise<void> {
    return insertDoajExport(this.db, issueId);
  }

  /** An issue's deposits, newest first. */
  deposits(issueId: string): Promise<CrossrefDeposit[]> {
    return this.db.find(CrossrefDeposit, { where: { issueId }, order: { createdAt: 'DESC' } });
  }

  deposit(id: string, issueId: string, lock = false): Promise<CrossrefDeposit | null> {
    return this.db.findOne(CrossrefDeposit, {
      where: { id, issueId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  depositById(id: string): Promise<CrossrefDeposit> {
    return this.db.findOneByOrFail(CrossrefDeposit, { id });
  }

  async markRegistered(id: string, at: Date): Promise<void> {
    await this.db.update(CrossrefDeposit, { id }, { status: 'registered', registeredAt: at });
  }

  /** An issue's DOAJ exports, newest first. */
  doajExports(issueId: string): Promise<DoajExport[]> {
    return this.db.find(DoajExport, { where: { issueId }, order: { createdAt: 'DESC' } });
  }

  doajExport(id: string, issueId: string): Promise<DoajExport | null> {
    return this.db.findOneBy(DoajExport, { id, issueId });
  }

  doajById(id: string): Promise<DoajExport> {
    return this.db.findOneByOrFail(DoajExport, { id });
  }

  /**
   * The oldest pending row of the table, held until the transaction ends; SKIP LOCKED, so two
   * workers never build the same one. Null when none is left.
   */
  async claimPending(table: ExportTable): Promise<string | null> {
    const [row]: { id: string }[] = await this.db.query(
      `SELECT id FROM ${table} WHERE status = 'pending'
        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return row?.id ?? null;
  }

  async markBuilt(
    table: ExportTable,
    id: string,
    stored: { key: string; sha256: string },
    articles: number,
  ): Promise<void> {
    await this.db.query(
      `UPDATE ${table} SET status = 'built', storage_key = $2, sha256 = $3, articles = $4,
              built_at = now(), error = NULL
        WHERE id = $1`,
      [id, stored.key, stored.sha256, articles],
    );
  }

  async markFailed(table: ExportTable, id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE ${table} SET status = 'failed', error = $2 WHERE id = $1`, [
      id,
      error,
    ]);
  }

  /** Whether a built export is this stored content. */
  async holds(key: string): Promise<boolean> {
    return (
      (await this.db.exists(CrossrefDeposit, { where: { storageKey: key } })) ||
      (await this.db.exists(DoajExport, { where: { storageKey: key } }))
    );
  }
}
