import { randomUUID } from 'node:crypto';
import { eventually } from '../../../test/support/worker-context';
import { startServiceContext, type ServiceContext } from '../../../test/support/service-context';
import { CATALOGUE_CHANNEL } from '../../database/catalogue-changes.repository';
import { CatalogueCache } from './catalogue-cache';

/**
 * The catalogue cache of a running app (the API's modules), listening on its own connection
 * for what publishing announces: a NOTIFY that commits clears a journal's entries, one that
 * rolls back does not, and while it cannot listen it keeps nothing.
 */
describe('CatalogueCache', () => {
  let context: ServiceContext;
  let cache: CatalogueCache;

  beforeAll(async () => {
    context = await startServiceContext();
    cache = context.get(CatalogueCache);
  });

  afterAll(async () => {
    await context?.close();
  });

  /** Publishing's announcement, in a transaction that commits or rolls back. */
  const announce = (journalId: string, commit: boolean) =>
    context.dataSource
      .transaction(async (manager) => {
        await manager.query('SELECT pg_notify($1, $2)', [CATALOGUE_CHANNEL, journalId]);
        if (!commit) throw new Error('rolled back');
      })
      .catch((error: Error) => {
        if (commit) throw error;
      });

  /** A read that counts how often it ran and gives a new object each time. */
  const counting = () => {
    const read = async () => ({ run: ++read.runs });
    read.runs = 0;
    return read;
  };

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('keeps what it read, one read for concurrent requests, until a change commits', async () => {
    // A journal of its own: an announcement about the seeded journal that the setup's work
    // sends late (under load) must not look like the rolled-back one being heard.
    const journal = { id: randomUUID(), updatedAt: new Date() };
    const read = counting();
    const scope = cache.scope(journal);
    const [first, second] = await Promise.all([scope.get('page', read), scope.get('page', read)]);
    expect(second).toBe(first);
    expect(read.runs).toBe(1);
    expect(await cache.scope(journal).get('page', read)).toBe(first);

    // Announced in a transaction that rolls back: nothing changed, nothing is forgotten.
    await announce(journal.id, false);
    await settle();
    expect(await cache.scope(journal).get('page', read)).toBe(first);
    // Another journal's change leaves this one's alone.
    await announce('00000000-0000-4000-8000-000000000000', true);
    await settle();
    expect(await cache.scope(journal).get('page', read)).toBe(first);

    await announce(journal.id, true);
    await eventually(async () => (await cache.scope(journal).get('page', read)) !== first, 5_000);
    expect(cache.scope(journal).keyOf('page')).not.toBe(scope.keyOf('page'));
  });

  it('keeps a journal found by its slug, until its record changes', async () => {
    let reads = 0;
    const read = async () => {
      reads += 1;
      return context.journal;
    };
    await cache.journal('volunteering', read);
    await cache.journal('volunteering', read);
    expect(reads).toBe(1);
    await expect(
      cache.journal('nothing', () => Promise.reject(new Error('404'))),
    ).rejects.toThrow();
    await announce(context.journal.id, true);
    await eventually(async () => {
      await cache.journal('volunteering', read);
      return reads === 2;
    }, 5_000);
  });

  it('does not keep a failed read (a 404)', async () => {
    const scope = cache.scope(context.journal);
    await expect(scope.get('missing', () => Promise.reject(new Error('404')))).rejects.toThrow();
    const read = counting();
    await scope.get('missing', read);
    expect(read.runs).toBe(1);
  });

  it('keeps nothing while its connection is lost, and starts afresh once it listens again', async () => {
    const read = counting();
    const kept = await cache.scope(context.journal).get('lost', read);
    await context.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'tahkim-catalogue-cache' AND datname = current_database()`,
    );
    await eventually(async () => !cache.listening, 5_000);
    const scope = cache.scope(context.journal);
    expect(scope.keyOf('lost')).toBeNull();
    await scope.get('lost', read);
    await scope.get('lost', read);
    expect(read.runs).toBe(3);

    await eventually(async () => cache.listening, 15_000);
    const again = cache.scope(context.journal);
    const fresh = await again.get('lost', read);
    expect(fresh).not.toBe(kept);
    expect(await again.get('lost', read)).toBe(fresh);
  });
});
