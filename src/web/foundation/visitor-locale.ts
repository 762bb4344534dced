import { isLocale, SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';

/** The cookie that remembers the language a visitor chose with the language switcher. */
export const LOCALE_COOKIE = 'tahkim_locale';
/** A year: a choice of language is kept until the visitor makes another. */
export const LOCALE_COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** The part of a request the choice of language reads (an Express request has them all). */
export interface LanguageSignals {
  path: string;
  cookies?: Record<string, unknown>;
  headers: { 'accept-language'?: string };
  acceptsLanguages(...languages: string[]): string | false;
}

/** The language a page address names: `/fr/j/…` → `fr`; none for `/`, `/api/…`, `/xx/…`. */
export function localeInPath(path: string): Locale | null {
  const first = /^\/([^/?#]+)/.exec(path)?.[1];
  return isLocale(first) ? first : null;
}

/**
 * The language a visitor prefers when the address names none: the one they chose with the
 * switcher (cookie), else the first their browser asks for that the site speaks
 * (Accept-Language), else null (the caller's default).
 */
export function preferredLocale(request: LanguageSignals): Locale | null {
  const saved = request.cookies?.[LOCALE_COOKIE];
  if (isLocale(saved)) return saved;
  // Without the header, Express would answer with the first language offered.
  if (!request.headers['accept-language']?.trim()) return null;
  const accepted = request.acceptsLanguages(...SUPPORTED_LOCALES);
  return isLocale(accepted) ? accepted : null;
}

/** The language of a page about the request (an error page): its address's, else preferred. */
export function visitorLocale(request: LanguageSignals, fallback: Locale): Locale {
  return localeInPath(request.path) ?? preferredLocale(request) ?? fallback;
}

/**
 * The address after its language: `/ar/j/volunteering/about?x=1` → `/j/volunteering/about?x=1`,
 * `/ar` and `/ar/` → `/`. The switcher and the hreflang alternates put another language before it.
 */
export function pathAfterLocale(url: string): string {
  const rest = url.replace(/^\/[^/?#]+/, '');
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/**
 * Where the switcher sends a visitor who chose `locale` on the page at `next` (the path after the
 * language): the same page in that language. The address is built here, always under
 * `/{locale}/`, so no `next` can send anyone to another site.
 */
export function switchTarget(locale: Locale, next: unknown): string {
  const path = typeof next === 'string' ? next : '/';
  // Only a path of this site: one slash first, no backslash, no control character.
  const safe =
    /^\/(?![/\\])[^\\]*$/.test(path) &&
    path.length <= 2000 &&
    ![...path].some((character) => character < ' ' || character === '\u007f');
  if (!safe) return `/${locale}/`;
  return `/${locale}${path}`;
}
