import { Injectable } from '@nestjs/common';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import type { EmailDelivery } from './entities/email-delivery.entity';
import { OutboxRepository } from './outbox.repository';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppConfig } from '../config/app-config';
import { isLocale, type Locale } from '../common/i18n/locale';
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
 * The only way features send email. It writes an outbox row in the caller's transaction: the
 * email exists if and only if the change commits. The worker's relay and SendEmailJob do the
 * rest.
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly deliveries: EmailDeliveriesRepository,
  ) {}

  /** Queues an email in the ambient transaction (the service's @Transactional one). */
  queue<T extends EmailTemplateName>(request: EmailRequest<T>): Promise<OutboxMessage> {
    return this.write(request);
  }

  /** Where a queued email stands: null until the worker first tries to send it. */
  deliveryStatus(outboxMessageId: string): Promise<EmailDelivery['status'] | null> {
    return this.deliveries.statusOf(outboxMessageId);
  }

  private async write<T extends EmailTemplateName>(
    request: EmailRequest<T>,
  ): Promise<OutboxMessage> {
    const locale = await this.resolveLocale(request);
    return this.outbox.insert({
      template: request.template,
      locale,
      recipientEmail: request.to.email,
      recipientName: request.to.name ?? null,
      payload: request.data as unknown as Record<string, unknown>,
      journalId: request.journalId ?? null,
      submissionId: request.submissionId ?? null,
      dedupeKey: request.dedupeKey ?? null,
    } as QueryDeepPartialEntity<OutboxMessage>);
  }

  /** The recipient's language, else the journal's primary language, else the site default. */
  private async resolveLocale(request: EmailRequest<EmailTemplateName>): Promise<Locale> {
    if (isLocale(request.to.preferredLocale)) return request.to.preferredLocale;
    if (request.journalId) {
      const locale = await this.outbox.journalLocale(request.journalId);
      if (locale) return locale;
    }
    return this.config.DEFAULT_LOCALE;
  }
}
