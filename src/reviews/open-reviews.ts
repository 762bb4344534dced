import { type EntityManager, In } from 'typeorm';
import { SubmissionEvent } from '../submissions/entities/submission-event.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewRound } from './entities/review-round.entity';
import type { ReviewMailer } from './review-mailer';

/**
 * Ends review where the submission's course ends it (a final decision, a withdrawal): the
 * reviewers still invited or reviewing are released and told, their links stop working, and
 * with `closeRounds` the open rounds close, so no reminder goes out for them again.
 */
export async function releaseOpenReviews(
  manager: EntityManager,
  mailer: ReviewMailer,
  scope: { roundId: string } | { submissionId: string },
  actorId: string | null,
  because: 'decision' | 'withdrawn',
  closeRounds = false,
): Promise<number> {
  const open = await manager.findBy(ReviewAssignment, {
    ...scope,
    state: In(['invited', 'accepted']),
  });
  for (const assignment of open) {
    await manager.update(
      ReviewAssignment,
      { id: assignment.id },
      { state: 'cancelled', cancelledAt: new Date(), responseNonce: null },
    );
    // Never author-visible: it would tell who reviews.
    await manager.insert(SubmissionEvent, {
      submissionId: assignment.submissionId,
      actorId,
      kind: 'review_cancelled',
      authorVisible: false,
      data: { assignmentId: assignment.id, because } as never,
    });
    await mailer.simple(manager, assignment.id, 'review-cancelled');
  }
  if (closeRounds) {
    const rounds =
      'roundId' in scope ? { id: scope.roundId } : { submissionId: scope.submissionId };
    await manager.update(
      ReviewRound,
      { ...rounds, status: In(['in_review', 'revisions_requested', 'revisions_submitted']) },
      { status: 'closed', closedAt: new Date() },
    );
  }
  return open.length;
}
