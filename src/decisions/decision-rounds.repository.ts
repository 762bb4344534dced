import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import type { ReviewRound, RevisionKind } from '../reviews';

/** A review round as decisions read it. */
export type RoundRow = Pick<
  ReviewRound,
  'id' | 'submissionId' | 'number' | 'fileVersion' | 'status' | 'revisionKind' | 'revisionsDueAt'
>;

const ROUND_COLUMNS = `id, submission_id AS "submissionId", number, file_version AS "fileVersion",
  status, revision_kind AS "revisionKind", revisions_due_at AS "revisionsDueAt"`;

/**
 * The review rounds a decision acts on, from the reviews' table review_rounds: what decisions
 * read of them, and what a decision or the author's revision does to them.
 *
 * The writes (opening a round, asking for revisions, reopening it, taking the revision) change
 * another feature's table: they are for peer review to take over behind a service of its own
 * (reviews' index exports none yet).
 */
@Injectable()
export class DecisionRoundsRepository extends Repository {
  /** The submission's current (newest) round, if any. */
  async current(submissionId: string): Promise<RoundRow | null> {
    const [row]: RoundRow[] = await this.db.query(
      `SELECT ${ROUND_COLUMNS} FROM review_rounds WHERE submission_id = $1
        ORDER BY number DESC LIMIT 1`,
      [submissionId],
    );
    return row ?? null;
  }

  /** The submission's rounds, newest first. */
  ofSubmission(submissionId: string): Promise<RoundRow[]> {
    return this.db.query(
      `SELECT ${ROUND_COLUMNS} FROM review_rounds WHERE submission_id = $1 ORDER BY number DESC`,
      [submissionId],
    );
  }

  async byId(id: string): Promise<RoundRow> {
    const [row]: RoundRow[] = await this.db.query(
      `SELECT ${ROUND_COLUMNS} FROM review_rounds WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`no review round ${id}`);
    return row;
  }

  /** How many of the round's reviews are completed. */
  async completedReviews(roundId: string): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM review_assignments WHERE round_id = $1 AND state = 'completed'`,
      [roundId],
    );
    return row.n;
  }

  /** Opens round `number` of the submission, on its manuscript's `fileVersion`. */
  async open(submissionId: string, number: number, fileVersion: number): Promise<void> {
    await this.db.query(
      `INSERT INTO review_rounds (submission_id, number, file_version, status)
       VALUES ($1, $2, $3, 'in_review')`,
      [submissionId, number, fileVersion],
    );
  }

  /** The author is asked to revise, by `dueAt`. */
  async requestRevisions(id: string, kind: RevisionKind, dueAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE review_rounds
          SET status = 'revisions_requested', revision_kind = $2, revisions_due_at = $3
        WHERE id = $1`,
      [id, kind, dueAt],
    );
  }

  /** Back in review after a reverted decline: the round it closed goes on. */
  async reopen(id: string): Promise<void> {
    await this.db.query(
      `UPDATE review_rounds SET status = 'in_review', closed_at = NULL WHERE id = $1`,
      [id],
    );
  }

  /**
   * The author's revision arrived with their response: the round takes it back to review, or
   * (after "resubmit for review") closes and the next one opens.
   */
  async revisionReceived(id: string, response: string, at: Date, closes: boolean): Promise<void> {
    await this.db.query(
      closes
        ? `UPDATE review_rounds SET author_response = $2, revised_at = $3, status = 'closed',
                  closed_at = $3 WHERE id = $1`
        : `UPDATE review_rounds SET author_response = $2, revised_at = $3,
                  status = 'revisions_submitted' WHERE id = $1`,
      [id, response, at],
    );
  }
}
