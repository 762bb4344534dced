import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { Repository } from '../database/transactions';
import { Galley } from './entities/galley.entity';

/** Galleys in their owner's order; typeset ones first (negative seq), then uploads as added. */
const IN_ORDER = { seq: 'ASC', createdAt: 'ASC' } as const;

/** Whose galley: an article version's (its publication record) or an issue's own. */
export type GalleyOwner = { publicationId: string } | { issueId: string };

/** The galleys table: the files readers get, uploaded or made by typesetting. */
@Injectable()
export class GalleysRepository extends Repository {
  /** An issue's own galleys, in their order. */
  ofIssue(issueId: string): Promise<Galley[]> {
    return this.db.find(Galley, { where: { issueId }, order: IN_ORDER });
  }

  /** The galleys of these article versions, in their order. */
  ofPublications(publicationIds: string[]): Promise<Galley[]> {
    if (publicationIds.length === 0) return Promise.resolve([]);
    return this.db.find(Galley, {
      where: { publicationId: In(publicationIds) },
      order: IN_ORDER,
    });
  }

  /** A new galley, last in its owner's order. */
  async add(owner: GalleyOwner, fields: Omit<Partial<Galley>, 'seq'>): Promise<Galley> {
    const seq = await this.db.countBy(Galley, owner);
    return this.db.save(this.db.create(Galley, { ...owner, ...fields, seq }));
  }

  /** Removes a galley of this owner; false when it has none with this id. */
  async remove(owner: GalleyOwner, id: string): Promise<boolean> {
    const deleted = await this.db.delete(Galley, { id, ...owner });
    return Boolean(deleted.affected);
  }

  /** Typesetting's galleys of an issue and of its articles go (uploaded ones stay). */
  async removeTypeset(issueId: string, publicationIds: string[]): Promise<void> {
    await this.db.delete(Galley, { issueId, typesettingRunId: Not(IsNull()) });
    if (publicationIds.length)
      await this.db.delete(Galley, {
        publicationId: In(publicationIds),
        typesettingRunId: Not(IsNull()),
      });
  }

  async insertMany(rows: Partial<Galley>[]): Promise<void> {
    if (rows.length) await this.db.insert(Galley, rows);
  }

  countMadeBy(typesettingRunId: string): Promise<number> {
    return this.db.countBy(Galley, { typesettingRunId });
  }

  /** A galley of something published in this journal (an issue's, or a published version's). */
  async published(journalId: string, galleyId: string): Promise<Galley | null> {
    const rows: unknown[] = await this.db.query(
      `SELECT g.id FROM galleys g
         LEFT JOIN publications p ON p.id = g.publication_id
         JOIN issues i ON i.id = COALESCE(g.issue_id, p.issue_id)
        WHERE g.id = $1 AND i.journal_id = $2 AND i.status = 'published'
          AND (g.issue_id IS NOT NULL OR p.status = 'published')`,
      [galleyId, journalId],
    );
    return rows.length ? this.db.findOneByOrFail(Galley, { id: galleyId }) : null;
  }

  /** Whether a galley is this stored content. */
  holds(key: string): Promise<boolean> {
    return this.db.exists(Galley, { where: { storageKey: key } });
  }
}
