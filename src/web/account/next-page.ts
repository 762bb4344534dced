import type { Locale } from '../../common/i18n/locale';

/** A control character or a backslash, which browsers may read as a slash. */
const hasControlOrBackslash = (value: string) =>
  [...value].some((character) => character.charCodeAt(0) < 0x20 || character === '\\');

/** Longer than any address of the site a visitor would come back to. */
const MAX_NEXT_LENGTH = 2000;

/**
 * Where a visitor goes once signed in: `next` if it is a path of this site after the language
 * (`/j/volunteering/submit`), never another site (`//evil.example`, `/\evil`, a scheme) and
 * never the sign-in pages themselves; else their account's home.
 */
export function nextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > MAX_NEXT_LENGTH) return '/account';
  if (!/^\/(?![/\\])/.test(next) || hasControlOrBackslash(next)) return '/account';
  const path = next.split(/[?#]/)[0];
  // Nor the pages of an emailed link or of a deleted account, which are done with once used.
  if (
    /^\/(login|logout|register|verify-email|password|invitation|account\/deleted)(\/|$)/.test(path)
  )
    return '/account';
  return next;
}

/** The address of `path` (after the language) in `locale`. */
export const inLocale = (locale: Locale, path: string): string => `/${locale}${path}`;
