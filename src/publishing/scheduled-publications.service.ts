import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { SYSTEM_ACTOR } from '../editorial/request-context';
import { SYSTEM_MOVER } from './article-stages';
import { JournalsLookup } from '../journals';
import { IssueMailer } from './issue-mailer';
import { IssuePublisher } from './issue-publisher.service';
import { IssuesRepository } from './issues.repository';

/**
 * The worker's side of scheduling: the issues whose time has come, each published in its own
 * transaction with its row claimed, and an issue that fails the checks returned to its editors.
 */
@Injectable()
export class ScheduledPublications {
  private readonly logger = new Logger(ScheduledPublications.name);

  constructor(
    private readonly issues: IssuesRepository,
    private readonly publisher: IssuePublisher,
    private readonly mailer: IssueMailer,
    private readonly journals: JournalsLookup,
    private readonly audit: AuditLog,
  ) {}

  /** The scheduled issues due at `now`, soonest first. */
  due(now: Date): Promise<string[]> {
    return this.issues.due(now);
  }

  /**
   * Publishes a due issue, its row claimed with SKIP LOCKED (two workers never publish the same
   * issue, and a published one is no longer scheduled); false when there was nothing to do.
   */
  @Transactional()
  async publishDue(id: string, now: Date): Promise<boolean> {
    if (!(await this.issues.claimDue(id, now))) return false;
    const issue = await this.issues.byId(id);
    const journal = await this.journals.byId(issue.journalId);
    await this.publisher.publishIn(journal, id, null, SYSTEM_MOVER, SYSTEM_ACTOR, { now });
    this.logger.log(`published scheduled issue ${id}`);
    return true;
  }

  /** Not publishable as it stands: a draft again, and the editors are told why. */
  @Transactional()
  async returnToEditors(id: string, reason: string): Promise<void> {
    const issue = await this.issues.lockScheduled(id);
    if (!issue) return;
    const journal = await this.journals.byId(issue.journalId);
    await this.publisher.unscheduleIn(issue, SYSTEM_MOVER, SYSTEM_ACTOR);
    await this.audit.write({
      actor: SYSTEM_ACTOR,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.scheduled_publication_failed',
      after: { reason },
    });
    await this.mailer.scheduledPublicationFailed(journal, issue, reason);
  }
}
