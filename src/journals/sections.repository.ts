import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from '../database/transactions';
import type { JournalRoleName } from '../editorial/roles';
import { Section } from './section.entity';

/** The `sections` table and its editors (`section_editors`). */
@Injectable()
export class SectionsRepository extends Repository {
  /** A journal's sections with their editors, in table-of-contents order. */
  listOf(journalId: string): Promise<Section[]> {
    return this.db.find(Section, {
      where: { journalId },
      relations: { editors: true },
      order: { seq: 'ASC', createdAt: 'ASC' },
    });
  }

  /** A section of the journal, with its editors when asked. */
  find(journalId: string, id: string, withEditors = false): Promise<Section | null> {
    return this.db.findOne(Section, {
      where: { id, journalId },
      relations: withEditors ? { editors: true } : {},
    });
  }

  findById(id: string): Promise<Section | null> {
    return this.db.findOneBy(Section, { id });
  }

  findByIdOrFail(id: string): Promise<Section> {
    return this.db.findOneByOrFail(Section, { id });
  }

  /** The highest position in the journal's table of contents, or null for none. */
  maxSeq(journalId: string): Promise<number | null> {
    return this.db.maximum(Section, 'seq', { journalId });
  }

  insert(values: Partial<Section>): Promise<Section> {
    return this.db.save(this.db.create(Section, values));
  }

  async update(id: string, values: QueryDeepPartialEntity<Section>): Promise<void> {
    await this.db.update(Section, { id }, values);
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(Section, { id });
  }

  /** Replaces the section's editors: `removed` leave, `added` join. */
  async replaceEditors(sectionId: string, added: string[], removed: string[]): Promise<void> {
    await this.db
      .createQueryBuilder()
      .relation(Section, 'editors')
      .of(sectionId)
      .addAndRemove(added, removed);
  }

  /** Those of `userIds` who hold one of `roles` in the journal (read from the access feature's table). */
  async holdersOf(
    journalId: string,
    userIds: string[],
    roles: readonly JournalRoleName[],
  ): Promise<Set<string>> {
    const rows = await this.db.query<{ user_id: string }[]>(
      `SELECT DISTINCT user_id FROM journal_roles
        WHERE journal_id = $1 AND user_id = ANY($2::uuid[]) AND role = ANY($3::text[])`,
      [journalId, userIds, [...roles]],
    );
    return new Set(rows.map((row) => row.user_id));
  }

  /** Takes the person off every section of the journal. */
  async removeEditorEverywhere(journalId: string, userId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM section_editors se USING sections s
        WHERE se.section_id = s.id AND s.journal_id = $1 AND se.user_id = $2`,
      [journalId, userId],
    );
  }

  /** Whether the person is an editor of the section, a section of the journal. */
  async isEditorOf(journalId: string, sectionId: string, userId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM section_editors se JOIN sections s ON s.id = se.section_id
        WHERE se.section_id = $1 AND se.user_id = $2 AND s.journal_id = $3`,
      [sectionId, userId, journalId],
    );
    return rows.length > 0;
  }
}
