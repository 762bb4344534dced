import { Global, Module } from '@nestjs/common';
import { NotificationService } from './notification.service';

/** What the API and every feature need: queueing email inside their own transactions. */
@Global()
@Module({
  providers: [NotificationService],
  exports: [NotificationService],
})
export class NotificationsModule {}
