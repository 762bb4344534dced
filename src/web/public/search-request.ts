import { isLocale, type Locale } from '../../common/i18n/locale';
import { publishingProblems, SEARCH_LIMITS } from '../../publishing';

/** What the search page's address asks for: `?q=…&section=…&year=…&language=…&page=…`. */
export interface SearchRequest {
  /** As typed (the search box shows it back). */
  text: string;
  section?: string;
  year?: number;
  language?: Locale;
  page: number;
}

/** One value of the query string: absent or empty is unset; repeated (`?q=a&q=b`) is refused. */
function single(query: Record<string, unknown>, name: string, refuse: () => Error): string {
  const value = query[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw refuse();
  return value;
}

/** A whole number as written in an address (`2`, `-1`), or NaN for anything else. */
const wholeNumber = (value: string): number => (/^[+-]?\d{1,9}$/.test(value) ? Number(value) : NaN);

const badFilter = (filter: string, detail: string) =>
  publishingProblems.raise('search-filter', detail, { filter });

/**
 * The search page's query string read and checked, so that a bad address is a 400 whether or
 * not there is anything to search for: a page from 1 to SEARCH_LIMITS.maxPage, a year of four
 * digits, a language the site speaks, a section of the journal (`sectionIds`). Parameters it
 * does not know are ignored (trackers add their own). The search itself checks the text.
 */
export function searchRequestOf(
  query: Record<string, unknown>,
  sectionIds: readonly string[],
): SearchRequest {
  const text = single(query, 'q', () =>
    publishingProblems.raise('search-text', 'Give one search text'),
  );
  const pageText = single(query, 'page', () =>
    publishingProblems.raise('search-page', 'Give one page number'),
  );
  const section = single(query, 'section', () => badFilter('section', 'Give one section'));
  const yearText = single(query, 'year', () => badFilter('year', 'Give one year'));
  const language = single(query, 'language', () => badFilter('language', 'Give one language'));

  const page = pageText === '' ? 1 : wholeNumber(pageText);
  if (!Number.isInteger(page) || page < 1 || page > SEARCH_LIMITS.maxPage)
    throw publishingProblems.raise(
      'search-page',
      `The page is a whole number from 1 to ${SEARCH_LIMITS.maxPage}`,
      { maxPage: SEARCH_LIMITS.maxPage },
    );
  const year = yearText === '' ? undefined : wholeNumber(yearText);
  if (
    year !== undefined &&
    (!Number.isInteger(year) || year < SEARCH_LIMITS.minYear || year > SEARCH_LIMITS.maxYear)
  )
    throw badFilter('year', 'The year is a year of four digits');
  if (language !== '' && !isLocale(language))
    throw badFilter('language', 'The language is one of ar, en and fr');
  if (section !== '' && !sectionIds.includes(section))
    throw badFilter('section', 'There is no such section in this journal');
  return {
    text,
    page,
    ...(section ? { section } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(isLocale(language) ? { language } : {}),
  };
}

/**
 * The query string of the same search at another page (`?q=…&page=3`): the filters kept, page
 * 1 left out. Relative, so it stays on the page's own address and language.
 */
export function searchHref(request: SearchRequest, page: number): string {
  const params = new URLSearchParams({ q: request.text });
  if (request.section) params.set('section', request.section);
  if (request.year !== undefined) params.set('year', String(request.year));
  if (request.language) params.set('language', request.language);
  if (page > 1) params.set('page', String(page));
  return `?${params.toString()}`;
}
