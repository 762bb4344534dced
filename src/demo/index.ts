import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import type { Journal } from '../journals';
import { seedDemoJournal } from './demo-cast';
import { DemoHistory } from './demo-history.repository';
import { demoServices } from './demo-services';
import { seedDemoWork } from './demo-work';

export { DEMO_JOURNAL, DEMO_JOURNAL_SLUG, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-journal';

export interface DemoSeedOptions {
  /**
   * The submissions and what followed them (reviews, decisions, issues); off: the journal with
   * its people, sections and board only, for tests that make their own submissions.
   */
  submissions?: boolean;
  /**
   * The demo's issues (volume 1, number 1 published; number 2 in preparation); off for tests
   * that assemble and publish volume 1, number 1 themselves.
   */
  issues?: boolean;
}

/**
 * Creates the demo journal, its people, sections and board, and its submissions in several
 * stages, through the services of a running application (`app`: the API's modules), as the
 * people of the demo would have: the journal's rules apply to it as to real use. One
 * transaction: every service joins it, so a failure leaves nothing and the emails the steps
 * queued are dropped before anyone could send them. Idempotent: run twice, it leaves one of each.
 */
export async function seedDemo(
  app: INestApplicationContext,
  options: DemoSeedOptions = {},
): Promise<Journal> {
  const services = demoServices(app);
  const history = new DemoHistory(services.transactions);
  return services.transactions.withTransaction(async () => {
    const cast = await seedDemoJournal(services, history);
    if (options.submissions !== false)
      await seedDemoWork(services, history, cast, { issues: options.issues });
    await history.dropQueuedEmails();
    return services.lookup.byId(cast.journal.id);
  });
}

/**
 * The API's modules without their HTTP server: what `npm run demo` and the benchmarks seed
 * through before they start the processes themselves. Close it afterwards.
 */
export async function openDemoApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  await app.init();
  return app;
}
