import type { Locale } from '../common/i18n/locale';

/** ISO 15924 codes of the scripts a person's name may be written in. */
export const NAME_SCRIPTS = ['Arab', 'Latn', 'Tfng'] as const;
export type NameScript = (typeof NAME_SCRIPTS)[number];

export interface PersonName {
  given: string;
  family?: string;
}

/** A name per script: `{ Arab: { given: 'ليلى', family: 'بنعلي' }, Latn: { given: 'Leila', family: 'Benali' } }`. */
export type PersonNames = Partial<Record<NameScript, PersonName>>;

/**
 * A person as the rest of Tahkim sees them, whoever keeps their account: what a signed-in
 * request carries and what services read of the people they deal with.
 */
export interface Person {
  id: string;
  email: string;
  names: PersonNames;
  preferredLocale: Locale;
  isSiteAdmin: boolean;
  affiliation: string | null;
  country: string | null;
  orcid: string | null;
}

/** The name to show: the script that suits the reader's language, else any. */
export function displayName(names: PersonNames, locale: Locale = 'en'): string {
  const order: NameScript[] = locale === 'ar' ? ['Arab', 'Latn', 'Tfng'] : ['Latn', 'Arab', 'Tfng'];
  for (const script of order) {
    const name = names[script];
    if (name?.given) return [name.given, name.family].filter(Boolean).join(' ');
  }
  return '';
}

/** Every given and family name, in every script. */
export function nameStrings(names: PersonNames | undefined): string[] {
  return Object.values(names ?? {}).flatMap((name) =>
    [name?.given, name?.family].filter((part): part is string => !!part),
  );
}

/**
 * "Given Family" in every script a person's name is written in, and its longer parts: what the
 * anonymisation pipeline looks for.
 */
export function personNameVariants(names: PersonNames): string[] {
  const full = Object.values(names)
    .filter((name) => name?.given)
    .map((name) => [name!.given, name!.family].filter(Boolean).join(' '));
  return [...full, ...nameStrings(names).filter((part) => part.length >= 4)];
}
