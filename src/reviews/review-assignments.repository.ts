import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from '../database/transactions';
import { type AssignmentState, ReviewAssignment } from './entities/review-assignment.entity';

/** An assignment that still asks something of its reviewer. */
export const OPEN_STATES: AssignmentState[] = ['invited', 'accepted'];

/** Which assignments a release covers: one round's, or every round's of a submission. */
export type ReviewScope = { roundId: string } | { submissionId: string };

const WRITE_LOCK = { mode: 'pessimistic_write' as const };

/** The rows of review_assignments. */
@Injectable()
export class ReviewAssignmentsRepository extends Repository {
  /** A submission's assignments with their reviewers, oldest invitation first. */
  ofSubmission(submissionId: string): Promise<ReviewAssignment[]> {
    return this.db.find(ReviewAssignment, {
      where: { submissionId },
      relations: { reviewer: true },
      order: { invitedAt: 'ASC' },
    });
  }

  /** One assignment of a submission with its reviewer. */
  ofSubmissionWithReviewer(id: string, submissionId: string): Promise<ReviewAssignment | null> {
    return this.db.findOne(ReviewAssignment, {
      where: { id, submissionId },
      relations: { reviewer: true },
    });
  }

  /** One assignment of a submission, locked for a change. */
  lockOfSubmission(id: string, submissionId: string): Promise<ReviewAssignment | null> {
    return this.db.findOne(ReviewAssignment, { where: { id, submissionId }, lock: WRITE_LOCK });
  }

  /** A reviewer's own assignment (locked for a change when `lock`). */
  ofReviewer(id: string, reviewerId: string, lock = false): Promise<ReviewAssignment | null> {
    return this.db.findOne(ReviewAssignment, {
      where: { id, reviewerId },
      ...(lock ? { lock: WRITE_LOCK } : {}),
    });
  }

  /** An assignment by id (locked for a change when `lock`). */
  find(id: string, lock = false): Promise<ReviewAssignment | null> {
    return this.db.findOne(ReviewAssignment, {
      where: { id },
      ...(lock ? { lock: WRITE_LOCK } : {}),
    });
  }

  get(id: string): Promise<ReviewAssignment> {
    return this.db.findOneByOrFail(ReviewAssignment, { id });
  }

  /** An assignment with its reviewer and round, and the link nonce: what its emails need. */
  async forMail(id: string): Promise<ReviewAssignment> {
    const assignment = await this.db.findOneOrFail(ReviewAssignment, {
      where: { id },
      relations: { reviewer: true, round: true },
    });
    assignment.responseNonce = await this.responseNonce(id);
    return assignment;
  }

  /** The link nonce, which ordinary loads leave out (`select: false`); null once used. */
  async responseNonce(id: string): Promise<string | null> {
    const row = await this.db
      .createQueryBuilder(ReviewAssignment, 'a')
      .select('a.responseNonce', 'nonce')
      .where('a.id = :id', { id })
      .getRawOne<{ nonce: string | null }>();
    return row?.nonce ?? null;
  }

  /** A reviewer's assignments in every journal, newest first, with their rounds and journals. */
  ofReviewerEverywhere(reviewerId: string): Promise<ReviewAssignment[]> {
    return this.db.find(ReviewAssignment, {
      where: { reviewerId },
      relations: { round: true, journal: true },
      order: { invitedAt: 'DESC' },
      take: 500,
    });
  }

  inRound(roundId: string): Promise<ReviewAssignment[]> {
    return this.db.findBy(ReviewAssignment, { roundId });
  }

  existsInRound(roundId: string, reviewerId: string): Promise<boolean> {
    return this.db.existsBy(ReviewAssignment, { roundId, reviewerId });
  }

  /** Invited or accepted assignments of a reviewer in a journal: their current load. */
  countOpen(journalId: string, reviewerId: string): Promise<number> {
    return this.db.countBy(ReviewAssignment, { journalId, reviewerId, state: In(OPEN_STATES) });
  }

  /** Serialises invitations of one submission, so "twice in a round" cannot race. */
  async lockSubmission(submissionId: string): Promise<void> {
    await this.db.query('SELECT 1 FROM submissions WHERE id = $1 FOR UPDATE', [submissionId]);
  }

  /** Serialises invitations of one reviewer, so two editors cannot both take the last place. */
  async lockReviewer(reviewerId: string): Promise<void> {
    await this.db.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [reviewerId]);
  }

  create(values: Partial<ReviewAssignment>): Promise<ReviewAssignment> {
    return this.db.save(this.db.create(ReviewAssignment, values));
  }

  async update(id: string, changes: QueryDeepPartialEntity<ReviewAssignment>): Promise<void> {
    await this.db.update(ReviewAssignment, { id }, changes);
  }

  /** The open assignments in the scope. */
  open(scope: ReviewScope): Promise<ReviewAssignment[]> {
    return this.db.findBy(ReviewAssignment, { ...scope, state: In(OPEN_STATES) });
  }

  /** Ends an assignment: cancelled, and its link dead. */
  async cancel(id: string): Promise<void> {
    await this.db.update(
      ReviewAssignment,
      { id },
      { state: 'cancelled', cancelledAt: new Date(), responseNonce: null },
    );
  }
}
