import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Repository } from '../database/transactions';
import { ReviewAssignment } from './entities/review-assignment.entity';

/** A reviewer's figures over a set of submissions. */
export interface ReviewerFigures {
  invitations: number;
  accepted: number;
  declined: number;
  completed: number;
  /** Median days from accepting to completing. */
  median_days: number | null;
  average_rating: number | null;
}

/** A reviewer's record in a journal: what they were asked, answered and delivered. */
@Injectable()
export class ReviewerRecordsRepository extends Repository {
  /** Every submission of the journal this reviewer was asked to review. */
  async submissionsAsked(journalId: string, reviewerId: string): Promise<string[]> {
    const rows: { submission_id: string }[] = await this.db.query(
      'SELECT DISTINCT submission_id FROM review_assignments WHERE journal_id = $1 AND reviewer_id = $2',
      [journalId, reviewerId],
    );
    return rows.map((row) => row.submission_id);
  }

  async figures(
    journalId: string,
    reviewerId: string,
    submissionIds: string[],
  ): Promise<ReviewerFigures> {
    const [figures]: ReviewerFigures[] = await this.db.query(
      `SELECT count(*)::int AS invitations,
              count(*) FILTER (WHERE responded_at IS NOT NULL AND state <> 'declined')::int AS accepted,
              count(*) FILTER (WHERE state = 'declined')::int AS declined,
              count(*) FILTER (WHERE state = 'completed')::int AS completed,
              percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM completed_at - responded_at) / 86400
              ) FILTER (WHERE state = 'completed')::float8 AS median_days,
              avg(quality_rating)::float8 AS average_rating
         FROM review_assignments
        WHERE journal_id = $1 AND reviewer_id = $2 AND submission_id = ANY($3::uuid[])`,
      [journalId, reviewerId, submissionIds],
    );
    return figures;
  }

  /** The reviewer's assignments on these submissions, newest first (at most 200). */
  assignments(
    journalId: string,
    reviewerId: string,
    submissionIds: string[],
  ): Promise<ReviewAssignment[]> {
    return this.db.find(ReviewAssignment, {
      where: { journalId, reviewerId, submissionId: In(submissionIds) },
      order: { invitedAt: 'DESC' },
      take: 200,
    });
  }
}
