import { Injectable } from '@nestjs/common';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Actor } from '../editorial/request-context';
import { ReviewAssignmentsRepository, type ReviewScope } from './review-assignments.repository';
import { ReviewMailer } from './review-mailer';
import { ReviewRoundsRepository } from './review-rounds.repository';

/**
 * Ends review where the submission's course ends it (a final decision, a withdrawal): the
 * reviewers still invited or reviewing are released and told, their links stop working, and
 * with `closeRounds` the open rounds close, so no reminder goes out for them again. Runs in the
 * caller's transaction; a second run finds nothing open.
 */
@Injectable()
export class ReviewReleases {
  constructor(
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly rounds: ReviewRoundsRepository,
    private readonly events: SubmissionEvents,
    private readonly mailer: ReviewMailer,
  ) {}

  /** Releases the open assignments of the scope; returns how many there were. */
  async release(
    scope: ReviewScope,
    actor: Actor,
    because: 'decision' | 'withdrawn',
    closeRounds = false,
  ): Promise<number> {
    const open = await this.assignments.open(scope);
    for (const assignment of open) {
      await this.assignments.cancel(assignment.id);
      await this.events.record(assignment.submissionId, actor, {
        kind: 'review_cancelled',
        data: { assignmentId: assignment.id, because },
      });
      await this.mailer.plain(assignment.id, 'review-cancelled');
    }
    if (closeRounds) await this.rounds.close(scope);
    return open.length;
  }
}
