import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import { EmailDelivery } from './entities/email-delivery.entity';
import type { OutboxMessage } from './entities/outbox-message.entity';

/** One delivery record per outbox message: what was sent, when, and each try's outcome. */
@Injectable()
export class EmailDeliveriesRepository extends Repository {
  /** The message's delivery record, created on its first try. */
  async forMessage(message: OutboxMessage): Promise<EmailDelivery> {
    const deliveries = this.db.getRepository(EmailDelivery);
    await deliveries
      .createQueryBuilder()
      .insert()
      .values({
        outboxMessageId: message.id,
        recipientEmail: message.recipientEmail,
        template: message.template,
        locale: message.locale,
        status: 'sending',
        attempts: 0,
      })
      .orIgnore()
      .execute();
    return deliveries.findOneByOrFail({ outboxMessageId: message.id });
  }

  /** The delivery status of an outbox message, or null before its first try. */
  async statusOf(outboxMessageId: string): Promise<EmailDelivery['status'] | null> {
    return (await this.db.findOneBy(EmailDelivery, { outboxMessageId }))?.status ?? null;
  }

  async startTry(id: string): Promise<void> {
    await this.db.update(EmailDelivery, id, { status: 'sending', attempts: () => 'attempts + 1' });
  }

  async update(
    id: string,
    changes: Pick<
      Partial<EmailDelivery>,
      'status' | 'subject' | 'providerMessageId' | 'lastError' | 'sentAt'
    >,
  ): Promise<void> {
    await this.db.update(EmailDelivery, id, changes);
  }
}
