import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppConfig } from '../config/app-config';
import { isLocale, type Locale } from '../common/i18n/locale';
import { Journal } from '../journals/journal.entity';
import type { EmailTemplateData, EmailTemplateName } from '../mail/email-templates';
import { OutboxMessage } from './entities/outbox-message.entity';

export interface EmailRequest<T extends EmailTemplateName> {
  template: T;
  to: { email: string; name?: string | null; preferredLocale?: string | null };
  data: EmailTemplateData[T];
  /** The journal the email speaks for; its primary language is the fallback locale. */
  journalId?: string | null;
  /** The submission the email is about: it then shows in the submission's history. */
  submissionId?: string | null;
  /** One intent, one email: a second request with the same key is ignored. */
  dedupeKey?: string;
}

/**
 * The only way features send email. It writes an outbox row with the caller's EntityManager,
 * i.e. inside the caller's transaction: the email exists if and only if the change commits.
 * The worker's relay and SendEmailJob do the rest.
 */
@Injectable()
export class NotificationService {
  constructor(private readonly config: AppConfig) {}

  async queueEmail<T extends EmailTemplateName>(
    manager: EntityManager,
    request: EmailRequest<T>,
  ): Promise<OutboxMessage> {
    const locale = await this.resolveLocale(manager, request);
    const repository = manager.getRepository(OutboxMessage);
    const values = {
      template: request.template,
      locale,
      recipientEmail: request.to.email,
      recipientName: request.to.name ?? null,
      payload: request.data as unknown as Record<string, unknown>,
      journalId: request.journalId ?? null,
      submissionId: request.submissionId ?? null,
      dedupeKey: request.dedupeKey ?? null,
    };
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values(values as QueryDeepPartialEntity<OutboxMessage>)
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = inserted.raw as { id: string }[];
    // No row back means the dedupe key was taken: the email was already queued.
    return rows.length > 0
      ? repository.findOneByOrFail({ id: rows[0].id })
      : repository.findOneByOrFail({ dedupeKey: request.dedupeKey! });
  }

  /** The recipient's language, else the journal's primary language, else the site default. */
  private async resolveLocale(
    manager: EntityManager,
    request: EmailRequest<EmailTemplateName>,
  ): Promise<Locale> {
    if (isLocale(request.to.preferredLocale)) return request.to.preferredLocale;
    if (request.journalId) {
      const journal = await manager.findOne(Journal, {
        where: { id: request.journalId },
        select: { id: true, primaryLocale: true },
      });
      if (journal) return journal.primaryLocale;
    }
    return this.config.DEFAULT_LOCALE;
  }
}
