import { Injectable } from '@nestjs/common';
import type { RevisionKind } from './entities/review-round.entity';
import { ReviewRoundsRepository } from './review-rounds.repository';

/**
 * What decisions and the author's revisions do to the review rounds, for the decisions
 * feature: the rounds are peer review's, so their changes are made here.
 */
@Injectable()
export class ReviewRoundProgress {
  constructor(private readonly rounds: ReviewRoundsRepository) {}

  /** Opens round `number` of the submission, on its manuscript's `fileVersion`. */
  open(submissionId: string, number: number, fileVersion: number): Promise<void> {
    return this.rounds.open(submissionId, number, fileVersion);
  }

  /** The author is asked to revise, by `dueAt`. */
  requestRevisions(roundId: string, kind: RevisionKind, dueAt: Date): Promise<void> {
    return this.rounds.update(roundId, {
      status: 'revisions_requested',
      revisionKind: kind,
      revisionsDueAt: dueAt,
    });
  }

  /** Back in review after a reverted decline: the round it closed goes on. */
  reopen(roundId: string): Promise<void> {
    return this.rounds.update(roundId, { status: 'in_review', closedAt: null });
  }

  /**
   * The author's revision arrived with their response: the round takes it back to review, or
   * (after "resubmit for review") closes, and the decisions feature opens the next one.
   */
  revisionReceived(roundId: string, response: string, at: Date, closes: boolean): Promise<void> {
    return this.rounds.update(
      roundId,
      closes
        ? { authorResponse: response, revisedAt: at, status: 'closed', closedAt: at }
        : { authorResponse: response, revisedAt: at, status: 'revisions_submitted' },
    );
  }
}
