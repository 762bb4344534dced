import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from '../database/transactions';
import type { ReviewFormQuestion } from './entities/review-form.entity';
import { Review } from './entities/review.entity';

/** The rows of reviews: what reviewers write. */
@Injectable()
export class ReviewsRepository extends Repository {
  ofAssignments(assignmentIds: string[]): Promise<Review[]> {
    if (assignmentIds.length === 0) return Promise.resolve([]);
    return this.db.findBy(Review, { assignmentId: In(assignmentIds) });
  }

  ofAssignment(assignmentId: string): Promise<Review | null> {
    return this.db.findOneBy(Review, { assignmentId });
  }

  /** The review of an assignment, locked for a change. */
  lockOfAssignment(assignmentId: string): Promise<Review | null> {
    return this.db.findOne(Review, {
      where: { assignmentId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  get(id: string): Promise<Review> {
    return this.db.findOneByOrFail(Review, { id });
  }

  /** Starts the review of an accepted assignment with the form's questions, unless it exists. */
  async start(assignmentId: string, questions: ReviewFormQuestion[]): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(Review)
      .values({ assignmentId, questions: questions as never })
      .orIgnore()
      .execute();
  }

  async update(id: string, changes: QueryDeepPartialEntity<Review>): Promise<void> {
    await this.db.update(Review, { id }, changes);
  }
}
