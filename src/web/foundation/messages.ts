import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntlMessageFormat } from 'intl-messageformat';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { projectRoot } from '../../common/paths/project-root';
import { type Digits, intlLocale } from './intl';

/** One catalog: a flat map from a key (`journal.nav.about`) to an ICU MessageFormat message. */
export type Catalog = Record<string, string>;

/** The values a message's arguments take: `{ count: 3, journal: 'Revue…' }`. */
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

type MessageFormatClass = typeof IntlMessageFormat;

/**
 * Where the UI catalogs live: one JSON file per language (`ar.json`), and beside it one folder
 * per workspace with its own (`author/ar.json`), so that each area's words live with it.
 */
export const MESSAGES_DIR = (): string => join(projectRoot(), 'templates', 'web', 'messages');

function readCatalogFile(file: string, name: string): Catalog {
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog))
    throw new Error(`${name} must be an object of messages`);
  for (const [key, message] of Object.entries(catalog))
    if (typeof message !== 'string') throw new Error(`${name}: "${key}" is not a string`);
  return catalog as Catalog;
}

/** A language's catalog: its file and every area's, merged; a key given twice stops the app. */
export function readCatalog(locale: Locale, dir = MESSAGES_DIR()): Catalog {
  const merged: Catalog = readCatalogFile(join(dir, `${locale}.json`), `${locale}.json`);
  const areas = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const area of areas) {
    const file = join(dir, area, `${locale}.json`);
    if (!existsSync(file)) throw new Error(`messages/${area} has no ${locale}.json`);
    for (const [key, message] of Object.entries(readCatalogFile(file, `${area}/${locale}.json`))) {
      if (Object.hasOwn(merged, key))
        throw new Error(`${area}/${locale}.json: "${key}" is already in another catalog`);
      merged[key] = message;
    }
  }
  return merged;
}

/**
 * The UI's words in ar, en and fr, in ICU MessageFormat (plurals, selects, numbers and dates in
 * the page's language). Every message is parsed once at start: a message that does not parse
 * stops the app from starting rather than a page from rendering.
 */
export class Messages {
  private readonly compiled = new Map<string, IntlMessageFormat>();

  private constructor(
    private readonly MessageFormat: MessageFormatClass,
    private readonly catalogs: Record<Locale, Catalog>,
  ) {
    for (const locale of SUPPORTED_LOCALES)
      for (const key of Object.keys(catalogs[locale])) this.formatter(locale, key, 'latn');
  }

  /**
   * intl-messageformat is an ES module, which CommonJS code loads with import(): hence an async
   * factory (the web module provides the instance).
   */
  static async load(dir = MESSAGES_DIR()): Promise<Messages> {
    const { IntlMessageFormat } = await import('intl-messageformat');
    const catalogs = Object.fromEntries(
      SUPPORTED_LOCALES.map((locale) => [locale, readCatalog(locale, dir)]),
    ) as Record<Locale, Catalog>;
    return new Messages(IntlMessageFormat, catalogs);
  }

  /**
   * The message of `key` in `locale`, its arguments filled in. A key missing from the catalogs
   * is a defect (the catalog spec finds them): it throws, and the page answers 500.
   */
  format(locale: Locale, key: string, values: MessageValues = {}, digits: Digits = 'latn'): string {
    const result = this.formatter(locale, key, digits).format(
      values as Record<string, string | number | Date | boolean | null | undefined>,
    );
    return Array.isArray(result) ? result.join('') : String(result);
  }

  /** Whether the catalog of `locale` has a message for `key` (a key made from a code). */
  has(locale: Locale, key: string): boolean {
    return Object.hasOwn(this.catalogs[locale], key);
  }

  private formatter(locale: Locale, key: string, digits: Digits): IntlMessageFormat {
    const cacheKey = `${locale}|${digits}|${key}`;
    let formatter = this.compiled.get(cacheKey);
    if (formatter) return formatter;
    const message = this.catalogs[locale][key];
    if (message === undefined) throw new Error(`no message "${key}" in the ${locale} catalog`);
    try {
      formatter = new this.MessageFormat(message, intlLocale(locale, digits));
    } catch (error) {
      throw new Error(`${locale}.json: "${key}" does not parse: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.compiled.set(cacheKey, formatter);
    return formatter;
  }
}
