import { Injectable } from '@nestjs/common';
import { isLocale, type Locale } from '../common/i18n/locale';
import { AppConfig } from '../config/app-config';
import { displayName } from '../editorial/people';
import { NotificationService } from '../notifications/notification.service';
import type { ReviewAssignment } from './entities/review-assignment.entity';
import type { ReviewRound } from './entities/review-round.entity';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { signResponseToken } from './review-response-token';
import { REVIEW_METHOD_NAMES } from './review-texts';
import { SubmissionFactsRepository } from './submission-facts.repository';
import { day, type EmailRecipient, recipientOf, type SubmissionFacts } from './email-facts';

interface Loaded {
  assignment: ReviewAssignment;
  reviewer: NonNullable<ReviewAssignment['reviewer']>;
  round: ReviewRound;
  facts: SubmissionFacts;
}

/**
 * Every email of peer review, queued in the outbox in the ambient transaction. Emails to
 * reviewers quote the submission's number, title and abstract only — never its authors — and
 * emails to authors never name a reviewer, so no identity crosses the anonymity line this way.
 */
@Injectable()
export class ReviewMailer {
  constructor(
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly submissions: SubmissionFactsRepository,
  ) {}

  private async load(assignmentId: string): Promise<Loaded> {
    const assignment = await this.assignments.forMail(assignmentId);
    return {
      assignment,
      reviewer: assignment.reviewer!,
      round: assignment.round!,
      facts: await this.submissions.facts(assignment.submissionId),
    };
  }

  private url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).href;
  }

  /**
   * The reviewer's pages of the web (src/web/reviewer), in the recipient's language, under the
   * journal: `/{locale}/j/{slug}/reviews/…`.
   */
  private reviewerPage(locale: Locale, facts: SubmissionFacts, path: string): string {
    return this.url(`/${locale}/j/${encodeURIComponent(facts.journal.slug)}/reviews/${path}`);
  }

  /** The invitation page with the signed link (accept or decline); valid until the review due date. */
  private respondUrl(
    assignment: Pick<ReviewAssignment, 'id' | 'responseNonce' | 'reviewDueAt'>,
    locale: Locale,
    facts: SubmissionFacts,
  ): string {
    const token = signResponseToken(
      this.config.APP_SECRET,
      assignment.id,
      assignment.responseNonce!,
      assignment.reviewDueAt,
    );
    return this.reviewerPage(locale, facts, `invitation?token=${token}`);
  }

  /** The review's page: the form while it is open, then the review read-only with its certificate. */
  private reviewUrl(assignmentId: string, locale: Locale, facts: SubmissionFacts): string {
    return this.reviewerPage(locale, facts, assignmentId);
  }

  workflowUrl(facts: SubmissionFacts): string {
    return this.url(`/journals/${facts.journal.slug}/workflow/${facts.submission.id}`);
  }

  async invitation(assignmentId: string): Promise<void> {
    const { assignment, reviewer, round, facts } = await this.load(assignmentId);
    const locale = reviewer.preferredLocale;
    await this.notifications.queue({
      template: 'review-invitation',
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      dedupeKey: `review-invitation:${assignment.id}:${assignment.responseNonce}`,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(locale),
        abstract: facts.abstractIn(locale),
        reviewMethod: REVIEW_METHOD_NAMES[locale][assignment.method],
        authorsHidden: assignment.method === 'double_anonymous',
        personalMessage: assignment.personalMessage,
        responseDueDate: day(assignment.responseDueAt),
        reviewDueDate: day(assignment.reviewDueAt),
        round: round.number,
        respondUrl: this.respondUrl(assignment, locale, facts),
      },
    });
  }

  /** The reviewer is told their assignment was cancelled, or their declining received. */
  async plain(
    assignmentId: string,
    template: 'review-cancelled' | 'review-declined',
  ): Promise<void> {
    const { reviewer, facts } = await this.load(assignmentId);
    await this.notifications.queue({
      template,
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      data: { submissionNumber: facts.number, title: facts.titleIn(reviewer.preferredLocale) },
    });
  }

  async withReviewLink(
    assignmentId: string,
    template: 'review-accepted' | 'review-reinstated' | 'review-unlocked',
  ): Promise<void> {
    const { assignment, reviewer, facts } = await this.load(assignmentId);
    await this.notifications.queue({
      template,
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(reviewer.preferredLocale),
        reviewDueDate: day(assignment.reviewDueAt),
        reviewUrl: this.reviewUrl(assignment.id, reviewer.preferredLocale, facts),
      },
    });
  }

  async thanks(assignmentId: string, message: string): Promise<void> {
    const { assignment, reviewer, facts } = await this.load(assignmentId);
    await this.notifications.queue({
      template: 'review-thanks',
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      dedupeKey: `review-thanks:${assignmentId}`,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(reviewer.preferredLocale),
        personalMessage: message,
        reviewUrl: this.reviewUrl(assignment.id, reviewer.preferredLocale, facts),
      },
    });
  }

  async declinedToEditors(assignmentId: string): Promise<void> {
    const { assignment, reviewer, round, facts } = await this.load(assignmentId);
    for (const editor of await this.submissions.editors(facts)) {
      await this.notifications.queue({
        template: 'review-declined-editor',
        to: recipientOf(editor),
        journalId: facts.journal.id,
        submissionId: facts.submission.id,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(editor.preferredLocale),
          reviewerName: displayName(reviewer.names, editor.preferredLocale),
          round: round.number,
          reason: assignment.declineReason ?? '',
          suggestedReviewer: assignment.suggestedReviewer ?? '',
          workflowUrl: this.workflowUrl(facts),
        },
      });
    }
  }

  async submittedToEditors(
    assignmentId: string,
    recommendationIn: (locale: Locale) => string,
  ): Promise<void> {
    const { reviewer, round, facts } = await this.load(assignmentId);
    for (const editor of await this.submissions.editors(facts)) {
      await this.notifications.queue({
        template: 'review-submitted-editor',
        to: recipientOf(editor),
        journalId: facts.journal.id,
        submissionId: facts.submission.id,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(editor.preferredLocale),
          reviewerName: displayName(reviewer.names, editor.preferredLocale),
          round: round.number,
          recommendation: recommendationIn(editor.preferredLocale),
          workflowUrl: this.workflowUrl(facts),
        },
      });
    }
  }

  /** A reminder to answer the invitation; `dedupeKey` makes it once per assignment and date. */
  async responseReminder(assignmentId: string, overdue: boolean, dedupeKey: string): Promise<void> {
    const { assignment, reviewer, facts } = await this.load(assignmentId);
    if (!assignment.responseNonce) return;
    await this.notifications.queue({
      template: 'review-response-reminder',
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      dedupeKey,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(reviewer.preferredLocale),
        responseDueDate: day(assignment.responseDueAt),
        reviewDueDate: day(assignment.reviewDueAt),
        overdue,
        respondUrl: this.respondUrl(assignment, reviewer.preferredLocale, facts),
      },
    });
  }

  async dueReminder(assignmentId: string, daysOverdue: number, dedupeKey: string): Promise<void> {
    const { assignment, reviewer, facts } = await this.load(assignmentId);
    await this.notifications.queue({
      template: 'review-due-reminder',
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      dedupeKey,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(reviewer.preferredLocale),
        reviewDueDate: day(assignment.reviewDueAt),
        overdue: daysOverdue > 0,
        daysOverdue: Math.max(daysOverdue, 0),
        reviewUrl: this.reviewUrl(assignment.id, reviewer.preferredLocale, facts),
      },
    });
  }

  async overdueToEditors(
    assignmentId: string,
    kind: 'response' | 'review',
    dedupeKey: string,
  ): Promise<void> {
    const { assignment, reviewer, round, facts } = await this.load(assignmentId);
    for (const editor of await this.submissions.editors(facts)) {
      await this.notifications.queue({
        template: 'review-overdue-editor',
        to: recipientOf(editor),
        journalId: facts.journal.id,
        submissionId: facts.submission.id,
        dedupeKey: `${dedupeKey}:${editor.id}`,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(editor.preferredLocale),
          reviewerName: displayName(reviewer.names, editor.preferredLocale),
          round: round.number,
          kind,
          dueDate: day(kind === 'response' ? assignment.responseDueAt : assignment.reviewDueAt),
          remindersSent: assignment.overdueReminders,
          workflowUrl: this.workflowUrl(facts),
        },
      });
    }
  }

  /** Reminds an author of revisions due; `dedupeKey` makes it once per round, date and author. */
  async revisionsReminder(
    facts: SubmissionFacts,
    author: EmailRecipient,
    revisionsDueAt: Date,
    overdue: boolean,
    dedupeKey: string,
  ): Promise<void> {
    await this.notifications.queue({
      template: 'revisions-due-reminder',
      to: author,
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      dedupeKey,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn((author.preferredLocale as Locale) ?? facts.journal.primaryLocale),
        revisionsDueDate: day(revisionsDueAt),
        overdue,
        // The author's page of the submission, at its revision form, in their language.
        statusUrl: this.url(
          `/${isLocale(author.preferredLocale) ? author.preferredLocale : facts.journal.primaryLocale}/j/${facts.journal.slug}/submissions/${facts.submission.id}#revision`,
        ),
      },
    });
  }
}
