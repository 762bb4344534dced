import { Injectable } from '@nestjs/common';
import { isLocale, type Locale } from '../common/i18n/locale';
import { AppConfig } from '../config/app-config';
import { displayName, type Person } from '../editorial/people';
import type { DecisionKind } from '../editorial/stages/stage-transitions';
import { NotificationService } from '../notifications/notification.service';
import { day, type EmailRecipient, recipientOf, type SubmissionFacts } from '../reviews';
import type { SharedReview } from './decision-letters.service';
import { type DecisionLetter, DECISION_NAMES, OUTCOME_NAMES } from './decision-texts';
import { DecisionFactsRepository } from './decision-facts.repository';
import { SharedReviewsRepository } from './shared-reviews.repository';

/** A decision's letter as it goes to the authors. */
export interface LetterToSend {
  decisionId: string;
  letter: DecisionLetter;
  /** The letter's language: the first author's, else the journal's. */
  locale: Locale;
  shared: SharedReview[];
  attachmentNames: string[];
  revisionsDueAt: Date | null;
}

/**
 * Every email of decisions, queued in the outbox in the ambient transaction: the letter to the
 * authors (the reviews shared under their labels, never a reviewer's name), the outcome to the
 * round's reviewers, a recommendation to the editors who decide, a revision to the editors.
 */
@Injectable()
export class DecisionsMailer {
  constructor(
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
    private readonly facts: DecisionFactsRepository,
    private readonly reviews: SharedReviewsRepository,
  ) {}

  private url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).href;
  }

  private workflowUrl(facts: SubmissionFacts): string {
    return this.url(`/journals/${facts.journal.slug}/workflow/${facts.submission.id}`);
  }

  /** The letter to each author, in their language where they have one. */
  async letter(facts: SubmissionFacts, authors: EmailRecipient[], sent: LetterToSend) {
    const submissionId = facts.submission.id;
    for (const author of authors) {
      const locale = isLocale(author.preferredLocale) ? author.preferredLocale : sent.locale;
      await this.notifications.queue({
        template: 'decision-letter',
        to: author,
        journalId: facts.journal.id,
        submissionId,
        dedupeKey: `decision-letter:${sent.decisionId}:${author.email}`,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(locale),
          subject: sent.letter.subject,
          body: sent.letter.body,
          reviews: sent.shared.map((review) => ({
            label: review.label,
            comments: [
              review.comments,
              ...review.answers.map((answer) => `${answer.question}: ${String(answer.answer)}`),
            ]
              .filter(Boolean)
              .join('\n\n'),
            files: review.files.map((file) => file.name),
          })),
          attachments: sent.attachmentNames,
          revisionsDueDate: sent.revisionsDueAt ? day(sent.revisionsDueAt) : null,
          // The letter on the author's page of the submission, in their language.
          statusUrl: this.url(
            `/${locale}/j/${facts.journal.slug}/submissions/${submissionId}#decision`,
          ),
        },
      });
    }
  }

  /** The outcome, to the reviewers whose reviews of the round are completed. */
  async outcomeToReviewers(roundId: string, facts: SubmissionFacts, kind: DecisionKind) {
    for (const reviewer of await this.reviews.completedReviewers(roundId)) {
      const locale = reviewer.preferredLocale;
      await this.notifications.queue({
        template: 'decision-outcome-reviewer',
        to: recipientOf(reviewer),
        journalId: facts.journal.id,
        submissionId: facts.submission.id,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(locale),
          outcome: OUTCOME_NAMES[locale][kind],
        },
      });
    }
  }

  /** A section editor's recommendation, to each editor who decides. */
  async recommended(
    facts: SubmissionFacts,
    deciders: Person[],
    recommendation: { id: string; decision: DecisionKind; comment: string },
    recommender: Person,
  ) {
    for (const editor of deciders) {
      const locale = editor.preferredLocale;
      await this.notifications.queue({
        template: 'decision-recommended',
        to: recipientOf(editor),
        journalId: facts.journal.id,
        submissionId: facts.submission.id,
        dedupeKey: `decision-recommended:${recommendation.id}:${editor.id}`,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(locale),
          recommenderName: displayName(recommender.names, locale),
          recommendation: DECISION_NAMES[locale][recommendation.decision],
          comment: recommendation.comment,
          workflowUrl: this.workflowUrl(facts),
        },
      });
    }
  }

  /** The author's revision of round `round`, to the submission's editors. */
  async revised(facts: SubmissionFacts, round: number, at: Date) {
    for (const editor of await this.facts.editors(facts)) {
      await this.notifications.queue({
        template: 'submission-resubmitted',
        to: recipientOf(editor),
        journalId: facts.journal.id,
        submissionId: facts.submission.id,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(editor.preferredLocale),
          round,
          resubmittedAt: day(at),
          workflowUrl: this.workflowUrl(facts),
        },
      });
    }
  }
}
