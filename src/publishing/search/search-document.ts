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
   * What the abstracts share with the keywords and names (see sharedWithAbstract): enough to
   * tell, when ranking, whether a search word found in the keywords or names is in the abstract
   * too, without the abstract.
   */
  abstractOverlap: string;
  /** Every distinct word of titles, abstracts, keywords and names, sorted: what finds the article. */
  words: string[];
}

/**
 * Each language's bit in a search document's language mask: what the language filter and facet
 * read (a number is grouped and tested for less than a list). A new locale takes the next bit.
 */
export const LANGUAGE_BITS: Record<Locale, number> = { ar: 1, en: 2, fr: 4 };

/** The mask of these languages. */
export function languageMaskOf(languages: Locale[]): number {
  return languages.reduce((mask, language) => mask | LANGUAGE_BITS[language], 0);
}

/** The languages of a mask, in the site's order. */
export function languagesOfMask(mask: number): Locale[] {
  return SUPPORTED_LOCALES.filter((locale) => (mask & LANGUAGE_BITS[locale]) !== 0);
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
 * What the abstract shares with the words of `others` (the keywords and names): of each such
 * word, the word itself when the abstract has it whole, else its longest pieces of
 * SUBSTRING_MIN_LENGTH letters or more that are in an abstract word. A search word found in
 * one of `others` is in the abstract exactly when it is in one of these (a short one, found
 * only whole, exactly when it is one of them): enough to tell, when ranking, without the
 * abstract, in a few words rather than the abstract's own.
 */
export function sharedWithAbstract(abstractWords: string[], others: string[]): string[] {
  const whole = new Set(abstractWords);
  const runs = new Set(abstractWords.flatMap(runsOf));
  // A piece has no space: found in this text, it is found in one of its words.
  const abstract = abstractWords.join(' ');
  const shared = new Set<string>();
  for (const word of others) {
    if (whole.has(word)) {
      shared.add(word);
      continue;
    }
    const letters = [...word];
    const pieces: string[] = [];
    for (let at = 0; at + SUBSTRING_MIN_LENGTH <= letters.length; at++) {
      if (!runs.has(letters.slice(at, at + SUBSTRING_MIN_LENGTH).join(''))) continue;
      let to = at + SUBSTRING_MIN_LENGTH;
      while (to < letters.length && abstract.includes(letters.slice(at, to + 1).join(''))) to++;
      pieces.push(letters.slice(at, to).join(''));
    }
    // A piece inside another of the same word adds nothing.
    for (const piece of pieces)
      if (!pieces.some((other) => other !== piece && other.includes(piece))) shared.add(piece);
  }
  return [...shared];
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
    abstractOverlap: sharedWithAbstract(abstractWords, [
      ...new Set([...wordsOf(keywords), ...wordsOf(authors)]),
    ]).join(' '),
    words: [
      ...new Set([...wordsOf(title), ...abstractWords, ...wordsOf(keywords), ...wordsOf(authors)]),
    ].sort(),
  };
}
