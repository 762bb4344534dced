import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/user.entity';
import type { Journal } from '../journals/journal.entity';
import { EditorialListing } from './editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { SubmissionsService } from './submissions.service';

/** Something that happened to a submission: a recorded event, or an email about it. */
export type HistoryEntry =
  | {
      type: 'event';
      at: Date;
      kind: string;
      authorVisible: boolean;
      /** Who did it; for authors, only themselves (never an editor's or a reviewer's name). */
      actor: { id: string; names: unknown } | null;
      data: Record<string, unknown>;
    }
  | {
      type: 'email';
      at: Date;
      template: string;
      locale: string;
      recipient: { email: string; name: string | null };
      subject: string | null;
      /** `queued` until the worker has it; then the delivery's status. */
      status: string;
      sentAt: Date | null;
    };

interface Row {
  type: 'event' | 'email';
  at: Date;
  kind: string;
  author_visible: boolean | null;
  actor_id: string | null;
  actor_names: unknown;
  data: Record<string, unknown> | null;
  locale: string | null;
  recipient_email: string | null;
  recipient_name: string | null;
  subject: string | null;
  status: string | null;
  sent_at: Date | null;
}

/**
 * A submission's whole history in order: decisions, stage changes, assignments and every other
 * recorded event, with the emails sent about it and their delivery. Editors see all of it;
 * authors see the events marked author-visible and the emails sent to them.
 */
@Injectable()
export class SubmissionHistory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listing: EditorialListing,
    private readonly submissions: SubmissionsService,
  ) {}

  async forEditors(journal: Journal, viewer: Viewer, id: string): Promise<HistoryEntry[]> {
    await this.listing.handled(journal, viewer, id);
    return (await this.rows(id, null)).map((row) => this.entry(row, null));
  }

  async forAuthor(id: string, user: User): Promise<HistoryEntry[]> {
    await this.submissions.forSubmitter(id, user);
    return (await this.rows(id, user)).map((row) => this.entry(row, user));
  }

  /** One query over both sources; ties keep events before the emails they caused. */
  private rows(submissionId: string, author: User | null): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT 'event' AS type, e.occurred_at AS at, e.kind, e.author_visible,
                e.actor_id, u.names AS actor_names, e.data,
                NULL AS locale, NULL AS recipient_email, NULL AS recipient_name,
                NULL AS subject, NULL AS status, NULL::timestamptz AS sent_at, 0 AS source
           FROM submission_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.submission_id = $1 AND ($2::text IS NULL OR e.author_visible)
         UNION ALL
         SELECT 'email', o.created_at, o.template, NULL, NULL, NULL, NULL,
                o.locale, o.recipient_email, o.recipient_name,
                d.subject, COALESCE(d.status, 'queued'), d.sent_at, 1
           FROM outbox_messages o LEFT JOIN email_deliveries d ON d.outbox_message_id = o.id
          WHERE o.submission_id = $1 AND ($2::text IS NULL OR lower(o.recipient_email) = lower($2))
       ) history
       ORDER BY at, source`,
      [submissionId, author?.email ?? null],
    );
  }

  private entry(row: Row, author: User | null): HistoryEntry {
    if (row.type === 'email')
      return {
        type: 'email',
        at: row.at,
        template: row.kind,
        locale: row.locale!,
        recipient: { email: row.recipient_email!, name: row.recipient_name },
        subject: row.subject,
        status: row.status!,
        sentAt: row.sent_at,
      };
    const actor =
      row.actor_id && (!author || row.actor_id === author.id)
        ? { id: row.actor_id, names: row.actor_names }
        : null;
    return {
      type: 'event',
      at: row.at,
      kind: row.kind,
      authorVisible: row.author_visible ?? false,
      actor,
      data: row.data ?? {},
    };
  }
}
