import { Global, Module } from '@nestjs/common';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { NotificationService } from './notification.service';
import { OutboxRepository } from './outbox.repository';

/** What the API and every feature need: queueing email inside their own transactions. */
@Global()
@Module({
  providers: [NotificationService, OutboxRepository, EmailDeliveriesRepository],
  exports: [NotificationService, OutboxRepository],
})
export class NotificationsModule {}
