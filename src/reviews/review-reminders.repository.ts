import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';

/** How a journal reminds its reviewers. */
export interface ReminderSettings {
  reviewReminderDays: number;
  reviewOverdueReminderDays: number;
  reviewOverdueReminders: number;
}

/** What the reminder scan reads: what may be due, the journal's settings, what was sent. */
@Injectable()
export class ReviewRemindersRepository extends Repository {
  /** Open assignments whose first reminder date has come: only these could need an email. */
  async dueAssignments(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT a.id FROM review_assignments a JOIN journals j ON j.id = a.journal_id
        WHERE (a.state = 'invited' AND a.response_due_at - make_interval(days => j.review_reminder_days) <= $1)
           OR (a.state = 'accepted' AND a.review_due_at - make_interval(days => j.review_reminder_days) <= $1 AND a.escalated_at IS NULL)`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  /** Rounds whose revisions are due (or will be within the reminder days). */
  async dueRevisions(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT r.id FROM review_rounds r
         JOIN submissions s ON s.id = r.submission_id JOIN journals j ON j.id = s.journal_id
        WHERE r.status = 'revisions_requested' AND r.revisions_due_at IS NOT NULL
          AND r.revisions_due_at - make_interval(days => j.review_reminder_days) <= $1`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  /** Locks the assignment unless another scan holds it (then false: it is theirs to remind). */
  async lockUnlessHeld(assignmentId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT id FROM review_assignments WHERE id = $1 FOR UPDATE SKIP LOCKED',
      [assignmentId],
    );
    return rows.length > 0;
  }

  async settings(journalId: string): Promise<ReminderSettings> {
    const [row]: ReminderSettings[] = await this.db.query(
      `SELECT review_reminder_days AS "reviewReminderDays",
              review_overdue_reminder_days AS "reviewOverdueReminderDays",
              review_overdue_reminders AS "reviewOverdueReminders"
         FROM journals WHERE id = $1`,
      [journalId],
    );
    if (!row) throw new Error(`no journal ${journalId}`);
    return row;
  }

  /** Whether an email with this dedupe key (a LIKE pattern) is already in the outbox. */
  async sent(key: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM outbox_messages WHERE dedupe_key LIKE $1 LIMIT 1',
      [key],
    );
    return rows.length > 0;
  }
}
