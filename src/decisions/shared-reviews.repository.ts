import { Injectable } from '@nestjs/common';
import type { Locale } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import type { PersonNames } from '../editorial/people';
import type { Recommendation, ReviewAnswer, ReviewFormQuestion } from '../reviews';

/** A completed review of a round, as a decision may share it with the author. */
export interface CompletedReviewRow {
  assignmentId: string;
  recommendation: Recommendation | null;
  commentsForAuthor: string;
  questions: ReviewFormQuestion[];
  answers: Record<string, ReviewAnswer>;
}

/** A reviewer's file: which review it belongs to, its type, and whether the reviewer offers it. */
export interface ReviewFileRow {
  id: string;
  assignmentId: string;
  mediaType: string;
  shareWithAuthor: boolean;
}

/** A reviewer of a round, as the outcome email reaches them. */
export interface RoundReviewerRow {
  email: string;
  names: PersonNames;
  preferredLocale: Locale;
}

/**
 * What decisions read of peer review, from the reviews' tables: the round's completed reviews
 * with their files (what a letter may share with the author), and the reviewers themselves.
 */
@Injectable()
export class SharedReviewsRepository extends Repository {
  /** The round's completed reviews, in the order they were completed. */
  completed(roundId: string): Promise<CompletedReviewRow[]> {
    return this.db.query(
      `SELECT a.id AS "assignmentId", r.recommendation,
              coalesce(r.comments_for_author, '') AS "commentsForAuthor",
              coalesce(r.questions, '[]'::jsonb) AS questions,
              coalesce(r.answers, '{}'::jsonb) AS answers
         FROM review_assignments a LEFT JOIN reviews r ON r.assignment_id = a.id
        WHERE a.round_id = $1 AND a.state = 'completed'
        ORDER BY a.completed_at ASC`,
      [roundId],
    );
  }

  /** The files of these reviews, oldest first. */
  files(assignmentIds: readonly string[]): Promise<ReviewFileRow[]> {
    if (assignmentIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT id, assignment_id AS "assignmentId", media_type AS "mediaType",
              share_with_author AS "shareWithAuthor"
         FROM review_files WHERE assignment_id = ANY($1) ORDER BY created_at ASC`,
      [assignmentIds],
    );
  }

  /** A reviewer's file: its type and its anonymised copy (the only one an author gets). */
  async file(id: string): Promise<{ mediaType: string; anonymisedKey: string }> {
    const [row]: { mediaType: string; anonymisedKey: string }[] = await this.db.query(
      `SELECT media_type AS "mediaType", anonymised_key AS "anonymisedKey"
         FROM review_files WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`no review file ${id}`);
    return row;
  }

  /** The reviewers whose reviews of the round are completed. */
  completedReviewers(roundId: string): Promise<RoundReviewerRow[]> {
    return this.db.query(
      `SELECT u.email, u.names, u.preferred_locale AS "preferredLocale"
         FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
        WHERE a.round_id = $1 AND a.state = 'completed'`,
      [roundId],
    );
  }

  /** The names of everyone asked to review the submission, in any round and any state. */
  async reviewerNames(submissionId: string): Promise<PersonNames[]> {
    const rows: { names: PersonNames }[] = await this.db.query(
      `SELECT u.names FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
        WHERE a.submission_id = $1`,
      [submissionId],
    );
    return rows.map((row) => row.names);
  }
}
