import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { AppConfig } from '../../config/app-config';
import { Journal } from '../../journals/journal.entity';
import { NotificationService } from '../../notifications/notification.service';
import { Contributor } from '../../submissions/entities/contributor.entity';
import { ReviewAssignment } from '../entities/review-assignment.entity';
import { ReviewRound } from '../entities/review-round.entity';
import { ReviewMailer } from '../review-mailer';
import { DAY_MS } from '../../common/time';
import { day, loadSubmissionFacts, recipientOf } from '../submission-facts';

/** The scan takes no input: it reads what is due from the database each time. */
export type ReviewRemindersJobData = Record<string, never>;

export type ReviewRemindersOutcome =
  | { status: 'done'; assignments: number; rounds: number; emails: number }
  | { status: 'skipped'; reason: string };

/**
 * Reminds reviewers before and after their due dates, tells editors when a response date is
 * missed or a review stays late after the journal's reminders, and reminds authors of revisions
 * due. Run by a BullMQ job scheduler in the worker. Every email has a dedupe key made of the
 * assignment (or round), the kind, the due date and the reminder's number, written in the same
 * transaction as the counter it advances: a repeated or restarted scan sends nothing twice, and
 * a changed due date starts a fresh series.
 */
@Injectable()
export class ReviewRemindersJob {
  static readonly jobName = 'review-reminders';
  static readonly schedulerId = 'review-reminders-scan';
  private readonly logger = new Logger(ReviewRemindersJob.name);

  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: ReviewMailer,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
  ) {}

  async handle(now = new Date()): Promise<ReviewRemindersOutcome> {
    // Only what could need an email now: open assignments whose first reminder date has come.
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM review_assignments a JOIN journals j ON j.id = a.journal_id
        WHERE (a.state = 'invited' AND a.response_due_at - make_interval(days => j.review_reminder_days) <= $1)
           OR (a.state = 'accepted' AND a.review_due_at - make_interval(days => j.review_reminder_days) <= $1 AND a.escalated_at IS NULL)`,
      [now],
    );
    const rounds: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM review_rounds r
         JOIN submissions s ON s.id = r.submission_id JOIN journals j ON j.id = s.journal_id
        WHERE r.status = 'revisions_requested' AND r.revisions_due_at IS NOT NULL
          AND r.revisions_due_at - make_interval(days => j.review_reminder_days) <= $1`,
      [now],
    );
    if (due.length === 0 && rounds.length === 0)
      return { status: 'skipped', reason: 'nothing is due' };
    let emails = 0;
    for (const { id } of due) emails += await this.remindAssignment(id, now);
    for (const { id } of rounds) emails += await this.remindRevisions(id, now);
    if (emails) this.logger.log(`queued ${emails} reminder(s)`);
    return { status: 'done', assignments: due.length, rounds: rounds.length, emails };
  }

  /** One assignment, in its own transaction; SKIP LOCKED leaves it to whoever holds it. */
  private remindAssignment(id: string, now: Date): Promise<number> {
    return inTransaction(this.transactions, async (manager) => {
      const [row] = await manager.query(
        `SELECT id FROM review_assignments WHERE id = $1 FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!row) return 0;
      const assignment = await manager.findOneByOrFail(ReviewAssignment, { id });
      const journal = await manager.findOneByOrFail(Journal, { id: assignment.journalId });
      const invited = assignment.state === 'invited';
      if (!invited && assignment.state !== 'accepted') return 0;
      const dueAt = invited ? assignment.responseDueAt : assignment.reviewDueAt;
      const phase = invited ? 'response' : 'review';
      const key = (suffix: string) =>
        `review-reminder:${assignment.id}:${phase}:${dueAt.toISOString()}:${suffix}`;

      if (now < dueAt) {
        // Before the date: one reminder, `reviewReminderDays` ahead.
        if (journal.reviewReminderDays <= 0 || (await this.sent(manager, key('before')))) return 0;
        if (invited) await this.mailer.responseReminder(manager, id, false, key('before'));
        else await this.mailer.dueReminder(manager, id, 0, key('before'));
        return 1;
      }

      let emails = 0;
      const interval = journal.reviewOverdueReminderDays * DAY_MS;
      const elapsed = now.getTime() - dueAt.getTime();
      // A missed response date is reported to the editors at once (once per date).
      if (invited && !(await this.sent(manager, `${key('editor')}:%`))) {
        await this.mailer.overdueToEditors(manager, id, 'response', key('editor'));
        emails += 1;
      }
      // After the date: reminder n is due once (n-1) intervals have passed, up to the maximum.
      const owed = Math.min(Math.floor(elapsed / interval) + 1, journal.reviewOverdueReminders);
      if (owed > assignment.overdueReminders) {
        const number = assignment.overdueReminders + 1;
        const reminderKey = key(`overdue-${number}`);
        if (invited) await this.mailer.responseReminder(manager, id, true, reminderKey);
        else await this.mailer.dueReminder(manager, id, Math.floor(elapsed / DAY_MS), reminderKey);
        await manager.update(ReviewAssignment, { id }, { overdueReminders: number });
        emails += 1;
      } else if (
        !invited &&
        !assignment.escalatedAt &&
        assignment.overdueReminders >= journal.reviewOverdueReminders &&
        elapsed >= journal.reviewOverdueReminders * interval
      ) {
        // The reminders did not help: the editors take over.
        await this.mailer.overdueToEditors(manager, id, 'review', key('escalation'));
        await manager.update(ReviewAssignment, { id }, { escalatedAt: now });
        emails += 1;
      }
      return emails;
    });
  }

  /** Whether an email with this dedupe key (a LIKE pattern) is already in the outbox. */
  private async sent(manager: EntityManager, key: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM outbox_messages WHERE dedupe_key LIKE $1 LIMIT 1`,
      [key],
    );
    return rows.length > 0;
  }

  /** Reminds the author of revisions due: once before the date, once after. */
  private remindRevisions(roundId: string, now: Date): Promise<number> {
    return inTransaction(this.transactions, async (manager) => {
      const round = await manager.findOneBy(ReviewRound, { id: roundId });
      if (!round?.revisionsDueAt || round.status !== 'revisions_requested') return 0;
      const facts = await loadSubmissionFacts(manager, round.submissionId);
      const overdue = now >= round.revisionsDueAt;
      const dedupeKey = `revisions-reminder:${round.id}:${round.revisionsDueAt.toISOString()}:${overdue ? 'overdue' : 'before'}`;
      if (await this.sent(manager, `${dedupeKey}:%`)) return 0;
      let emails = 0;
      for (const author of await authorsOf(
        manager,
        facts.submission.id,
        facts.submission.submitterId,
      )) {
        await this.notifications.queueEmail(manager, {
          template: 'revisions-due-reminder',
          to: author,
          journalId: facts.journal.id,
          submissionId: facts.submission.id,
          dedupeKey: `${dedupeKey}:${author.email}`,
          data: {
            submissionNumber: facts.number,
            title: facts.titleIn((author.preferredLocale as never) ?? facts.journal.primaryLocale),
            revisionsDueDate: day(round.revisionsDueAt),
            overdue,
            statusUrl: new URL(`/submissions/${facts.submission.id}`, this.config.PUBLIC_URL).href,
          },
        });
        emails += 1;
      }
      return emails;
    });
  }
}

/** The submitter and the corresponding author (once if they are the same person). */
export async function authorsOf(
  manager: EntityManager,
  submissionId: string,
  submitterId: string,
): Promise<{ email: string; name: string | null; preferredLocale: string | null }[]> {
  const submitter = await manager.findOneByOrFail(User, { id: submitterId });
  const recipients = [recipientOf(submitter)] as {
    email: string;
    name: string | null;
    preferredLocale: string | null;
  }[];
  const corresponding = await manager.findOneBy(Contributor, { submissionId, corresponding: true });
  if (corresponding && corresponding.email !== submitter.email) {
    const account = await manager.findOneBy(User, { email: corresponding.email });
    recipients.push(
      account
        ? recipientOf(account)
        : { email: corresponding.email, name: null, preferredLocale: null },
    );
  }
  return recipients;
}
