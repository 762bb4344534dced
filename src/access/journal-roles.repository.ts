import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { type Page, paginate } from '../common/pagination/cursor-page';
import { Repository } from '../database/transactions';
import type { JournalRoleName } from '../editorial/roles';
import type { RoleListQuery } from './dto/enrolment.dto';
import { JournalRole } from './journal-role.entity';

/** The `journal_roles` table: who holds which role in which journal. */
@Injectable()
export class JournalRolesRepository extends Repository {
  /** The person's roles in the journal. */
  async rolesOf(userId: string, journalId: string): Promise<JournalRoleName[]> {
    const rows = await this.db.findBy(JournalRole, { userId, journalId });
    return rows.map((row) => row.role);
  }

  find(journalId: string, userId: string, role: JournalRoleName): Promise<JournalRole | null> {
    return this.db.findOneBy(JournalRole, { journalId, userId, role });
  }

  findById(journalId: string, id: string): Promise<JournalRole | null> {
    return this.db.findOneBy(JournalRole, { id, journalId });
  }

  /** Whether the person holds one of `roles` in the journal. */
  holds(journalId: string, userId: string, roles: readonly JournalRoleName[]): Promise<boolean> {
    return this.db.existsBy(JournalRole, { journalId, userId, role: In([...roles]) });
  }

  /** The rows of `roles` in the journal with their people, but those of `exceptUserIds`. */
  withPeople(
    journalId: string,
    roles: readonly JournalRoleName[],
    exceptUserIds: readonly string[],
  ): Promise<JournalRole[]> {
    return this.db.find(JournalRole, {
      where: {
        journalId,
        role: In([...roles]),
        ...(exceptUserIds.length ? { userId: Not(In([...exceptUserIds])) } : {}),
      },
      relations: { user: true },
    });
  }

  countOf(journalId: string, role: JournalRoleName): Promise<number> {
    return this.db.countBy(JournalRole, { journalId, role });
  }

  insert(values: Pick<JournalRole, 'journalId' | 'userId' | 'role' | 'grantedBy'>) {
    return this.db.save(this.db.create(JournalRole, values));
  }

  /** Gives the role unless the person holds it already. */
  async insertUnlessHeld(journalId: string, userId: string, role: JournalRoleName): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(JournalRole)
      .values({ journalId, userId, role })
      .orIgnore()
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(JournalRole, { id });
  }

  /** Every role the person holds, in every journal. */
  async deleteAllOf(userId: string): Promise<void> {
    await this.db.delete(JournalRole, { userId });
  }

  /** A journal's roles with their people, oldest first (or newest, as asked). */
  page(journalId: string, query: RoleListQuery): Promise<Page<JournalRole>> {
    const builder = this.db
      .getRepository(JournalRole)
      .createQueryBuilder('role')
      .leftJoinAndSelect('role.user', 'user')
      .where('role.journal_id = :journalId', { journalId });
    if (query.role) builder.andWhere('role.role = :role', { role: query.role });
    return paginate(
      builder,
      {
        keys: [
          { property: 'createdAt', column: 'created_at' },
          { property: 'id', column: 'id' },
        ],
        direction: 'ASC',
      },
      query,
    );
  }
}
