import { isISO31661Alpha2 } from 'class-validator';
import type { Locale } from '../../common/i18n/locale';

/** A country a person may choose: its ISO 3166-1 alpha-2 code and its name in the page's language. */
export interface CountryChoice {
  code: string;
  label: string;
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/**
 * Every code the profile's rule (`@IsISO31661Alpha2`) accepts, so that the list offers exactly
 * what the API takes: the 249 assigned codes.
 */
const CODES = LETTERS.flatMap((first) => LETTERS.map((second) => first + second)).filter((code) =>
  isISO31661Alpha2(code),
);

const byLocale = new Map<Locale, CountryChoice[]>();

/** The countries named in `locale` (Intl.DisplayNames) and in its alphabetical order. */
export function countryChoices(locale: Locale): CountryChoice[] {
  let choices = byLocale.get(locale);
  if (!choices) {
    const names = new Intl.DisplayNames(locale, { type: 'region' });
    const collator = new Intl.Collator(locale);
    choices = CODES.map((code) => ({ code, label: names.of(code) ?? code })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
    byLocale.set(locale, choices);
  }
  return choices;
}
