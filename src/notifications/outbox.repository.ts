import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isLocale, type Locale } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import { OutboxMessage } from './entities/outbox-message.entity';

/** The outbox table, written in the caller's transaction. */
@Injectable()
export class OutboxRepository extends Repository {
  /** Inserts a message unless its dedupe key is taken; returns the row either way. */
  async insert(values: QueryDeepPartialEntity<OutboxMessage>): Promise<OutboxMessage> {
    const repository = this.db.getRepository(OutboxMessage);
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = inserted.raw as { id: string }[];
    // No row back means the dedupe key was taken: the email was already queued.
    return rows.length > 0
      ? repository.findOneByOrFail({ id: rows[0].id })
      : repository.findOneByOrFail({ dedupeKey: values.dedupeKey as string });
  }

  /** A journal's primary language: the fallback for recipients who have none. */
  async journalLocale(journalId: string): Promise<Locale | null> {
    const [row]: { primary_locale: string }[] = await this.db.query(
      'SELECT primary_locale FROM journals WHERE id = $1',
      [journalId],
    );
    return isLocale(row?.primary_locale) ? row.primary_locale : null;
  }

  /** Claims up to `limit` unrelayed rows, oldest first, skipping those another worker holds. */
  async claimUnrelayed(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM outbox_messages
        WHERE relayed_at IS NULL
        ORDER BY created_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(({ id }) => id);
  }

  async markRelayed(ids: string[]): Promise<void> {
    await this.db.query(`UPDATE outbox_messages SET relayed_at = now() WHERE id = ANY($1)`, [ids]);
  }

  message(id: string): Promise<OutboxMessage | null> {
    return this.db.findOneBy(OutboxMessage, { id });
  }

  /** What an email shows of the journal it speaks for: its titles and slug. */
  async journal(
    journalId: string,
  ): Promise<{ titles: Record<string, string>; slug: string } | null> {
    const [row]: { titles: Record<string, string>; slug: string }[] = await this.db.query(
      'SELECT titles, slug FROM journals WHERE id = $1',
      [journalId],
    );
    return row ?? null;
  }
}
