import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApi } from '../../src/api.bootstrap';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';
import { createTestEnvironment, type TestEnvironment } from './test-environment';
import { startWorker } from './worker-context';

/** The API, the worker and an SMTP server, wired together as in production. */
export interface Stack {
  env: TestEnvironment;
  api: NestExpressApplication;
  worker: INestApplicationContext;
  smtp: SmtpTestServer;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  /** Waits for the next email to `address` that matches, and returns it. */
  mailTo(address: string, match?: (mail: ParsedMail) => boolean): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startStack(overrides: Record<string, string> = {}): Promise<Stack> {
  const smtp = await startSmtpTestServer();
  const env = await createTestEnvironment({
    SMTP_URL: smtp.url,
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_REQUESTS_PER_IP: '100000',
    ...overrides,
  });
  const api = await createApi(env.config);
  await api.init();
  const { worker } = await startWorker(env.config);
  const dataSource = api.get<DataSource>(getDataSourceToken());
  const mailTo = mailbox(smtp);
  return {
    env,
    api,
    worker,
    smtp,
    dataSource,
    http: () => request(api.getHttpServer()),
    mailTo,
    async close() {
      await api.close();
      // `this.worker`: a test may have replaced the worker (to restart it).
      await (this as Stack).worker.close();
      await smtp.close();
      await env.cleanup();
    },
  };
}

/**
 * `mailTo(address, match?)`: waits (15 s at most) for the next email to `address` that matches
 * and was not given before, and returns it.
 */
export function mailbox(smtp: SmtpTestServer): Stack['mailTo'] {
  const recipient = (mail: ParsedMail) =>
    Array.isArray(mail.to) ? undefined : mail.to?.value[0]?.address;
  const seen = new Set<ParsedMail>();
  return async (address, match = () => true) => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const mail = smtp.messages.find(
        (candidate) => !seen.has(candidate) && recipient(candidate) === address && match(candidate),
      );
      if (mail) {
        seen.add(mail);
        return mail;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `no email to ${address} within 15 s (got ${smtp.messages.map(recipient).join(', ')})`,
    );
  };
}

/** The token of the first Tahkim link in an email's text part. */
export function tokenIn(mail: ParsedMail): string {
  const match = /[?&]token=([A-Za-z0-9._-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no token link in: ${mail.text}`);
  return match[1];
}

/** Supertest's parser for a binary body (a download): `.buffer(true).parse(binaryBody)`. */
export const binaryBody: Parameters<request.Test['parse']>[0] = (response, done) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};
