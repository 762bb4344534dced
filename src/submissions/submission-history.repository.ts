import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import type { PersonNames } from '../editorial/people';

/** One row of a submission's history: a recorded event or an email about it. */
export interface HistoryRow {
  type: 'event' | 'email';
  at: Date;
  kind: string;
  author_visible: boolean | null;
  actor_id: string | null;
  actor_names: PersonNames | null;
  data: Record<string, unknown> | null;
  locale: string | null;
  recipient_email: string | null;
  recipient_name: string | null;
  subject: string | null;
  status: string | null;
  sent_at: Date | null;
}

/** A submission's events and the emails about it (the outbox's tables, read by name). */
@Injectable()
export class SubmissionHistoryRepository extends Repository {
  /**
   * One query over both sources; ties keep events before the emails they caused. With
   * `authorEmail`, only the author-visible events and the emails sent to that address.
   */
  rows(submissionId: string, authorEmail: string | null): Promise<HistoryRow[]> {
    return this.db.query(
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
      [submissionId, authorEmail],
    );
  }
}
