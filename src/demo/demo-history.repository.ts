import { Repository } from '../database/transactions';

/**
 * What the demo does that no service does, each for a reason a real journal never has: its
 * story happened over months but is written today, and it happened before the demo started.
 * So, after the services have done each step (their rules, numbers, events and emails), this
 * moves the step's dates back to the day the story says, drops the emails the steps queued
 * (nobody is told of things that happened before the demo), and leaves the rest as the services
 * made it. Everything runs in the demo's transaction.
 */
export class DemoHistory extends Repository {
  /** The database's clock, which stamps events: a step's events are those after it. */
  async clock(): Promise<Date> {
    const [row]: { now: Date }[] = await this.db.query('SELECT clock_timestamp() AS now');
    return row.now;
  }

  /** Whether the journal has submissions already (the demo seeded it before). */
  async hasSubmissions(journalId: string): Promise<boolean> {
    const [row]: { any: boolean }[] = await this.db.query(
      'SELECT EXISTS (SELECT 1 FROM submissions WHERE journal_id = $1) AS any',
      [journalId],
    );
    return row.any;
  }

  /** Moves the events the submission's history got since `since` to the day `at`, in order. */
  async eventsHappened(submissionId: string, since: Date, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE submission_events SET occurred_at = $3::timestamptz + (occurred_at - $2::timestamptz)
        WHERE submission_id = $1 AND occurred_at >= $2`,
      [submissionId, since, at],
    );
  }

  /** A submission started on `created` and submitted on `submitted` (null: still a draft). */
  async received(submissionId: string, created: Date, submitted: Date | null): Promise<void> {
    await this.db.query(
      `UPDATE submissions SET created_at = $2, submitted_at = COALESCE($3, submitted_at)
        WHERE id = $1`,
      [submissionId, created, submitted],
    );
    if (!submitted) return;
    for (const [table, column] of [
      ['submission_files', 'created_at'],
      ['copyright_agreements', 'agreed_at'],
      ['submission_editors', 'assigned_at'],
    ])
      await this.db.query(`UPDATE ${table} SET ${column} = $2 WHERE submission_id = $1`, [
        submissionId,
        submitted,
      ]);
  }

  /**
   * The demo histories keep to the two lines the demo always showed, `created` and
   * `submitted`: the upload and the agreement the services recorded on the way are left out
   * of them (the file and the agreement themselves stay).
   */
  async shortenDraftingHistory(submissionId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM submission_events
        WHERE submission_id = $1 AND kind IN ('file_uploaded', 'copyright_agreed')`,
      [submissionId],
    );
  }

  async decided(decisionId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE decisions SET created_at = $2 WHERE id = $1', [decisionId, at]);
  }

  /** The submission's latest round opened on `opened` (and closed on `closed`, if it was). */
  async roundDates(submissionId: string, opened: Date, closed?: Date): Promise<void> {
    await this.db.query(
      `UPDATE review_rounds SET created_at = $2,
              closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE COALESCE($3, closed_at) END
        WHERE submission_id = $1`,
      [submissionId, opened, closed ?? null],
    );
  }

  /**
   * An invitation sent on `invited`, due as the story says: the service takes only due dates
   * in the future, and the demo's late review is late because they are past.
   */
  async invited(
    assignmentId: string,
    dates: { invited: Date; responseDue: Date; reviewDue: Date },
  ): Promise<void> {
    await this.db.query(
      `UPDATE review_assignments
          SET invited_at = $2, created_at = $2, response_due_at = $3, review_due_at = $4
        WHERE id = $1`,
      [assignmentId, dates.invited, dates.responseDue, dates.reviewDue],
    );
  }

  async answered(assignmentId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE review_assignments SET responded_at = $2 WHERE id = $1', [
      assignmentId,
      at,
    ]);
  }

  async reviewed(assignmentId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE review_assignments SET completed_at = $2 WHERE id = $1', [
      assignmentId,
      at,
    ]);
    await this.db.query('UPDATE reviews SET submitted_at = $2 WHERE assignment_id = $1', [
      assignmentId,
      at,
    ]);
  }

  /** The issue, its records and their DOIs, published on `at`. */
  async published(issueId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE issues SET published_at = $2 WHERE id = $1', [issueId, at]);
    await this.db.query('UPDATE publications SET published_at = $2 WHERE issue_id = $1', [
      issueId,
      at,
    ]);
    await this.db.query(
      `UPDATE doi_assignments SET frozen_at = $2
        WHERE submission_id IN (SELECT submission_id FROM publications WHERE issue_id = $1)`,
      [issueId, at],
    );
  }

  /**
   * The published issue's typesetting, waiting for the worker, as if it had been asked for
   * while the issue was in preparation and no worker ran. The typesetting service refuses a
   * published issue, and asked before publishing it queues a job at once, which a worker
   * already running (the tests') would take before this transaction commits, find nothing,
   * and keep as done; the worker picks a queued run up when it starts (or on its scan).
   */
  async typesettingWaits(journalId: string, issueId: string, requestedBy: string): Promise<void> {
    await this.db.query(
      `INSERT INTO typesetting_runs (journal_id, scope, issue_id, status, requested_by)
       VALUES ($1, 'issue', $2, 'queued', $3)`,
      [journalId, issueId, requestedBy],
    );
  }

  /** No service makes a site administrator: the installation's operator does, by hand. */
  async makeSiteAdmin(userId: string): Promise<void> {
    await this.db.query('UPDATE users SET is_site_admin = true WHERE id = $1', [userId]);
  }

  /**
   * Drops the emails this transaction queued: invitations, acknowledgements, letters and
   * notices about things that happened before the demo started. `xmin` is the transaction that
   * wrote a row, so rows anyone else queued meanwhile stay.
   */
  async dropQueuedEmails(): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      'DELETE FROM outbox_messages WHERE xmin = pg_current_xact_id()::xid',
    );
    return count;
  }
}
