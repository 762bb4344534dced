import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import type { ReviewRound } from '../reviews';

/** A review round as decisions read it. */
export type RoundRow = Pick<
  ReviewRound,
  'id' | 'submissionId' | 'number' | 'fileVersion' | 'status' | 'revisionKind' | 'revisionsDueAt'
>;

const ROUND_COLUMNS = `id, submission_id AS "submissionId", number, file_version AS "fileVersion",
  status, revision_kind AS "revisionKind", revisions_due_at AS "revisionsDueAt"`;

/**
 * The review rounds a decision acts on, as decisions read them from peer review's table
 * review_rounds; what a decision does to them goes through peer review's ReviewRoundProgress.
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
}
