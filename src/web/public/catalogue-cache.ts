import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../../config/app-config';
import { CATALOGUE_CHANNEL } from '../../database/catalogue-changes.repository';
import { FrontPageCache, type PageFreshness } from '../foundation/front-page-cache';

/** What a cached value is read from: a journal, as its settings last changed. */
export interface CachedJournal {
  id: string;
  updatedAt: Date;
}

/** A journal's public record as one request reads it (see CatalogueCache.scope). */
export interface CatalogueScope {
  /** `key`, made the name of what was rendered from this version of the record; null: keep nothing. */
  keyOf(key: string): string | null;
  get<T>(key: string, read: () => Promise<T>): Promise<T>;
}

interface Entry {
  journalId: string;
  value: Promise<unknown>;
  expires: number;
}

/** How long to wait before listening again after the connection was lost. */
const RECONNECT_MS = 2_000;
/**
 * How long a journal found by its slug is kept. Its settings (titles, ISSNs, licence) change
 * without an announcement; shared caches may keep its pages longer anyway (max-age=300).
 */
const JOURNAL_TTL_MS = 30_000;

/**
 * The public pages' data, read from the public catalogue once and kept in memory until the
 * journal's public record changes. Publishing announces each change on a PostgreSQL channel
 * (CatalogueChanges, a NOTIFY delivered when its transaction commits); this cache listens on
 * its own connection and forgets the journal's entries when told. A key also holds the
 * journal's `updatedAt` (its settings are on every page) and the journal's generation, so a
 * value read while a change was being announced is never found again.
 *
 * While it is not listening (starting, or its connection lost) nothing is kept: every read
 * goes to the catalogue, so a change can never be missed. Entries also expire after `ttlMs`
 * and the least recently used go beyond `maxEntries`: a bound for what no announcement covers
 * (a section renamed). Journals found by their slug are kept too, for half a minute (their
 * settings change unannounced), so that a page served from memory costs no query at all.
 */
@Injectable()
export class CatalogueCache
  implements OnApplicationBootstrap, OnApplicationShutdown, PageFreshness
{
  private readonly logger = new Logger('CatalogueCache');
  private readonly entries = new Map<string, Entry>();
  private readonly journals = new Map<string, { journal: CachedJournal; expires: number }>();
  private readonly generations = new Map<string, number>();
  /** Bumped each time listening starts: nothing kept before then is trusted. */
  private epoch = 0;
  private client: Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;

  readonly maxEntries = 2_000;
  readonly ttlMs = 10 * 60_000;

  constructor(
    private readonly config: AppConfig,
    private readonly front: FrontPageCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Pages kept by address are served while their journal's stamp is the current one.
    this.front.useFreshness(this);
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Whether changes are being heard, so that values may be kept. */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * The journal's public record as this process knows it now: what a request reads through
   * (`get`) and names what it renders by (`keyOf`). Taken before anything is read, so that a
   * change announced meanwhile makes what was read unreachable rather than current.
   */
  scope(journal: CachedJournal): CatalogueScope {
    const stamp = this.listening ? this.stamp(journal) : null;
    return {
      keyOf: (key) => stamp && `${stamp}|${key}`,
      get: (key, read) => this.get(journal.id, stamp, key, read),
    };
  }

  /**
   * `read()`'s value for `key` of the journal's public record: kept, and shared by the requests
   * that ask while it is being read. A failed read (a 404) is not kept.
   */
  private get<T>(
    journalId: string,
    stamp: string | null,
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    if (stamp === null) return read();
    const full = `${stamp}|${key}`;
    const now = Date.now();
    const found = this.entries.get(full);
    if (found && found.expires > now) {
      this.entries.delete(full);
      this.entries.set(full, found);
      return found.value as Promise<T>;
    }
    const value = read();
    const entry: Entry = { journalId, value, expires: now + this.ttlMs };
    this.entries.delete(full);
    this.entries.set(full, entry);
    value.catch(() => {
      if (this.entries.get(full) === entry) this.entries.delete(full);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  /**
   * The journal of a slug, kept for JOURNAL_TTL_MS so that a page kept in memory is served
   * without a query. An unknown slug (`read` fails: a 404) is not kept.
   */
  async journal<T extends CachedJournal>(slug: string, read: () => Promise<T>): Promise<T> {
    if (!this.listening) return read();
    const found = this.journals.get(slug);
    if (found && found.expires > Date.now()) return found.journal as T;
    const journal = await read();
    this.journals.delete(slug);
    this.journals.set(slug, { journal, expires: Date.now() + JOURNAL_TTL_MS });
    for (const oldest of this.journals.keys()) {
      if (this.journals.size <= this.maxEntries) break;
      this.journals.delete(oldest);
    }
    return journal;
  }

  /**
   * The stamp of the record a page at `address` (`/ar/j/{slug}/…`) would be rendered from now,
   * without a query: null when its journal is not kept (or nothing is heard), so the page is
   * rendered afresh and its journal read again.
   */
  stampOf(address: string): string | null {
    if (!this.listening) return null;
    const slug = /^\/[a-z]{2}\/j\/([^/?#]+)/.exec(address)?.[1];
    if (!slug) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(slug);
    } catch {
      return null;
    }
    const found = this.journals.get(decoded);
    return found && found.expires > Date.now() ? this.stamp(found.journal) : null;
  }

  private stamp(journal: CachedJournal): string {
    return `${journal.id}.${journal.updatedAt.getTime()}.${this.epoch}.${this.generations.get(journal.id) ?? 0}`;
  }

  /** Forgets what was read of a journal's public record (publishing announced a change). */
  changed(journalId: string): void {
    this.generations.set(journalId, (this.generations.get(journalId) ?? 0) + 1);
    for (const [key, entry] of this.entries)
      if (entry.journalId === journalId) this.entries.delete(key);
    for (const [slug, { journal }] of this.journals)
      if (journal.id === journalId) this.journals.delete(slug);
  }

  /** Forgets everything. */
  clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.journals.clear();
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'tahkim-catalogue-cache',
    });
    client.on('notification', (message) => {
      if (message.channel === CATALOGUE_CHANNEL && message.payload) this.changed(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CATALOGUE_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      this.retry(error as Error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    // Whatever changed while nobody listened is unknown: start afresh.
    this.clear();
    this.client = client;
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.clear();
    client.end().catch(() => undefined);
    if (!this.closed) this.retry(error ?? new Error('the connection ended'));
  }

  private retry(error: Error): void {
    if (this.closed || this.reconnect) return;
    this.logger.warn(
      `not listening for catalogue changes (${error.message}): pages are read afresh meanwhile`,
    );
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.listen();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
