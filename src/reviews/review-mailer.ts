import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JournalRole } from '../access/journal-role.entity';
import { displayName, User } from '../accounts/user.entity';
import { AppConfig } from '../config/app-config';
import { NotificationService } from '../notifications/notification.service';
import { SubmissionEditor } from '../submissions/entities/submission-editor.entity';
import { readResponseNonce, ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewRound } from './entities/review-round.entity';
import { signResponseToken } from './review-response-token';
import { REVIEW_METHOD_NAMES } from './review-texts';
import { day, loadSubmissionFacts, recipientOf, type SubmissionFacts } from './submission-facts';

interface Loaded {
  assignment: ReviewAssignment;
  reviewer: User;
  round: ReviewRound;
  facts: SubmissionFacts;
}

/**
 * Every email of peer review, written into the outbox in the caller's transaction. Emails to
 * reviewers quote the submission's number, title and abstract only — never its authors — and
 * emails to authors never come from here, so no reviewer identity can reach them this way.
 */
@Injectable()
export class ReviewMailer {
  constructor(
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
  ) {}

  private async load(manager: EntityManager, assignmentId: string): Promise<Loaded> {
    const assignment = await manager.findOneOrFail(ReviewAssignment, {
      where: { id: assignmentId },
      relations: { reviewer: true, round: true },
    });
    assignment.responseNonce = await readResponseNonce(manager, assignmentId);
    return {
      assignment,
      reviewer: assignment.reviewer!,
      round: assignment.round!,
      facts: await loadSubmissionFacts(manager, assignment.submissionId),
    };
  }

  private url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).href;
  }

  /** The accept/decline page with the signed link; valid until the review due date. */
  respondUrl(assignment: ReviewAssignment): string {
    const token = signResponseToken(
      this.config.APP_SECRET,
      assignment.id,
      assignment.responseNonce!,
      assignment.reviewDueAt,
    );
    return this.url(`/review-invitation?token=${token}`);
  }

  reviewUrl(assignmentId: string): string {
    return this.url(`/reviews/${assignmentId}`);
  }

  workflowUrl(facts: SubmissionFacts): string {
    return this.url(`/journals/${facts.journal.slug}/workflow/${facts.submission.id}`);
  }

  async invitation(manager: EntityManager, assignmentId: string): Promise<void> {
    const { assignment, reviewer, round, facts } = await this.load(manager, assignmentId);
    const locale = reviewer.preferredLocale;
    await this.notifications.queueEmail(manager, {
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
        respondUrl: this.respondUrl(assignment),
      },
    });
  }

  async simple(
    manager: EntityManager,
    assignmentId: string,
    template: 'review-cancelled' | 'review-declined',
  ): Promise<void> {
    const { reviewer, facts } = await this.load(manager, assignmentId);
    await this.notifications.queueEmail(manager, {
      template,
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      data: { submissionNumber: facts.number, title: facts.titleIn(reviewer.preferredLocale) },
    });
  }

  async withReviewLink(
    manager: EntityManager,
    assignmentId: string,
    template: 'review-accepted' | 'review-reinstated' | 'review-unlocked',
  ): Promise<void> {
    const { assignment, reviewer, facts } = await this.load(manager, assignmentId);
    await this.notifications.queueEmail(manager, {
      template,
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(reviewer.preferredLocale),
        reviewDueDate: day(assignment.reviewDueAt),
        reviewUrl: this.reviewUrl(assignment.id),
      },
    });
  }

  async thanks(manager: EntityManager, assignmentId: string, message: string): Promise<void> {
    const { reviewer, facts } = await this.load(manager, assignmentId);
    await this.notifications.queueEmail(manager, {
      template: 'review-thanks',
      to: recipientOf(reviewer),
      journalId: facts.journal.id,
      submissionId: facts.submission.id,
      dedupeKey: `review-thanks:${assignmentId}`,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(reviewer.preferredLocale),
        personalMessage: message,
      },
    });
  }

  async declinedToEditors(manager: EntityManager, assignmentId: string): Promise<void> {
    const { assignment, reviewer, round, facts } = await this.load(manager, assignmentId);
    for (const editor of await this.editorsOf(manager, facts)) {
      await this.notifications.queueEmail(manager, {
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
    manager: EntityManager,
    assignmentId: string,
    recommendationIn: (locale: User['preferredLocale']) => string,
  ): Promise<void> {
    const { reviewer, round, facts } = await this.load(manager, assignmentId);
    for (const editor of await this.editorsOf(manager, facts)) {
      await this.notifications.queueEmail(manager, {
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
  async responseReminder(
    manager: EntityManager,
    assignmentId: string,
    overdue: boolean,
    dedupeKey: string,
  ): Promise<void> {
    const { assignment, reviewer, facts } = await this.load(manager, assignmentId);
    if (!assignment.responseNonce) return;
    await this.notifications.queueEmail(manager, {
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
        respondUrl: this.respondUrl(assignment),
      },
    });
  }

  async dueReminder(
    manager: EntityManager,
    assignmentId: string,
    daysOverdue: number,
    dedupeKey: string,
  ): Promise<void> {
    const { assignment, reviewer, facts } = await this.load(manager, assignmentId);
    await this.notifications.queueEmail(manager, {
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
        reviewUrl: this.reviewUrl(assignment.id),
      },
    });
  }

  async overdueToEditors(
    manager: EntityManager,
    assignmentId: string,
    kind: 'response' | 'review',
    dedupeKey: string,
  ): Promise<void> {
    const { assignment, reviewer, round, facts } = await this.load(manager, assignmentId);
    for (const editor of await this.editorsOf(manager, facts)) {
      await this.notifications.queueEmail(manager, {
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

  /** The submission's editors, or the journal's editors when none is assigned. */
  async editorsOf(manager: EntityManager, facts: SubmissionFacts): Promise<User[]> {
    const assigned = await manager.find(SubmissionEditor, {
      where: { submissionId: facts.submission.id },
      relations: { user: true },
    });
    const users = assigned.map((row) => row.user!).filter((user) => user.status === 'active');
    if (users.length) return users;
    const roles = await manager.find(JournalRole, {
      where: { journalId: facts.journal.id, role: 'editor' },
      relations: { user: true },
    });
    return roles
      .map((role) => role.user!)
      .filter((user) => user.status === 'active' && user.id !== facts.submission.submitterId);
  }
}
