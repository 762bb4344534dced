import { Injectable } from '@nestjs/common';
import type { ProblemException } from '../../common/http/problem.exception';
import { httpProblems } from '../../common/problems/http.problems';
import { editorialProblems } from '../editorial.problems';
import type { SubmissionEventInput } from '../events/submission-event';
import { SubmissionEvents } from '../events/submission-events.service';
import type { Actor } from '../request-context';
import type { JournalRoleName } from '../roles';
import { arrowOf, decisionsFrom, type StageStep, type SubmissionStage } from './stage-transitions';
import { SubmissionStageRepository } from './submission-stage.repository';

/** Who asks to move a submission. */
export type Mover =
  /** The submitter (the caller has checked that they are). */
  | { kind: 'author' }
  /** Someone with journal roles (the caller has checked they handle the submission). */
  | { kind: 'staff'; roles: readonly JournalRoleName[]; isSiteAdmin: boolean }
  /** The worker, on a schedule. */
  | { kind: 'system' };

export interface StageMove {
  step: StageStep;
  by: Mover;
  actor: Actor;
  /** The lock version the mover saw; without one, the row's current version (it is locked). */
  lockVersion?: number;
  /** Where a `previous` arrow (a revert) leads: the caller knows the stage before the decline. */
  to?: SubmissionStage;
  /** Other columns of the submission the step sets (submitted_at, number, withdrawal_reason…). */
  columns?: Record<string, unknown>;
  /** What the history records; by default nothing (the caller records its own event). */
  event?: SubmissionEventInput;
  /** The words of a refusal, when the caller's clients know them by another type. */
  refuse?: {
    notAllowed?: (from: SubmissionStage) => ProblemException;
    forbidden?: () => ProblemException;
    stale?: () => ProblemException;
  };
}

export interface StageMoved {
  from: SubmissionStage;
  to: SubmissionStage;
  lockVersion: number;
}

/**
 * The one way a submission changes stage. Each move must be an arrow of the transition table
 * from the submission's stage, taken by someone the arrow allows, on the lock version the mover
 * saw (409 `stale-submission` when another change came first); it bumps the lock version and
 * records the event, in the ambient transaction.
 */
@Injectable()
export class StageMachine {
  constructor(
    private readonly stages: SubmissionStageRepository,
    private readonly events: SubmissionEvents,
  ) {}

  async move(submissionId: string, move: StageMove): Promise<StageMoved> {
    const arrow = arrowOf(move.step);
    const row = await this.stages.lock(submissionId);
    if (!row) throw httpProblems.raise('not-found', 'There is no such submission');
    if (!arrow.from.includes(row.stage))
      throw (
        move.refuse?.notAllowed?.(row.stage) ??
        editorialProblems.raise(
          'transition-not-allowed',
          `“${move.step}” cannot be taken on a submission that is ${row.stage}; possible decisions: ${decisionsFrom(row.stage).join(', ') || 'none'}`,
        )
      );
    this.assertMayTake(move);
    const to = arrow.to === 'previous' ? move.to : arrow.to;
    if (!to)
      throw new Error(`${move.step} goes back to the previous stage: the caller must say which`);
    const expected = move.lockVersion ?? row.lockVersion;
    const stale = () =>
      move.refuse?.stale?.() ??
      editorialProblems.raise(
        'stale-submission',
        'The submission changed meanwhile (another decision?): reload it',
      );
    if (expected !== row.lockVersion) throw stale();
    if (!(await this.stages.move(submissionId, to, expected, move.columns ?? {}))) throw stale();
    if (move.event) await this.events.record(submissionId, move.actor, move.event);
    return { from: row.stage, to, lockVersion: expected + 1 };
  }

  private assertMayTake({ step, by, refuse }: StageMove): void {
    const taker = arrowOf(step).by;
    const allowed =
      taker.kind === 'author'
        ? by.kind === 'author'
        : by.kind === 'system'
          ? taker.system === true
          : by.kind === 'staff' &&
            (by.isSiteAdmin || taker.roles.some((role) => by.roles.includes(role)));
    if (!allowed)
      throw (
        refuse?.forbidden?.() ??
        editorialProblems.raise('step-forbidden', `Your roles do not allow “${step}”`)
      );
  }
}
