import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { DAY_MS } from '../../common/time';
import { ReviewAssignmentsRepository } from '../review-assignments.repository';
import { ReviewMailer } from '../review-mailer';
import { ReviewRemindersRepository } from '../review-reminders.repository';
import { ReviewRoundsRepository } from '../review-rounds.repository';
import { SubmissionFactsRepository } from '../submission-facts.repository';

/** The scan takes no input: it reads what is due from the database each time. */
export type ReviewRemindersJobData = Record<string, never>;

export type ReviewRemindersOutcome =
  | { status: 'done'; assignments: number; rounds: number; emails: number }
  | { status: 'skipped'; reason: string };

/** A failed scan is not retried: the next one, minutes later, does the same work. */
export const REVIEW_REMINDERS_ATTEMPTS = 1;

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
    private readonly due: ReviewRemindersRepository,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly rounds: ReviewRoundsRepository,
    private readonly submissions: SubmissionFactsRepository,
    private readonly mailer: ReviewMailer,
  ) {}

  async handle(now = new Date()): Promise<ReviewRemindersOutcome> {
    const assignments = await this.due.dueAssignments(now);
    const rounds = await this.due.dueRevisions(now);
    if (assignments.length === 0 && rounds.length === 0)
      return { status: 'skipped', reason: 'nothing is due' };
    let emails = 0;
    for (const id of assignments) emails += await this.remindAssignment(id, now);
    for (const id of rounds) emails += await this.remindRevisions(id, now);
    if (emails) this.logger.log(`queued ${emails} reminder(s)`);
    return { status: 'done', assignments: assignments.length, rounds: rounds.length, emails };
  }

  /** One assignment, in its own transaction; SKIP LOCKED leaves it to whoever holds it. */
  @Transactional()
  private async remindAssignment(id: string, now: Date): Promise<number> {
    if (!(await this.due.lockUnlessHeld(id))) return 0;
    const assignment = await this.assignments.get(id);
    const journal = await this.due.settings(assignment.journalId);
    const invited = assignment.state === 'invited';
    if (!invited && assignment.state !== 'accepted') return 0;
    const dueAt = invited ? assignment.responseDueAt : assignment.reviewDueAt;
    const phase = invited ? 'response' : 'review';
    const key = (suffix: string) =>
      `review-reminder:${assignment.id}:${phase}:${dueAt.toISOString()}:${suffix}`;

    if (now < dueAt) {
      // Before the date: one reminder, `reviewReminderDays` ahead.
      if (journal.reviewReminderDays <= 0 || (await this.due.sent(key('before')))) return 0;
      if (invited) await this.mailer.responseReminder(id, false, key('before'));
      else await this.mailer.dueReminder(id, 0, key('before'));
      return 1;
    }

    let emails = 0;
    const interval = journal.reviewOverdueReminderDays * DAY_MS;
    const elapsed = now.getTime() - dueAt.getTime();
    // A missed response date is reported to the editors at once (once per date).
    if (invited && !(await this.due.sent(`${key('editor')}:%`))) {
      await this.mailer.overdueToEditors(id, 'response', key('editor'));
      emails += 1;
    }
    // After the date: reminder n is due once (n-1) intervals have passed, up to the maximum.
    const owed = Math.min(Math.floor(elapsed / interval) + 1, journal.reviewOverdueReminders);
    if (owed > assignment.overdueReminders) {
      const number = assignment.overdueReminders + 1;
      const reminderKey = key(`overdue-${number}`);
      if (invited) await this.mailer.responseReminder(id, true, reminderKey);
      else await this.mailer.dueReminder(id, Math.floor(elapsed / DAY_MS), reminderKey);
      await this.assignments.update(id, { overdueReminders: number });
      emails += 1;
    } else if (
      !invited &&
      !assignment.escalatedAt &&
      assignment.overdueReminders >= journal.reviewOverdueReminders &&
      elapsed >= journal.reviewOverdueReminders * interval
    ) {
      // The reminders did not help: the editors take over.
      await this.mailer.overdueToEditors(id, 'review', key('escalation'));
      await this.assignments.update(id, { escalatedAt: now });
      emails += 1;
    }
    return emails;
  }

  /** Reminds the author of revisions due: once before the date, once after. */
  @Transactional()
  private async remindRevisions(roundId: string, now: Date): Promise<number> {
    const round = await this.rounds.find(roundId);
    if (!round?.revisionsDueAt || round.status !== 'revisions_requested') return 0;
    const facts = await this.submissions.facts(round.submissionId);
    const overdue = now >= round.revisionsDueAt;
    const dedupeKey = `revisions-reminder:${round.id}:${round.revisionsDueAt.toISOString()}:${overdue ? 'overdue' : 'before'}`;
    if (await this.due.sent(`${dedupeKey}:%`)) return 0;
    let emails = 0;
    for (const author of await this.submissions.authors(
      facts.submission.id,
      facts.submission.submitterId,
    )) {
      await this.mailer.revisionsReminder(
        facts,
        author,
        round.revisionsDueAt,
        overdue,
        `${dedupeKey}:${author.email}`,
      );
      emails += 1;
    }
    return emails;
  }
}
