import { Module } from '@nestjs/common';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { SendEmailJob } from './jobs/send-email.job';
import { NotificationsProcessor } from './notifications.processor';
import { OutboxRelay } from './outbox-relay.service';

/** The worker's half: the outbox relay and the job that renders and sends each email. */
@Module({
  providers: [OutboxRelay, SendEmailJob, NotificationsProcessor, EmailDeliveriesRepository],
  exports: [OutboxRelay],
})
export class NotificationsWorkerModule {}
