import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { createApi } from '../src/api.bootstrap';
import { EmailDelivery } from '../src/notifications/entities/email-delivery.entity';
import { OutboxMessage } from '../src/notifications/entities/outbox-message.entity';
import { NotificationService } from '../src/notifications/notification.service';
import { TransactionHost } from '@nestjs-cls/transactional';
import { PrivateRedis } from './support/private-redis';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';
import { createTestEnvironment, type TestEnvironment } from './support/test-environment';
import { eventually, startWorker } from './support/worker-context';

/**
 * Redis is stopped while emails are being queued and started again (empty, as after a crash of
 * a Redis that keeps nothing on disk). The outbox must hold every email meanwhile, and each one
 * must arrive exactly once afterwards. This test runs its own redis-server so that stopping it
 * disturbs nothing else.
 */
describe('outbox survives a Redis outage', () => {
  let env: TestEnvironment;
  let smtp: SmtpTestServer;
  let redis: PrivateRedis;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let notifications: NotificationService;
  let transactions: TransactionHost;
  let api: NestExpressApplication;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    smtp = await startSmtpTestServer();
    env = await createTestEnvironment({
      SMTP_URL: smtp.url,
      REDIS_URL: redis.url,
    });
    ({ worker, dataSource } = await startWorker(env.config));
    notifications = worker.get(NotificationService);
    transactions = worker.get(TransactionHost);
    api = await createApi(env.config);
    await api.init();
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await redis?.close();
    await smtp?.close();
    await env?.cleanup();
  });

  const queue = (email: string) =>
    transactions.withTransaction(() =>
      notifications.queue({
        template: 'account-verification',
        to: { email, preferredLocale: 'ar' },
        data: { verificationUrl: `https://journals.test/verify/${email}`, expiresInHours: 24 },
      }),
    );
  const recipients = () =>
    smtp.messages.map((mail) => (Array.isArray(mail.to) ? '' : mail.to?.value[0].address)).sort();

  it('loses nothing and sends nothing twice', async () => {
    await queue('before-outage@example.org');
    await smtp.waitForMessages(1);

    await redis.stop();
    // Readiness says which dependency is down, in the problem+json shape.
    const ready = await request(api.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.body).toMatchObject({
      status: 503,
      details: { database: { status: 'up' }, redis: { status: 'down' } },
    });

    const during = ['outage-1@example.org', 'outage-2@example.org', 'outage-3@example.org'];
    for (const email of during) await queue(email);

    // Several relay ticks pass with Redis down: the rows wait in PostgreSQL, no mail leaves.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const waiting = await dataSource.getRepository(OutboxMessage).findBy({ relayedAt: IsNull() });
    expect(waiting.map((message) => message.recipientEmail).sort()).toEqual(during);
    expect(smtp.messages).toHaveLength(1);

    await redis.resume();
    await eventually(
      async () => (await request(api.getHttpServer()).get('/health/ready')).status === 200,
    );
    await smtp.waitForMessages(4, 30_000);

    // Give a duplicate every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(recipients()).toEqual(['before-outage@example.org', ...during].sort());
    const deliveries = await dataSource.getRepository(EmailDelivery).find();
    expect(deliveries).toHaveLength(4);
    expect(
      deliveries.every((delivery) => delivery.status === 'sent' && delivery.attempts === 1),
    ).toBe(true);
    expect(await dataSource.getRepository(OutboxMessage).countBy({ relayedAt: IsNull() })).toBe(0);
  });

  it('relays nothing twice when the same rows are offered again', async () => {
    // Simulate a relay whose commit was lost after Redis accepted the jobs.
    await dataSource.query('UPDATE outbox_messages SET relayed_at = NULL');
    await eventually(
      async () =>
        (await dataSource.getRepository(OutboxMessage).countBy({ relayedAt: IsNull() })) === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.messages).toHaveLength(4);
  });
});
