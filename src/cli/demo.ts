import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../config/app-config';
import { projectRoot } from '../common/paths/project-root';
import type { INestApplicationContext } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { migrateDatabase } from '../database/run-migrations';
import { NotificationService } from '../notifications/notification.service';
import { DEMO_JOURNAL_SLUG, DEMO_PASSWORD, DEMO_PEOPLE, openDemoApp, seedDemo } from '../demo';
import {
  databaseUrl,
  ensureDatabase,
  ensureLocalServices,
  MissingServiceError,
} from './local-services';

const DEMO_DATABASE = 'tahkim';
const READY_TIMEOUT_MS = 60_000;

/**
 * `npm run demo`: finds or starts PostgreSQL and Redis, migrates, seeds the demo journal, then
 * runs the API and the worker together until Ctrl+C. With `--smoke` it also sends a demo email,
 * waits for the worker to deliver it, and exits (CI uses this to prove the demo works).
 */
async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const root = projectRoot();
  const varDir = join(root, 'var');
  const services = await ensureLocalServices(varDir);
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => terminate(child)));
    await services.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    if (!process.env.DATABASE_URL) await ensureDatabase(services.postgresServerUrl, DEMO_DATABASE);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL:
        process.env.DATABASE_URL ?? databaseUrl(services.postgresServerUrl, DEMO_DATABASE),
      REDIS_URL: services.redisUrl,
      LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
      DEV_SECRETS_FILE: join(varDir, 'dev-secrets.json'),
      STORAGE_LOCAL_DIR: process.env.STORAGE_LOCAL_DIR ?? join(varDir, 'files'),
      MAIL_DIR: process.env.MAIL_DIR ?? join(varDir, 'mail'),
    };
    const config = loadConfig(env);

    const applied = await migrateDatabase(config.DATABASE_URL);
    // Already migrated above: neither the seeding nor the API need race the worker to do it again.
    const childEnv = { ...env, MIGRATE_ON_START: 'false' };
    // Seeded through the API's services, before the API and the worker start.
    const app = await openDemoApp(loadConfig(childEnv));
    const journal = await seedDemo(app).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    // The smoke test below queues its email through the same modules.
    if (!smoke) await app.close();

    children.push(run('api', join(root, 'dist', 'src', 'main.js'), childEnv, () => void stop(1)));
    children.push(
      run('worker', join(root, 'dist', 'src', 'worker.js'), childEnv, () => void stop(1)),
    );
    await waitForReady(config);

    printBanner(config, services.notes, applied, journal.titles.en ?? journal.slug);

    if (smoke) {
      await smokeTest(app, config, journal.id).finally(() => app.close());
      await smokeWebSite(config);
      await smokeTypesetting(config, await smokeSignIn(config));
      await stop(0);
    }
  } catch (error) {
    console.error(error instanceof MissingServiceError ? error.message : error);
    await stop(1);
  }
}

function run(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  onExit: () => void,
): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal === null) {
      console.error(`demo: the ${name} exited with code ${code}`);
      onExit();
    }
  });
  return child;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function waitForReady(config: AppConfig): Promise<void> {
  const url = `http://127.0.0.1:${config.PORT}/health/ready`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the API did not become ready at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Sends a verification email through the real outbox → queue → worker path and waits for it. */
async function smokeTest(
  app: INestApplicationContext,
  config: AppConfig,
  journalId: string,
): Promise<void> {
  // The outbox row a feature writes in its transaction; the relay, queue and worker (other
  // processes) are what this checks.
  const message = await app.get(TransactionHost).withTransaction(() =>
    app.get(NotificationService).queue({
      template: 'account-verification',
      to: { email: 'demo.author@example.org', name: 'ليلى بنعلي', preferredLocale: 'ar' },
      journalId,
      data: {
        verificationUrl: `${config.PUBLIC_URL}/${config.DEFAULT_LOCALE}/verify-email?token=demo`,
        expiresInHours: 48,
      },
    }),
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await app.get(NotificationService).deliveryStatus(message.id)) === 'sent') {
      const files = config.SMTP_URL
        ? []
        : readdirSync(config.MAIL_DIR).filter((file) => file.endsWith('.eml'));
      console.log(
        `demo smoke test: verification email delivered${files.length ? ` (${files.length} .eml files in ${config.MAIL_DIR})` : ''}`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('demo smoke test: the verification email was not delivered within 30 s');
}

/**
 * Typesets the demo's issue in preparation through the API, as its manager would, and waits for
 * the worker: API → queue → worker → Typst → storage, every time (a repeated demo on the same
 * database reuses the unchanged result, as the worker should).
 */
async function smokeTypesetting(config: AppConfig, token: string): Promise<void> {
  const base = `http://127.0.0.1:${config.PORT}/api/journals/volunteering`;
  const headers = { Authorization: `Bearer ${token}` };
  const issues = (await (await fetch(`${base}/issues`, { headers })).json()) as {
    id: string;
    status: string;
  }[];
  const draft = issues.find((issue) => issue.status === 'draft');
  if (!draft) throw new Error('demo smoke test: the demo has no issue in preparation');
  const requested = await fetch(`${base}/issues/${draft.id}/typesetting`, {
    method: 'POST',
    headers,
  });
  if (requested.status !== 202)
    throw new Error(`demo smoke test: typesetting answered ${requested.status}`);
  const { id } = (await requested.json()) as { id: string };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const run = (await (await fetch(`${base}/typesetting-runs/${id}`, { headers })).json()) as {
      status: string;
      pages: number;
      error: string | null;
      reused: boolean;
      startedAt: string;
      finishedAt: string;
    };
    if (run.status === 'failed')
      throw new Error(`demo smoke test: typesetting failed: ${run.error}`);
    if (run.status === 'succeeded') {
      const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
      console.log(
        `demo smoke test: issue in preparation typeset by the worker, ${run.pages} pages in ${ms} ms${run.reused ? ' (unchanged: the previous result reused)' : ''}`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('demo smoke test: the issue was not typeset within 60 s');
}

/**
 * Opens the web site as a browser would: `/` leads to the Arabic home, which lists the demo
 * journal, and the journal's home shows its current issue.
 */
async function smokeWebSite(config: AppConfig): Promise<void> {
  const origin = `http://127.0.0.1:${config.PORT}`;
  const headers = { Accept: 'text/html', 'Accept-Language': 'ar' };
  const home = await fetch(`${origin}/`, { headers });
  if (!home.ok || new URL(home.url).pathname !== '/ar/')
    throw new Error(`demo smoke test: the web site answered ${home.status} at ${home.url}`);
  if (!(await home.text()).includes(`/ar/j/${DEMO_JOURNAL_SLUG}`))
    throw new Error('demo smoke test: the web site does not list the demo journal');
  const journal = await fetch(`${origin}/ar/j/${DEMO_JOURNAL_SLUG}`, { headers });
  const html = await journal.text();
  if (!journal.ok || !html.includes('class="toc-article"'))
    throw new Error(
      `demo smoke test: the journal's home answered ${journal.status} without its issue`,
    );
  console.log(`demo smoke test: the web site opens on the demo journal and its current issue`);
}

/** Signs in as the demo manager through the running API and reads the profile back. */
async function smokeSignIn(config: AppConfig): Promise<string> {
  const base = `http://127.0.0.1:${config.PORT}/api`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'manager@volunteering.example.org', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`demo smoke test: sign-in answered ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const me = (await (
    await fetch(`${base}/me`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as {
    roles: { journalSlug: string; role: string }[];
  };
  if (!me.roles.some((role) => role.journalSlug === 'volunteering' && role.role === 'manager')) {
    throw new Error(`demo smoke test: unexpected roles ${JSON.stringify(me.roles)}`);
  }
  console.log('demo smoke test: signed in as the demo manager');
  return token;
}

function printBanner(
  config: AppConfig,
  notes: string[],
  applied: string[],
  journalTitle: string,
): void {
  const lines = [
    '',
    '  Tahkim is running',
    `  Web site:        ${config.PUBLIC_URL}/`,
    `  Demo journal:    ${config.PUBLIC_URL}/ar/j/${DEMO_JOURNAL_SLUG}  (also /en/…, /fr/…)`,
    `  API:             ${config.PUBLIC_URL}/api`,
    `  API docs:        ${config.PUBLIC_URL}/api/docs`,
    `  Health:          ${config.PUBLIC_URL}/health/ready`,
    `  Journal:         ${journalTitle} (slug "${DEMO_JOURNAL_SLUG}", ISSN 2958-1427)`,
    `  Operator token:  ${config.ADMIN_API_TOKEN}  (Authorization: Bearer …, for automation)`,
    `  Mail:            ${config.SMTP_URL ? `SMTP ${new URL(config.SMTP_URL).host}` : `.eml files in ${config.MAIL_DIR}`}`,
    `  Services:        ${notes.join('; ')}`,
    `  Migrations:      ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
    '',
    `  Demo accounts (password "${DEMO_PASSWORD}"; sign in with POST /api/auth/login):`,
    ...DEMO_PEOPLE.map((person) => {
      const roles = person.siteAdmin ? 'site administrator' : person.roles.join(', ');
      const names = `${person.names.Latn?.given} ${person.names.Latn?.family} / ${person.names.Arab?.given} ${person.names.Arab?.family}`;
      return `    ${person.email.padEnd(42)} ${roles.padEnd(16)} ${names}`;
    }),
    '',
    '  Stop with Ctrl+C.',
    '',
  ];
  console.log(lines.join('\n'));
}

void main();
