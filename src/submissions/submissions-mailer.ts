import { Injectable } from '@nestjs/common';
import { type Locale, type LocalizedText, pickLocalized } from '../common/i18n/locale';
import { AppConfig } from '../config/app-config';
import { displayName } from '../editorial/people';
import type { JournalRef } from '../editorial/request-context';
import { NotificationService } from '../notifications/notification.service';
import type { SubmissionMetadata } from './entities/submission-metadata.entity';
import type { Submission } from './entities/submission.entity';
import { SubmissionsRepository } from './submissions.repository';
import { type EditorContact, SubmittingRepository } from './submitting.repository';

const LANGUAGE_NAMES: Record<Locale, Record<Locale, string>> = {
  ar: { ar: 'العربية', en: 'الإنجليزية', fr: 'الفرنسية' },
  en: { ar: 'Arabic', en: 'English', fr: 'French' },
  fr: { ar: 'arabe', en: 'anglais', fr: 'français' },
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The title in `locale`, else in the manuscript's language. */
const titleIn = (metadata: SubmissionMetadata[], locale: Locale, fallback: Locale) =>
  (
    metadata.find((entry) => entry.locale === locale) ??
    metadata.find((entry) => entry.locale === fallback)
  )?.title;

const recipientOf = (person: EditorContact) => ({
  email: person.email,
  name: displayName(person.names, person.preferredLocale) || null,
  preferredLocale: person.preferredLocale,
});

export interface SubmittedFacts {
  submission: Pick<Submission, 'id' | 'locale'>;
  journal: JournalRef & { primaryLocale: Locale };
  section: { titles: LocalizedText };
  number: string;
  submittedAt: Date;
  /** The editors just assigned. */
  editors: EditorContact[];
}

export interface WithdrawnFacts {
  submission: Pick<Submission, 'id' | 'locale' | 'number'>;
  journal: JournalRef;
  reason: string;
  withdrawnAt: Date;
}

/**
 * The emails of submitting and withdrawing, written into the outbox in the ambient
 * transaction. Editors' emails quote the number, title and section, never the authors.
 */
@Injectable()
export class SubmissionsMailer {
  constructor(
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
    private readonly submissions: SubmissionsRepository,
    private readonly people: SubmittingRepository,
  ) {}

  private url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).href;
  }

  /** The author's page of the submission, in their language (src/web/author). */
  private statusUrl(locale: Locale, journal: JournalRef, submissionId: string): string {
    return this.url(`/${locale}/j/${journal.slug}/submissions/${submissionId}`);
  }

  private workflowUrl(journal: JournalRef, submissionId: string): string {
    return this.url(`/journals/${journal.slug}/workflow/${submissionId}`);
  }

  /**
   * The acknowledgement to the corresponding author (in their account's language, else the
   * journal's), then the news to each editor just assigned.
   */
  async submitted(facts: SubmittedFacts): Promise<void> {
    const { submission, journal, section, number } = facts;
    const metadata = await this.submissions.metadata(submission.id);
    const corresponding = await this.submissions.correspondingContributor(submission.id);
    const authorLocale =
      (await this.people.localeOfAccount(corresponding.email)) ?? journal.primaryLocale;
    await this.notifications.queue({
      template: 'submission-acknowledgement',
      to: {
        email: corresponding.email,
        name: displayName(corresponding.names, authorLocale) || null,
        preferredLocale: authorLocale,
      },
      journalId: journal.id,
      submissionId: submission.id,
      data: {
        submissionNumber: number,
        title: titleIn(metadata, authorLocale, submission.locale)!,
        sectionTitle: pickLocalized(section.titles, authorLocale) ?? '',
        submittedAt: day(facts.submittedAt),
        statusUrl: this.statusUrl(authorLocale, journal, submission.id),
      },
    });
    for (const editor of facts.editors) {
      await this.notifications.queue({
        template: 'submission-new-for-editor',
        to: recipientOf(editor),
        journalId: journal.id,
        submissionId: submission.id,
        data: {
          submissionNumber: number,
          title: titleIn(metadata, editor.preferredLocale, submission.locale)!,
          sectionTitle: pickLocalized(section.titles, editor.preferredLocale) ?? '',
          language: LANGUAGE_NAMES[editor.preferredLocale][submission.locale],
          submittedAt: day(facts.submittedAt),
          workflowUrl: this.workflowUrl(journal, submission.id),
        },
      });
    }
  }

  /** Tells the submission's editors that the author withdrew it, and why. */
  async withdrawn(facts: WithdrawnFacts): Promise<void> {
    const { submission, journal } = facts;
    const editors = await this.people.editorsOf(submission.id);
    const metadata = await this.submissions.metadata(submission.id);
    for (const editor of editors) {
      await this.notifications.queue({
        template: 'submission-withdrawn',
        to: recipientOf(editor),
        journalId: journal.id,
        submissionId: submission.id,
        data: {
          submissionNumber: submission.number ?? '',
          title: titleIn(metadata, editor.preferredLocale, submission.locale) ?? '',
          reason: facts.reason,
          withdrawnAt: day(facts.withdrawnAt),
          workflowUrl: this.workflowUrl(journal, submission.id),
        },
      });
    }
  }
}
