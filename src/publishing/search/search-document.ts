import { isLocale, type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { PersonNames } from '../../editorial/people';
import type { PublishedMetadata } from '../entities/publication.entity';
import { normaliseForSearch, SUBSTRING_MIN_LENGTH } from './search-text';

/** What the index reads of a published version. */
export interface IndexedVersion {
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: { names: PersonNames }[];
}

/** The normalised texts of an article's search document, by field, and its languages. */
export interface SearchDocumentTexts {
  languages: Locale[];
  /** Titles and subtitles in every language. */
  title: string;
  /** Keywords in every language. */
  keywords: string;
  /** The contributors' names in each of their scripts. */
  authors: string;
  /**
   * The abstracts' words that could hold a search word also found in the keywords or names:
   * those sharing three letters in a row with one of their words, or equal to one. Enough to
   * tell, when ranking, whether such a word is in the abstract too, without the abstract.
   */
  abstractOverlap: string;
  /** Every distinct word of titles, abstracts, keywords and names, sorted: what finds the article. */
  words: string[];
}

/** The languages of a version: those it has a title in, in the site's order. */
export function languagesOf(version: Pick<IndexedVersion, 'metadata'>): Locale[] {
  return SUPPORTED_LOCALES.filter((locale) => version.metadata[locale]?.title?.trim());
}

/** A person's names in every script they gave, given name first. */
export function namesOf(names: PersonNames): string[] {
  return Object.values(names)
    .filter((name) => name?.given || name?.family)
    .map((name) => [name!.given, name!.family].filter(Boolean).join(' '));
}

const joined = (texts: (string | null | undefined)[]) =>
  texts
    .filter((text): text is string => Boolean(text?.trim()))
    .map(normaliseForSearch)
    .filter(Boolean)
    .join(' ');

const wordsOf = (text: string) => text.split(' ').filter(Boolean);

/** The runs of SUBSTRING_MIN_LENGTH letters of a word (by code point). */
function runsOf(word: string): string[] {
  const letters = [...word];
  const runs: string[] = [];
  for (let at = 0; at + SUBSTRING_MIN_LENGTH <= letters.length; at++)
    runs.push(letters.slice(at, at + SUBSTRING_MIN_LENGTH).join(''));
  return runs;
}

/**
 * Of the abstract's words, those that may contain a search word found in one of `others`: a
 * search word of SUBSTRING_MIN_LENGTH letters or more found in both shares its first run of
 * letters with each; a shorter one is found only as a whole word, so equals both.
 */
export function overlapping(abstractWords: string[], others: string[]): string[] {
  const whole = new Set(others);
  const runs = new Set(others.flatMap(runsOf));
  return abstractWords.filter(
    (word) => whole.has(word) || runsOf(word).some((run) => runs.has(run)),
  );
}

/**
 * What the search finds an article by: titles and subtitles, abstracts and keywords in every
 * language it has, and its contributors' names in their scripts, each normalised, and the
 * distinct words of them all. A search word never contains a space, so it is found in a field
 * exactly when it is found in one of the field's words.
 */
export function searchDocumentOf(version: IndexedVersion): SearchDocumentTexts {
  const entries = Object.entries(version.metadata)
    .filter(([locale]) => isLocale(locale))
    .map(([, metadata]) => metadata)
    .filter((metadata): metadata is PublishedMetadata => Boolean(metadata));
  const title = joined(entries.flatMap((metadata) => [metadata.title, metadata.subtitle]));
  const abstract = joined(entries.map((metadata) => metadata.abstract));
  const keywords = joined(entries.flatMap((metadata) => metadata.keywords ?? []));
  const authors = joined(version.contributors.flatMap((contributor) => namesOf(contributor.names)));
  const abstractWords = [...new Set(wordsOf(abstract))];
  return {
    languages: languagesOf(version),
    title,
    keywords,
    authors,
    abstractOverlap: overlapping(abstractWords, [
      ...new Set([...wordsOf(keywords), ...wordsOf(authors)]),
    ]).join(' '),
    words: [
      ...new Set([...wordsOf(title), ...abstractWords, ...wordsOf(keywords), ...wordsOf(authors)]),
    ].sort(),
  };
}
