import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../src/database/database-options';
import { EmailDelivery } from '../src/notifications/entities/email-delivery.entity';
import { NotificationService } from '../src/notifications/notification.service';
import { TransactionHost } from '@nestjs-cls/transactional';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';
import { createTestEnvironment, type TestEnvironment } from './support/test-environment';
import { eventually, startWorker } from './support/worker-context';

/**
 * What SIGTERM does to the worker (src/worker.ts enables Nest's shutdown hooks, which close the
 * application context): a job already running finishes before the process lets go.
 */
describe('worker shutdown', () => {
  let env: TestEnvironment;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ delayMs: 1_500 });
    env = await createTestEnvironment({ SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    await smtp?.close();
    await env?.cleanup();
  });

  it('beats while running and lets a running job finish when closed', async () => {
    const { worker, dataSource } = await startWorker(env.config);
    expect(existsSync(env.config.WORKER_HEARTBEAT_FILE)).toBe(true);

    const message = await worker.get(TransactionHost).withTransaction(() =>
      worker.get(NotificationService).queue({
        template: 'account-verification',
        to: { email: 'slow@example.org', preferredLocale: 'en' },
        data: { verificationUrl: 'https://journals.test/slow', expiresInHours: 1 },
      }),
    );
    const deliveries = dataSource.getRepository(EmailDelivery);
    // The job is running: the SMTP server holds the message for 1.5 s before answering.
    await eventually(() =>
      deliveries.findOneBy({ outboxMessageId: message.id, status: 'sending' }),
    );

    await worker.close();

    expect(smtp.messages).toHaveLength(1);
    expect(existsSync(env.config.WORKER_HEARTBEAT_FILE)).toBe(false);
    // The worker's own connection closed with it: look with a fresh one.
    const check = await new DataSource(databaseOptions(env.config.DATABASE_URL)).initialize();
    try {
      const delivery = await check
        .getRepository(EmailDelivery)
        .findOneByOrFail({ outboxMessageId: message.id });
      expect(delivery.status).toBe('sent');
    } finally {
      await check.destroy();
    }
  });
});
