import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/http/problem.exception';
import { problemType } from '../../common/problems/problem-registry';
import type { Person } from '../../editorial/people';
import type { Actor } from '../../editorial/request-context';
import { type ReviewDraftDto, ReviewWriting } from '../../reviews';
import type { StoredReview } from './review-form';
import { reviewerPageProblems } from './reviewer-pages.problems';

/** The version of a review a page was given: its lock version, as the form's field holds it. */
export const versionOf = (review: StoredReview): string => String(review.lockVersion);

/**
 * The lock version a page sent. One it cannot have been given (missing, not a number) is 0,
 * which no review has: the save is refused as changed, as a wrong version is.
 */
const lockVersionOf = (version: string): number => (/^[1-9]\d{0,9}$/.test(version) ? +version : 0);

/**
 * The review's saves from its page, each carrying the version the page was given: ReviewWriting
 * checks it under the review's row lock, as for the API's `lockVersion`, and a review changed
 * since (another tab, another device, the API) is refused (409 review-changed, the page's own
 * word for the API's stale-review), so nothing is overwritten without the reviewer seeing it.
 */
@Injectable()
export class ReviewDrafts {
  constructor(private readonly writing: ReviewWriting) {}

  save(
    user: Person,
    assignmentId: string,
    draft: ReviewDraftDto,
    version: string,
  ): Promise<StoredReview> {
    return asPageProblem(
      this.writing.saveDraft(user, assignmentId, { ...draft, lockVersion: lockVersionOf(version) }),
    );
  }

  submit(user: Person, assignmentId: string, version: string, actor: Actor): Promise<StoredReview> {
    return asPageProblem(
      this.writing.submit(user, assignmentId, { lockVersion: lockVersionOf(version) }, actor),
    );
  }
}

async function asPageProblem(work: Promise<StoredReview>): Promise<StoredReview> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ProblemException && error.problem.type === problemType('stale-review'))
      throw reviewerPageProblems.raise(
        'review-changed',
        'The review was saved from somewhere else since this page was opened',
      );
    throw error;
  }
}
