import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApi } from '../src/api.bootstrap';
import { seedDemo } from '../src/demo';
import type { Journal } from '../src/journals/journal.entity';
import { EmailDelivery } from '../src/notifications/entities/email-delivery.entity';
import { OutboxMessage } from '../src/notifications/entities/outbox-message.entity';
import { NotificationService } from '../src/notifications/notification.service';
import { TransactionHost } from '@nestjs-cls/transactional';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';
import { createTestEnvironment, type TestEnvironment } from './support/test-environment';
import { eventually, startWorker } from './support/worker-context';

const REJECTED = 'bounce@example.org';

describe('notification pipeline: outbox → queue → worker → SMTP', () => {
  let env: TestEnvironment;
  let smtp: SmtpTestServer;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let notifications: NotificationService;
  let transactions: TransactionHost;
  let journal: Journal;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ rejectRecipients: [REJECTED] });
    env = await createTestEnvironment({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tahkim <editor@journals.test>',
    });
    ({ worker, dataSource } = await startWorker(env.config));
    notifications = worker.get(NotificationService);
    transactions = worker.get(TransactionHost);
    // The demo is made through the API's services: an API of its own, for the seeding only.
    const seeding = await createApi(env.config);
    await seeding.init();
    journal = await seedDemo(seeding, { submissions: false });
    await seeding.close();
  });

  afterAll(async () => {
    await worker?.close();
    await smtp?.close();
    await env?.cleanup();
  });

  const verification = (email: string, preferredLocale?: string, journalId?: string) =>
    transactions.withTransaction(() =>
      notifications.queue({
        template: 'account-verification',
        to: { email, name: 'ليلى بنعلي', preferredLocale },
        journalId,
        data: {
          verificationUrl: `https://journals.test/verify?token=${email}`,
          expiresInHours: 48,
        },
      }),
    );
  const mailsTo = (address: string) =>
    smtp.messages.filter(
      (mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0].address === address,
    );
  const mailTo = (address: string) => mailsTo(address)[0];

  it('delivers the verification email in Arabic, English and French', async () => {
    const before = smtp.messages.length;
    await verification('ar@example.org', 'ar');
    await verification('en@example.org', 'en');
    await verification('fr@example.org', 'fr');
    await smtp.waitForMessages(before + 3);

    const arabic = mailTo('ar@example.org')!;
    expect(arabic.subject).toBe('تأكيد عنوان بريدك الإلكتروني في تحكيم');
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain('text-align:right');
    expect(arabic.text).toContain('حضرة ليلى بنعلي');
    expect(arabic.text).toContain('https://journals.test/verify?token=ar@example.org');
    expect(arabic.headers.get('content-language')).toBe('ar');
    expect(arabic.from?.value[0]).toMatchObject({
      name: 'Tahkim',
      address: 'editor@journals.test',
    });

    const english = mailTo('en@example.org')!;
    expect(english.subject).toBe('Confirm your email address for Tahkim');
    expect(english.html).toContain('<html lang="en" dir="ltr">');
    expect(english.text).toContain('This link stays valid for 48 hours');

    const french = mailTo('fr@example.org')!;
    expect(french.subject).toBe('Confirmez votre adresse électronique pour Tahkim');
    expect(french.html).toContain('<html lang="fr" dir="ltr">');
    expect(french.text).toContain('Ce lien reste valable pendant 48 heures');
  });

  it('records each send', async () => {
    const message = await verification('recorded@example.org', 'en');
    const delivery = await eventually(() =>
      dataSource
        .getRepository(EmailDelivery)
        .findOneBy({ outboxMessageId: message.id, status: 'sent' }),
    );
    expect(delivery).toMatchObject({
      recipientEmail: 'recorded@example.org',
      template: 'account-verification',
      locale: 'en',
      attempts: 1,
      lastError: null,
      subject: 'Confirm your email address for Tahkim',
    });
    expect(delivery.providerMessageId).toBe(`<${message.id}@journals.test>`);
    expect(delivery.sentAt).toBeInstanceOf(Date);
  });

  it("falls back to the journal's primary language and names the journal", async () => {
    const before = smtp.messages.length;
    await verification('no-preference@example.org', undefined, journal.id);
    await smtp.waitForMessages(before + 1);
    const mail = mailTo('no-preference@example.org')!;
    expect(mail.subject).toBe('تأكيد عنوان بريدك الإلكتروني في مجلة العمل التطوعي المحكّمة');
    expect(mail.html).toContain('dir="rtl"');
    // The journal's home on the site, in the email's language.
    expect(mail.text).toContain('http://journals.test/ar/j/volunteering');
  });

  it('uses the journal title in the recipient’s own language', async () => {
    const before = smtp.messages.length;
    await verification('fr-journal@example.org', 'fr', journal.id);
    await smtp.waitForMessages(before + 1);
    expect(mailTo('fr-journal@example.org')!.subject).toBe(
      'Confirmez votre adresse électronique pour Revue du travail bénévole',
    );
  });

  it('sends nothing for a rolled-back change', async () => {
    const rollback = new Error('the domain change failed');
    await expect(
      transactions.withTransaction(async () => {
        await notifications.queue({
          template: 'account-verification',
          to: { email: 'rolled-back@example.org' },
          data: { verificationUrl: 'https://journals.test/x', expiresInHours: 1 },
        });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    // A later email arriving proves the relay ran past the point where the first would have gone.
    const before = smtp.messages.length;
    await verification('after-rollback@example.org', 'en');
    await smtp.waitForMessages(before + 1);
    expect(mailTo('rolled-back@example.org')).toBeUndefined();
    expect(
      await dataSource
        .getRepository(OutboxMessage)
        .countBy({ recipientEmail: 'rolled-back@example.org' }),
    ).toBe(0);
  });

  it('queues one email per dedupe key', async () => {
    const queueOnce = () =>
      transactions.withTransaction(() =>
        notifications.queue({
          template: 'account-verification',
          to: { email: 'once@example.org', preferredLocale: 'en' },
          data: { verificationUrl: 'https://journals.test/once', expiresInHours: 2 },
          dedupeKey: 'verify:once@example.org:1',
        }),
      );
    const first = await queueOnce();
    const second = await queueOnce();
    expect(second.id).toBe(first.id);
    await eventually(() =>
      dataSource
        .getRepository(EmailDelivery)
        .findOneBy({ outboxMessageId: first.id, status: 'sent' }),
    );
    expect(
      await dataSource.getRepository(OutboxMessage).countBy({ recipientEmail: 'once@example.org' }),
    ).toBe(1);
    expect(mailsTo('once@example.org')).toHaveLength(1);
  });

  describe('a permanent SMTP refusal', () => {
    let api: NestExpressApplication;

    beforeAll(async () => {
      api = await createApi(env.config);
      await api.init();
    });

    afterAll(async () => {
      await api?.close();
    });

    it('is recorded as failed, not retried, and shown to the operator', async () => {
      const message = await verification(REJECTED, 'en');
      const delivery = await eventually(() =>
        dataSource
          .getRepository(EmailDelivery)
          .findOneBy({ outboxMessageId: message.id, status: 'failed' }),
      );
      expect(delivery.attempts).toBe(1);
      expect(delivery.lastError).toMatch(/550/);

      const failed = await eventually(async () => {
        const response = await request(api.getHttpServer())
          .get('/api/admin/queues/notifications/jobs?state=failed')
          .set('Authorization', `Bearer ${env.config.ADMIN_API_TOKEN}`)
          .expect(200);
        return response.body.length > 0 ? response.body : null;
      });
      expect(failed[0]).toMatchObject({
        id: `email-${message.id}`,
        name: 'send-email',
        data: { outboxMessageId: message.id },
        attemptsMade: 1,
        failedReason: expect.stringMatching(/550/),
      });
    });
  });
});
