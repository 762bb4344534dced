import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { Person } from '../../editorial/people';
import type { Actor } from '../../editorial/request-context';
import { type ReviewDraftDto, ReviewWriting } from '../../reviews';
import type { StoredReview } from './review-form';
import { reviewerPageProblems } from './reviewer-pages.problems';

/** The version of a review a page was given: when it was last changed, to the millisecond. */
export const versionOf = (review: StoredReview): string => review.updatedAt.toISOString();

/**
 * The review's saves from its page, each carrying the version the page was given: a save or a
 * submission meets the review as it is under its row lock, and is refused (409 review-changed)
 * when it was changed since (another tab, another device, the API), so nothing is overwritten
 * without the reviewer seeing it. The work itself is ReviewWriting's, as for the API.
 */
@Injectable()
export class ReviewDrafts {
  constructor(private readonly writing: ReviewWriting) {}

  @Transactional()
  async save(
    user: Person,
    assignmentId: string,
    draft: ReviewDraftDto,
    version: string,
  ): Promise<StoredReview> {
    await this.unchangedSince(user, assignmentId, version);
    return this.writing.saveDraft(user, assignmentId, draft);
  }

  @Transactional()
  async submit(
    user: Person,
    assignmentId: string,
    version: string,
    actor: Actor,
  ): Promise<StoredReview> {
    await this.unchangedSince(user, assignmentId, version);
    return this.writing.submit(user, assignmentId, {}, actor);
  }

  /** Saving nothing takes the review's lock, held to the end of this transaction, and reads it. */
  private async unchangedSince(user: Person, assignmentId: string, version: string) {
    const review = await this.writing.saveDraft(user, assignmentId, {});
    if (versionOf(review) !== version)
      throw reviewerPageProblems.raise(
        'review-changed',
        'The review was saved from somewhere else since this page was opened',
      );
  }
}
