import type { Locale } from '../../common/i18n/locale';

/**
 * The digits Arabic pages write numbers with: Latin (0-9, as the Maghreb writes them) or
 * Arabic-Indic (٠-٩). A journal would choose; journals have no such setting yet, so every page
 * uses Latin digits (`ar-u-nu-latn`) unless its controller says otherwise.
 */
export type Digits = 'latn' | 'arab';

/**
 * The BCP 47 tag Intl and ICU MessageFormat format with: the page's language, its digits, and
 * the Gregorian calendar (journals date their issues by it, whatever the region's default).
 */
export function intlLocale(locale: Locale, digits: Digits = 'latn'): string {
  return locale === 'ar' ? `ar-u-ca-gregory-nu-${digits}` : `${locale}-u-ca-gregory`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const languageNames = new Map<string, Intl.DisplayNames>();
const listFormats = new Map<string, Intl.ListFormat>();

export type DateStyle = 'long' | 'medium' | 'short' | 'year';

/** A date in the page's language: "12 March 2026", «12 مارس 2026», "12 mars 2026". */
export function formatDate(value: Date | string, tag: string, style: DateStyle = 'long'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${tag}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      tag,
      style === 'year'
        ? { year: 'numeric', timeZone: 'UTC' }
        : { dateStyle: style, timeZone: 'UTC' },
    );
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** A number in the page's language and digits: "1,234", «1.234», "1 234". */
export function formatNumber(value: number, tag: string): string {
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format.format(value);
}

/** A language's name in the page's language: «الإنجليزية», "English", "anglais". */
export function languageName(code: string, tag: string): string {
  let names = languageNames.get(tag);
  if (!names) {
    names = new Intl.DisplayNames(tag, { type: 'language' });
    languageNames.set(tag, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag: shown as it is
  }
}

/** Items joined as the language joins them: «أ وب», "A and B", "A et B". */
export function formatList(items: string[], tag: string): string {
  let format = listFormats.get(tag);
  if (!format) {
    format = new Intl.ListFormat(tag, { type: 'conjunction' });
    listFormats.set(tag, format);
  }
  return format.format(items);
}
