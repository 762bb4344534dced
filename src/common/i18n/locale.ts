/** The languages Tahkim speaks. Arabic comes first: the journal it was built for is Arabic-first. */
export const SUPPORTED_LOCALES = ['ar', 'en', 'fr'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The text direction follows the language, never the page. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/** A text in each language that has one, e.g. a journal title: `{ ar: '…', en: '…' }`. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** The text in the wanted language, else in the fallbacks' order, else any text at all. */
export function pickLocalized(
  text: LocalizedText | null | undefined,
  ...preferred: (Locale | null | undefined)[]
): string | undefined {
  if (!text) return undefined;
  for (const locale of [...preferred, ...SUPPORTED_LOCALES]) {
    if (locale && text[locale]) return text[locale];
  }
  return undefined;
}
