import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { DomainEvents } from '../editorial/events/domain-events';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import { StageMachine } from '../editorial/stages/stage-machine';
import type { Submission } from './entities/submission.entity';
import { SubmissionsMailer } from './submissions-mailer';
import { submissionProblems } from './submissions.problems';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

/**
 * The author withdraws a submission before any final decision, with a reason. Whatever is
 * still under way for it ends with it: the withdrawal is announced (`submission.withdrawn`) in
 * its transaction, and the features at work on it (reviews) end their part; the editors are told.
 */
@Injectable()
export class Withdrawal {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly rows: SubmissionsRepository,
    private readonly stages: StageMachine,
    private readonly domainEvents: DomainEvents,
    private readonly audit: AuditLog,
    private readonly mailer: SubmissionsMailer,
  ) {}

  @Transactional()
  async withdraw(id: string, user: Person, reason: string, actor: Actor): Promise<Submission> {
    const submission = await this.submissions.forSubmitter(id, user);
    const withdrawnAt = new Date();
    const why = reason.trim();
    const moved = await this.stages.move(id, {
      step: 'withdraw',
      by: { kind: 'author' },
      actor,
      columns: { withdrawn_at: withdrawnAt, withdrawal_reason: why, updated_at: withdrawnAt },
      event: { kind: 'withdrawn', data: { reason: why } },
      refuse: {
        notAllowed: (stage) =>
          submissionProblems.raise(
            'not-withdrawable',
            stage === 'draft'
              ? 'A draft has not been submitted: there is nothing to withdraw'
              : `The submission is ${stage}: it can no longer be withdrawn`,
          ),
      },
    });
    // Reviewers stop, are told, and get no more reminders; no more revisions are due.
    await this.domainEvents.publish({ name: 'submission.withdrawn', submissionId: id, actor });
    await this.audit.write({
      actor,
      journalId: submission.journalId,
      objectType: 'submission',
      objectId: id,
      action: 'submission.withdrawn',
      before: { stage: moved.from },
      after: { stage: 'withdrawn' },
    });
    await this.mailer.withdrawn({
      submission,
      journal: submission.journal!,
      reason: why,
      withdrawnAt,
    });
    return this.rows.byId(id);
  }
}
