import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull, Not } from 'typeorm';
import { Repository } from '../database/transactions';
import type { DoiStore } from './dois';
import { DoiAssignment } from './entities/doi-assignment.entity';

/** The DOI table as minting asks it, in the transaction of `db`. */
function doiStoreOf(db: () => EntityManager): DoiStore {
  return {
    existing: async (submissionId) =>
      (await db().findOneBy(DoiAssignment, { submissionId }))?.doi ?? null,
    lockMinting: async (journalId) => {
      await db().query('SELECT pg_advisory_xact_lock(hashtext($1))', [`doi:${journalId}`]);
    },
    count: (journalId) => db().countBy(DoiAssignment, { journalId }),
    taken: async (doi) =>
      (
        (await db().query(`SELECT 1 FROM doi_assignments WHERE lower(doi) = lower($1)`, [
          doi,
        ])) as unknown[]
      ).length > 0,
    insert: async (row) => {
      await db().insert(DoiAssignment, row);
    },
  };
}

/**
 * Every DOI minted here (doi_assignments): minted once per article, frozen when it is
 * published, registered once Crossref has it.
 */
@Injectable()
export class DoisRepository extends Repository {
  /** The store minting works on, in the ambient transaction. */
  readonly store: DoiStore = doiStoreOf(() => this.db);

  /** Published: the articles' DOIs can no longer change. */
  async freeze(submissionIds: string[], at: Date): Promise<void> {
    if (submissionIds.length)
      await this.db.update(
        DoiAssignment,
        { submissionId: In(submissionIds), frozenAt: IsNull() },
        { frozenAt: at },
      );
  }

  /** How many of these articles' DOIs are registered with Crossref. */
  registered(submissionIds: string[]): Promise<number> {
    if (submissionIds.length === 0) return Promise.resolve(0);
    return this.db.countBy(DoiAssignment, {
      submissionId: In(submissionIds),
      registeredAt: Not(IsNull()),
    });
  }

  async markRegistered(submissionIds: string[], at: Date): Promise<void> {
    if (submissionIds.length)
      await this.db.update(
        DoiAssignment,
        { submissionId: In(submissionIds), registeredAt: IsNull() },
        { registeredAt: at },
      );
  }
}
