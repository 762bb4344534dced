import { Injectable } from '@nestjs/common';
import { isLocale, pickLocalized } from '../common/i18n/locale';
import { AppConfig } from '../config/app-config';
import type { Journal } from '../journals';
import { NotificationService } from '../notifications/notification.service';
import { type Publication, Recipients } from '../publishing';

/** The emails of typesetting, queued in the ambient transaction. */
@Injectable()
export class TypesettingMailer {
  constructor(
    private readonly notifications: NotificationService,
    private readonly recipients: Recipients,
    private readonly config: AppConfig,
  ) {}

  /** The authors hear that a proof waits for them, in their language (once per proof). */
  async proofReady(
    journal: Journal,
    record: Publication,
    submission: { id: string; submitterId: string },
    runId: string,
  ): Promise<void> {
    for (const author of await this.recipients.authors(submission.id, submission.submitterId)) {
      const locale = isLocale(author.preferredLocale)
        ? author.preferredLocale
        : journal.primaryLocale;
      await this.notifications.queue({
        template: 'proof-ready',
        to: author,
        journalId: journal.id,
        submissionId: submission.id,
        dedupeKey: `proof-ready:${runId}:${author.email}`,
        data: {
          title:
            pickLocalized(
              Object.fromEntries(Object.entries(record.metadata).map(([l, m]) => [l, m?.title])),
              locale,
              record.locale,
            ) ?? '',
          // The proofs on the author's page of the submission, in their language.
          proofsUrl: new URL(
            `/${locale}/j/${journal.slug}/submissions/${submission.id}#proofs`,
            this.config.PUBLIC_URL,
          ).href,
        },
      });
    }
  }
}
