import { Injectable } from '@nestjs/common';
import { type CursorQuery, type Page, paginate } from '../common/pagination/cursor-page';
import { Repository } from '../database/transactions';
import { Announcement } from './announcement.entity';

const PUBLISHED_ORDER = {
  keys: [
    { property: 'publishedAt' as const, column: 'published_at' },
    { property: 'id' as const, column: 'id' },
  ],
  direction: 'DESC' as const,
};
const CREATED_ORDER = {
  keys: [
    { property: 'createdAt' as const, column: 'created_at' },
    { property: 'id' as const, column: 'id' },
  ],
  direction: 'DESC' as const,
};

/** The `announcements` table. */
@Injectable()
export class AnnouncementsRepository extends Repository {
  private published(journalId: string, now: Date) {
    return this.db
      .getRepository(Announcement)
      .createQueryBuilder('announcement')
      .where('announcement.journal_id = :journalId', { journalId })
      .andWhere('announcement.published_at <= :now', { now });
  }

  /** Published by `now` (drafts and those to come left out), newest first unless asked. */
  pageOfPublished(journalId: string, now: Date, page: CursorQuery): Promise<Page<Announcement>> {
    return paginate(this.published(journalId, now), PUBLISHED_ORDER, page);
  }

  /** Published by `now` and not expired then, newest first. */
  latestUnexpired(journalId: string, now: Date, limit: number): Promise<Announcement[]> {
    return this.published(journalId, now)
      .andWhere('(announcement.expires_at IS NULL OR announcement.expires_at > :now)', { now })
      .orderBy('announcement.published_at', 'DESC')
      .addOrderBy('announcement.id', 'DESC')
      .take(limit)
      .getMany();
  }

  findPublished(journalId: string, id: string, now: Date): Promise<Announcement | null> {
    return this.published(journalId, now).andWhere('announcement.id = :id', { id }).getOne();
  }

  /** Every one of the journal's, drafts and those to come included, newest written first. */
  pageOfAll(journalId: string, page: CursorQuery): Promise<Page<Announcement>> {
    const query = this.db
      .getRepository(Announcement)
      .createQueryBuilder('announcement')
      .where('announcement.journal_id = :journalId', { journalId });
    return paginate(query, CREATED_ORDER, page);
  }

  /** The announcement, locked until the transaction ends. */
  lock(journalId: string, id: string): Promise<Announcement | null> {
    return this.db.findOne(Announcement, {
      where: { journalId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  insert(fields: Partial<Announcement>): Promise<Announcement> {
    return this.db.save(this.db.create(Announcement, fields));
  }

  /** Writes the changed fields; the lock version goes up by one. */
  update(announcement: Announcement): Promise<Announcement> {
    return this.db.save(announcement);
  }

  async remove(id: string): Promise<void> {
    await this.db.delete(Announcement, { id });
  }
}
