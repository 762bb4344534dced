import { Global, Module } from '@nestjs/common';
import { NotificationService } from './notification.service';
import { OutboxRepository } from './outbox.repository';

/** What the API and every feature need: queueing email inside their own transactions. */
@Global()
@Module({
  providers: [NotificationService, OutboxRepository],
  exports: [NotificationService, OutboxRepository],
})
export class NotificationsModule {}
