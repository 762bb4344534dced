import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from '../database/transactions';
import { Journal } from './journal.entity';

// Serialises ISSN checks across concurrent requests (any fixed number).
const ISSN_LOCK_ID = 7_140_002;

/** The `journals` table. */
@Injectable()
export class JournalsRepository extends Repository {
  /** Every journal, by slug. */
  list(): Promise<Journal[]> {
    return this.db.find(Journal, { order: { slug: 'ASC' } });
  }

  findBySlug(slug: string): Promise<Journal | null> {
    return this.db.findOneBy(Journal, { slug });
  }

  findById(id: string): Promise<Journal | null> {
    return this.db.findOneBy(Journal, { id });
  }

  findByIdOrFail(id: string): Promise<Journal> {
    return this.db.findOneByOrFail(Journal, { id });
  }

  /** The journal, locked until the transaction ends. */
  lockById(id: string): Promise<Journal> {
    return this.db.findOneOrFail(Journal, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(values: Partial<Journal>): Promise<Journal> {
    return this.db.save(this.db.create(Journal, values));
  }

  async update(id: string, values: QueryDeepPartialEntity<Journal>): Promise<void> {
    await this.db.update(Journal, { id }, values);
  }

  /** Until the transaction ends, no other one checks or takes a slug or an ISSN. */
  async lockIdentifiers(): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock($1)', [ISSN_LOCK_ID]);
  }

  /** Whether a journal other than `ownId` has the slug. */
  slugTaken(slug: string, ownId: string | null): Promise<boolean> {
    return this.db
      .createQueryBuilder(Journal, 'j')
      .where('j.slug = :slug', { slug })
      .andWhere(ownId ? 'j.id <> :ownId' : '1=1', { ownId })
      .getExists();
  }

  /** Whether a journal other than `ownId` has the ISSN, online or print. */
  issnTaken(issn: string, ownId: string | null): Promise<boolean> {
    return this.db
      .createQueryBuilder(Journal, 'j')
      .where('(j.online_issn = :issn OR j.print_issn = :issn)', { issn })
      .andWhere(ownId ? 'j.id <> :ownId' : '1=1', { ownId })
      .getExists();
  }
}
