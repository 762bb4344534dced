import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { pickLocalized } from '../../common/i18n/locale';
import { EmailRenderer, EmailTemplateNotFoundError } from '../../mail/email-renderer.service';
import { MailTransport } from '../../mail/mail-transport.service';
import { EmailDeliveriesRepository } from '../email-deliveries.repository';
import { OutboxRepository } from '../outbox.repository';

/** Ids only: the job reloads everything, so a retried job sends what the database says now. */
export interface SendEmailJobData {
  outboxMessageId: string;
}

export type JobOutcome =
  { status: 'sent'; messageId: string } | { status: 'skipped'; reason: string };

export interface JobAttempt {
  /** 1 for the first try. */
  number: number;
  max: number;
}

/**
 * Renders one outbox message and sends it. Idempotent: a message already sent is skipped, so a
 * re-delivered job (relay retry, worker crash) does not mail anyone twice.
 */
@Injectable()
export class SendEmailJob {
  static readonly jobName = 'send-email';
  private readonly logger = new Logger(SendEmailJob.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly renderer: EmailRenderer,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {}

  static jobId(outboxMessageId: string): string {
    return `email-${outboxMessageId}`;
  }

  async handle(data: SendEmailJobData, attempt: JobAttempt): Promise<JobOutcome> {
    const message = await this.outbox.message(data.outboxMessageId);
    if (!message) return { status: 'skipped', reason: 'outbox message no longer exists' };

    const delivery = await this.deliveries.forMessage(message);
    if (delivery.status === 'sent') return { status: 'skipped', reason: 'already sent' };

    await this.deliveries.startTry(delivery.id);
    try {
      const from = message.journalId ? await this.outbox.journal(message.journalId) : null;
      const journal = from
        ? {
            title: pickLocalized(from.titles, message.locale) ?? from.slug,
            // The journal's home on the site, in the email's language.
            url: new URL(`/${message.locale}/j/${from.slug}`, this.config.PUBLIC_URL).href,
          }
        : null;
      const rendered = this.renderer.render(message.template, message.locale, {
        ...message.payload,
        recipientName: message.recipientName,
        journal,
        siteUrl: this.config.PUBLIC_URL,
      });
      const sent = await this.transport.send({
        to: { address: message.recipientEmail, name: message.recipientName },
        ...rendered,
        language: message.locale,
        messageId: `<${message.id}@${new URL(this.config.PUBLIC_URL).hostname}>`,
      });
      await this.deliveries.update(delivery.id, {
        status: 'sent',
        subject: rendered.subject,
        providerMessageId: sent.messageId,
        lastError: null,
        sentAt: new Date(),
      });
      return { status: 'sent', messageId: sent.messageId };
    } catch (error) {
      const permanent = isPermanent(error);
      const final = permanent || attempt.number >= attempt.max;
      await this.deliveries.update(delivery.id, {
        status: final ? 'failed' : 'retrying',
        lastError: describe(error),
      });
      this.logger.warn(
        `email ${message.id} (${message.template}) try ${attempt.number}/${attempt.max} failed: ${describe(error)}`,
      );
      throw permanent ? new UnrecoverableError(describe(error)) : error;
    }
  }
}

/** Errors that another try cannot fix: a missing template, or an SMTP 5xx refusal. */
function isPermanent(error: unknown): boolean {
  if (error instanceof EmailTemplateNotFoundError) return true;
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 2000) : String(error).slice(0, 2000);
}
