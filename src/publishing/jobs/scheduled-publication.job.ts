import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JournalRole } from '../../access/journal-role.entity';
import { SYSTEM_ACTOR } from '../../editorial/request-context';
import { AuditLog } from '../../audit/audit-log.service';
import { ProblemException } from '../../common/http/problem.exception';
import { AppConfig } from '../../config/app-config';
import { Journal } from '../../journals/journal.entity';
import { NotificationService } from '../../notifications/notification.service';
import { recipientOf } from '../../reviews/submission-facts';
import { Issue } from '../entities/issue.entity';
import { identifyIssue } from '../issue-identification';
import { IssuePublisher } from '../issue-publisher.service';

/** The scan takes no input: it reads what is due from the database each time. */
export type ScheduledPublicationJobData = Record<string, never>;

export type ScheduledPublicationOutcome =
  { status: 'done'; published: number; returned: number } | { status: 'skipped'; reason: string };

/**
 * Publishes the scheduled issues whose time has come, each in its own transaction with the
 * issue row locked (SKIP LOCKED: two workers never publish the same issue, and a published one
 * is no longer scheduled, so re-running is harmless). An issue that fails the checks goes back
 * to the editors as a draft and they are emailed why; any other failure is thrown, and the next
 * scan tries again.
 */
@Injectable()
export class ScheduledPublicationJob {
  static readonly jobName = 'scheduled-publication';
  static readonly schedulerId = 'scheduled-publication-scan';
  private readonly logger = new Logger(ScheduledPublicationJob.name);

  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: IssuePublisher,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async handle(now = new Date()): Promise<ScheduledPublicationOutcome> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM issues WHERE status = 'scheduled' AND scheduled_for <= $1 ORDER BY scheduled_for`,
      [now],
    );
    if (due.length === 0) return { status: 'skipped', reason: 'nothing is due' };
    let published = 0;
    let returned = 0;
    for (const { id } of due) {
      const outcome = await this.publishOne(id, now);
      if (outcome === 'published') published += 1;
      if (outcome === 'returned') returned += 1;
    }
    return { status: 'done', published, returned };
  }

  private async publishOne(id: string, now: Date): Promise<'published' | 'returned' | 'skipped'> {
    try {
      return await inTransaction(this.transactions, async (manager) => {
        const [row] = await manager.query(
          `SELECT id FROM issues WHERE id = $1 AND status = 'scheduled' AND scheduled_for <= $2
              FOR UPDATE SKIP LOCKED`,
          [id, now],
        );
        if (!row) return 'skipped' as const;
        const issue = await manager.findOneByOrFail(Issue, { id });
        const journal = await manager.findOneByOrFail(Journal, { id: issue.journalId });
        await this.publisher.publishIn(manager, journal, id, null, SYSTEM_ACTOR, now);
        this.logger.log(`published scheduled issue ${id}`);
        return 'published' as const;
      });
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status >= 500) throw error;
      await this.returnToEditors(id, error.problem.detail ?? error.message);
      return 'returned';
    }
  }

  /** Not publishable as it stands: a draft again, and the editors are told why. */
  private async returnToEditors(id: string, reason: string) {
    await inTransaction(this.transactions, async (manager) => {
      const issue = await manager.findOne(Issue, {
        where: { id, status: 'scheduled' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!issue) return;
      const journal = await manager.findOneByOrFail(Journal, { id: issue.journalId });
      await this.publisher.unscheduleIn(manager, journal, issue, SYSTEM_ACTOR);
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.scheduled_publication_failed',
        after: { reason },
      });
      const editors = await manager.find(JournalRole, {
        where: [
          { journalId: journal.id, role: 'editor' },
          { journalId: journal.id, role: 'manager' },
        ],
        relations: { user: true },
      });
      const seen = new Set<string>();
      for (const { user } of editors) {
        if (!user || user.status !== 'active' || seen.has(user.id)) continue;
        seen.add(user.id);
        await this.notifications.queueEmail(manager, {
          template: 'issue-publication-failed',
          to: recipientOf(user),
          journalId: journal.id,
          dedupeKey: `issue-publication-failed:${issue.id}:${issue.scheduledFor?.toISOString()}:${user.id}`,
          data: {
            issue: identifyIssue(issue, user.preferredLocale),
            scheduledFor: issue.scheduledFor?.toISOString().slice(0, 16).replace('T', ' ') ?? '',
            reason,
            issueUrl: new URL(
              `/journals/${journal.slug}/issues/${issue.id}`,
              this.config.PUBLIC_URL,
            ).href,
          },
        });
      }
    });
  }
}
