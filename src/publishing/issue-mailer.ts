import { Injectable } from '@nestjs/common';
import { isLocale, type Locale } from '../common/i18n/locale';
import { AppConfig } from '../config/app-config';
import { displayName } from '../editorial/people';
import type { Journal } from '../journals';
import { NotificationService } from '../notifications/notification.service';
import type { Issue } from './entities/issue.entity';
import type { Publication } from './entities/publication.entity';
import { identifyIssue } from './issue-identification';
import type { ArticleFacts } from './publication-drafts';
import { recipientOf, Recipients } from './recipients.service';

/** The article's title in a reader's language, else in its own. */
function titleIn(record: Publication, locale: Locale): string {
  return record.metadata[locale]?.title ?? record.metadata[record.locale]?.title ?? '';
}

/**
 * The emails of publishing, queued in the ambient transaction (they go if and only if what
 * they tell commits): authors of a published article, readers of a new issue, and editors of a
 * scheduled issue the worker could not publish.
 */
@Injectable()
export class IssueMailer {
  constructor(
    private readonly notifications: NotificationService,
    private readonly recipients: Recipients,
    private readonly config: AppConfig,
  ) {}

  private url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).href;
  }

  /** The article's authors hear it is published, in their language, with its DOI. */
  async articlePublished(
    journal: Journal,
    issue: Issue,
    record: Publication,
    article: Pick<ArticleFacts, 'id' | 'submitterId'>,
  ): Promise<void> {
    for (const author of await this.recipients.authors(article.id, article.submitterId)) {
      const locale = isLocale(author.preferredLocale)
        ? author.preferredLocale
        : journal.primaryLocale;
      await this.notifications.queue({
        template: 'article-published',
        to: author,
        journalId: journal.id,
        submissionId: article.id,
        dedupeKey: `article-published:${record.id}:${author.email}`,
        data: {
          title: titleIn(record, locale),
          issue: identifyIssue(issue, locale),
          doiUrl: record.doi ? `https://doi.org/${record.doi}` : null,
          // The article's public page in the author's language (its id is the submission's).
          articleUrl: this.url(`/${locale}/j/${journal.slug}/articles/${article.id}`),
        },
      });
    }
  }

  /**
   * The journal's readers (people who enrolled as readers: subscribing is that, and leaving
   * the role unsubscribes) hear of the new issue with its contents, in their language; the
   * authors in it have their own email.
   */
  async issuePublished(
    journal: Journal,
    issue: Issue,
    records: Publication[],
    authors: string[],
  ): Promise<void> {
    for (const reader of await this.recipients.readers(journal.id, authors)) {
      const locale = isLocale(reader.preferredLocale)
        ? reader.preferredLocale
        : journal.primaryLocale;
      // The issue's public page in the reader's language.
      const issueUrl = this.url(
        `/${locale}/j/${journal.slug}/issues/${issue.volume}/${issue.number}`,
      );
      await this.notifications.queue({
        template: 'issue-published',
        to: {
          email: reader.email,
          name: displayName(reader.names, locale) || null,
          preferredLocale: locale,
        },
        journalId: journal.id,
        dedupeKey: `issue-published:${issue.id}:${reader.id}`,
        data: {
          issue: identifyIssue(issue, locale),
          articles: records.map((record) => ({
            title: titleIn(record, locale),
            authors: record.contributors
              .map((contributor) => displayName(contributor.names, locale))
              .join(locale === 'ar' ? '، ' : ', '),
          })),
          issueUrl,
        },
      });
    }
  }

  /** A scheduled issue went back to a draft: the journal's editors are told why. */
  async scheduledPublicationFailed(journal: Journal, issue: Issue, reason: string) {
    for (const editor of await this.recipients.journalEditors(journal.id)) {
      const locale = isLocale(editor.preferredLocale)
        ? editor.preferredLocale
        : journal.primaryLocale;
      await this.notifications.queue({
        template: 'issue-publication-failed',
        to: recipientOf(editor),
        journalId: journal.id,
        dedupeKey: `issue-publication-failed:${issue.id}:${issue.scheduledFor?.toISOString()}:${editor.id}`,
        data: {
          issue: identifyIssue(issue, locale),
          scheduledFor: issue.scheduledFor?.toISOString().slice(0, 16).replace('T', ' ') ?? '',
          reason,
          issueUrl: this.url(`/journals/${journal.slug}/issues/${issue.id}`),
        },
      });
    }
  }
}
