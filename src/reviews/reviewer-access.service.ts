import { Injectable } from '@nestjs/common';
import { httpProblems } from '../common/problems/http.problems';
import { AppConfig } from '../config/app-config';
import type { ReviewAssignment } from './entities/review-assignment.entity';
import type { Review } from './entities/review.entity';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { parseResponseToken, verifyResponseToken } from './review-response-token';
import { reviewProblems } from './reviews.problems';
import { ReviewsRepository } from './reviews.repository';

const invalidLink = () =>
  reviewProblems.raise(
    'invalid-review-link',
    'This invitation link is not valid: it is wrong, has expired or was already used',
  );

/**
 * Which assignment a reviewer may act on: their own (anyone else's answers 404, so not even its
 * existence is revealed), or the one an invitation link signs for.
 */
@Injectable()
export class ReviewerAccess {
  constructor(
    private readonly config: AppConfig,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly reviews: ReviewsRepository,
  ) {}

  /** The signed-in reviewer's own assignment (locked for a change when `lock`). */
  async own(reviewerId: string, assignmentId: string, lock = false): Promise<ReviewAssignment> {
    const assignment = await this.assignments.ofReviewer(assignmentId, reviewerId, lock);
    if (!assignment)
      throw httpProblems.raise('not-found', 'There is no such review assignment of yours');
    return assignment;
  }

  /** The assignment an invitation link signs for, while the link is valid. */
  async byToken(token: string, lock = false): Promise<ReviewAssignment> {
    const parsed = parseResponseToken(token);
    if (!parsed) throw invalidLink();
    const assignment = await this.assignments.find(parsed.assignmentId, lock);
    if (!assignment) throw invalidLink();
    const nonce = await this.assignments.responseNonce(assignment.id);
    if (!verifyResponseToken(this.config.APP_SECRET, parsed, nonce)) throw invalidLink();
    // A link signed for an earlier due date stops working when the editor moves it.
    if (parsed.expiresAt.getTime() !== Math.floor(assignment.reviewDueAt.getTime() / 1000) * 1000)
      throw invalidLink();
    return assignment;
  }

  /**
   * The reviewer's accepted assignment and its review, locked for writing; 409 once the review
   * is submitted (locked) or when there is none to write.
   */
  async editable(
    reviewerId: string,
    assignmentId: string,
  ): Promise<{ assignment: ReviewAssignment; review: Review }> {
    const assignment = await this.own(reviewerId, assignmentId, true);
    const review = await this.reviews.lockOfAssignment(assignmentId);
    if (review?.locked || assignment.state === 'completed')
      throw reviewProblems.raise(
        'review-locked',
        'The review has been submitted; ask the editor to unlock it',
      );
    if (assignment.state !== 'accepted' || !review)
      throw reviewProblems.raise(
        'not-accepted',
        `This assignment is ${assignment.state}: there is no review to write`,
      );
    return { assignment, review };
  }
}
