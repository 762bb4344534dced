import type { EntityManager } from 'typeorm';
import type { Transactions } from '../database/transactions';
import { SubmissionEventsRepository } from '../editorial/events/submission-events.repository';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import { ReviewAssignmentsRepository, type ReviewScope } from './review-assignments.repository';
import type { ReviewMailer } from './review-mailer';
import { ReviewReleases } from './review-releases.service';
import { ReviewRoundsRepository } from './review-rounds.repository';

/**
 * `ReviewReleases.release` in the transaction of `manager`, with the mailer the caller holds.
 */
// For decisions (closing a round), until it calls ReviewReleases; for submissions, until its
// withdrawal publishes `submission.withdrawn` (both do now: nothing imports this, it can go).
export function releaseOpenReviews(
  manager: EntityManager,
  mailer: ReviewMailer,
  scope: ReviewScope,
  actorId: string | null,
  because: 'decision' | 'withdrawn',
  closeRounds = false,
): Promise<number> {
  // The caller's transaction, which is also the ambient one the mailer writes in.
  const transaction = { tx: manager } as unknown as Transactions;
  const releases = new ReviewReleases(
    new ReviewAssignmentsRepository(transaction),
    new ReviewRoundsRepository(transaction),
    new SubmissionEvents(new SubmissionEventsRepository(transaction)),
    mailer,
  );
  return releases.release(
    scope,
    { kind: actorId ? 'user' : 'system', userId: actorId },
    because,
    closeRounds,
  );
}
