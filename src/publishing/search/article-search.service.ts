import { Injectable } from '@nestjs/common';
import { isLocale, type Locale, type LocalizedText } from '../../common/i18n/locale';
import { publishingProblems } from '../publishing.problems';
import { SearchDocumentsRepository } from './search-documents.repository';
import { toSearchHit, type ArticleSearchHit } from './search-results';
import { searchTerms } from './search-text';

/** What a reader asks of a journal's search. */
export interface ArticleSearchQuery {
  text: string;
  /** A section of the journal (its id). */
  section?: string;
  /** The year. */
  year?: number;
  /** Articles that have this language (a title in it). */
  language?: Locale;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** What a search may ask for: past these, it is refused (400). */
export const SEARCH_LIMITS = {
  /** Characters of text, as typed. */
  maxTextLength: 200,
  /** Results pages: past the 100th, nobody reads on; the deep offset only costs. */
  maxPage: 100,
  maxPageSize: 50,
  minYear: 1000,
  maxYear: 9999,
} as const;

/** What a filter sidebar shows: each choice with how many results choosing it gives. */
export interface ArticleSearchFacets {
  sections: { id: string; titles: LocalizedText; count: number }[];
  /** Newest first. */
  years: { year: number; count: number }[];
  languages: { language: Locale; count: number }[];
}

export interface ArticleSearchResult {
  /** The words searched for, normalised (what the highlighting marks). */
  terms: string[];
  total: number;
  page: number;
  pageSize: number;
  /** Pages there are (at most SEARCH_LIMITS.maxPage). */
  pageCount: number;
  items: ArticleSearchHit[];
  facets: ArticleSearchFacets;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noSuchSection = () =>
  publishingProblems.raise('search-filter', 'There is no such section in this journal', {
    filter: 'section',
  });

/**
 * The public search over a journal's published articles: their titles, abstracts and keywords
 * in every language they have and their authors' names, matched by substring on normalised text
 * (search-text.ts), ranked by where the words occur (title, then abstract, then keywords and
 * names), then the newest issue first. Only what is published is ever found (SearchIndex keeps the
 * documents in step with the public record).
 */
@Injectable()
export class ArticleSearch {
  constructor(private readonly documents: SearchDocumentsRepository) {}

  async search(journalId: string, query: ArticleSearchQuery): Promise<ArticleSearchResult> {
    const terms = this.termsOf(query.text);
    this.checkPaging(query);
    this.checkFilters(query);
    const { page, pageSize } = query;
    const found = await this.documents.search(
      journalId,
      terms,
      { sectionId: query.section, year: query.year, language: query.language },
      pageSize,
      (page - 1) * pageSize,
    );
    // The journal's sections come with the results: a section of another journal, or none,
    // found nothing, and is refused as one not in this journal.
    if (query.section !== undefined && !found.sections.some(({ id }) => id === query.section))
      throw noSuchSection();
    const counts = new Map(found.facets.sections.map((facet) => [facet.sectionId, facet.count]));
    return {
      terms,
      total: found.total,
      page,
      pageSize,
      pageCount: Math.min(Math.ceil(found.total / pageSize), SEARCH_LIMITS.maxPage),
      items: found.articles.map((article) => toSearchHit(article, terms, query.language)),
      facets: {
        // The sections some match is in (with the other filters), in the journal's order.
        sections: found.sections
          .filter((section) => counts.has(section.id))
          .map((section) => ({
            id: section.id,
            titles: section.titles,
            count: counts.get(section.id)!,
          })),
        years: found.facets.years,
        languages: found.facets.languages,
      },
    };
  }

  private termsOf(text: unknown): string[] {
    if (typeof text !== 'string' || !text.trim())
      throw publishingProblems.raise('search-text', 'Type what to search for');
    if (text.length > SEARCH_LIMITS.maxTextLength)
      throw publishingProblems.raise(
        'search-text',
        `The search text is longer than ${SEARCH_LIMITS.maxTextLength} characters`,
        { maxLength: SEARCH_LIMITS.maxTextLength },
      );
    const terms = searchTerms(text);
    if (terms.length === 0)
      throw publishingProblems.raise(
        'search-text',
        'Type a word of at least two letters or digits',
      );
    return terms;
  }

  private checkPaging({ page, pageSize }: ArticleSearchQuery): void {
    if (!Number.isInteger(page) || page < 1 || page > SEARCH_LIMITS.maxPage)
      throw publishingProblems.raise(
        'search-page',
        `The page is a whole number from 1 to ${SEARCH_LIMITS.maxPage}`,
        { maxPage: SEARCH_LIMITS.maxPage },
      );
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SEARCH_LIMITS.maxPageSize)
      throw publishingProblems.raise(
        'search-page',
        `The page size is a whole number from 1 to ${SEARCH_LIMITS.maxPageSize}`,
        { maxPageSize: SEARCH_LIMITS.maxPageSize },
      );
  }

  /** The filters are what they say; whether the section is the journal's is known with the results. */
  private checkFilters(query: ArticleSearchQuery): void {
    const { section, year, language } = query;
    if (section !== undefined && (typeof section !== 'string' || !UUID.test(section)))
      throw noSuchSection();
    if (
      year !== undefined &&
      (!Number.isInteger(year) || year < SEARCH_LIMITS.minYear || year > SEARCH_LIMITS.maxYear)
    )
      throw publishingProblems.raise('search-filter', 'The year is a year of four digits', {
        filter: 'year',
      });
    if (language !== undefined && !isLocale(language))
      throw publishingProblems.raise('search-filter', 'The language is one of ar, en and fr', {
        filter: 'language',
      });
  }
}
