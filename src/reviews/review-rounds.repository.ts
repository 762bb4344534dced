import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Repository } from '../database/transactions';
import { ReviewRound } from './entities/review-round.entity';
import type { ReviewScope } from './review-assignments.repository';

/** The rows of review_rounds. */
@Injectable()
export class ReviewRoundsRepository extends Repository {
  /** A submission's rounds, newest first. */
  ofSubmission(submissionId: string): Promise<ReviewRound[]> {
    return this.db.find(ReviewRound, { where: { submissionId }, order: { number: 'DESC' } });
  }

  /** The submission's current (newest) round, if any. */
  latest(submissionId: string): Promise<ReviewRound | null> {
    return this.db.findOne(ReviewRound, { where: { submissionId }, order: { number: 'DESC' } });
  }

  numbered(submissionId: string, number: number): Promise<ReviewRound | null> {
    return this.db.findOneBy(ReviewRound, { submissionId, number });
  }

  find(id: string): Promise<ReviewRound | null> {
    return this.db.findOneBy(ReviewRound, { id });
  }

  get(id: string): Promise<ReviewRound> {
    return this.db.findOneByOrFail(ReviewRound, { id });
  }

  /** Closes the rounds of the scope that are not closed yet. */
  async close(scope: ReviewScope): Promise<void> {
    const rounds =
      'roundId' in scope ? { id: scope.roundId } : { submissionId: scope.submissionId };
    await this.db.update(
      ReviewRound,
      { ...rounds, status: In(['in_review', 'revisions_requested', 'revisions_submitted']) },
      { status: 'closed', closedAt: new Date() },
    );
  }

  /** Opens round `number` of the submission, on its manuscript's `fileVersion`. */
  async open(submissionId: string, number: number, fileVersion: number): Promise<void> {
    await this.db.insert(ReviewRound, { submissionId, number, fileVersion, status: 'in_review' });
  }

  async update(id: string, changes: Partial<ReviewRound>): Promise<void> {
    await this.db.update(ReviewRound, { id }, changes);
  }
}
