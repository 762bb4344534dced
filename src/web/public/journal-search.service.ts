import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/http/problem.exception';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { SectionsService } from '../../journals';
import {
  ArticleSearch,
  type ArticleSearchFacets,
  type ArticleSearchQuery,
  type ArticleSearchResult,
  PublicCatalogue,
  publishingProblems,
  SEARCH_LIMITS,
} from '../../publishing';
import { type JournalView, toJournalView } from './public-site.service';
import { type SearchRequest, searchRequestOf } from './search-request';
import {
  paginationOf,
  type PaginationView,
  type SearchItemView,
  toSearchItem,
} from './search-view';

/** Results on a page. */
export const SEARCH_PAGE_SIZE = 10;

/** A choice of a filter's menu; `count` is how many results choosing it gives (null: no search). */
export interface FilterOption<T> {
  value: T;
  count: number | null;
  selected: boolean;
}

export interface SearchPageView {
  journal: JournalView;
  /** What the search box shows back: the text as typed. */
  form: { q: string; maxLength: number };
  filters: {
    sections: (FilterOption<string> & { titles: LocalizedText })[];
    years: FilterOption<number>[];
    languages: FilterOption<Locale>[];
  };
  /** Null until something searchable is asked for. */
  result: {
    total: number;
    page: number;
    pageCount: number;
    /** The number of the page's first result, for `<ol start>`. */
    first: number;
    items: SearchItemView[];
    pagination: PaginationView | null;
  } | null;
  /** Text was typed, but no word of two letters or digits: the form says so. */
  tooShort: boolean;
}

/** How many results a choice gives: null without a search, 0 when no result has it. */
const countIn = <F extends { count: number }>(
  facets: F[] | undefined,
  chosen: (facet: F) => boolean,
): number | null => (facets ? (facets.find(chosen)?.count ?? 0) : null);

/**
 * The search page of a journal: the form, with each filter's choices (the journal's sections,
 * the years of its issues, the site's languages) and, once there is something to look for, the
 * results of ArticleSearch in the page's language. A bad address is a 400; an unknown journal a
 * 404.
 */
@Injectable()
export class JournalSearchPages {
  constructor(
    private readonly catalogue: PublicCatalogue,
    private readonly sections: SectionsService,
    private readonly search: ArticleSearch,
  ) {}

  async page(
    slug: string,
    locale: Locale,
    query: Record<string, unknown>,
  ): Promise<SearchPageView> {
    const { journal, issues } = await this.catalogue.archive(slug);
    const sections = await this.sections.list(journal);
    const request = searchRequestOf(
      query,
      sections.map((section) => section.id),
    );
    const found = await this.results(journal.id, request);
    const facets: ArticleSearchFacets | undefined = found?.facets;
    const years = [
      ...new Set([
        ...issues.map((issue) => issue.year),
        ...(facets?.years.map((facet) => facet.year) ?? []),
        ...(request.year !== undefined ? [request.year] : []),
      ]),
    ].sort((a, b) => b - a);
    return {
      journal: toJournalView(journal),
      form: { q: request.text, maxLength: SEARCH_LIMITS.maxTextLength },
      filters: {
        sections: sections.map((section) => ({
          value: section.id,
          titles: section.titles,
          count: countIn(facets?.sections, (facet) => facet.id === section.id),
          selected: section.id === request.section,
        })),
        years: years.map((year) => ({
          value: year,
          count: countIn(facets?.years, (facet) => facet.year === year),
          selected: year === request.year,
        })),
        languages: SUPPORTED_LOCALES.map((language) => ({
          value: language,
          count: countIn(facets?.languages, (facet) => facet.language === language),
          selected: language === request.language,
        })),
      },
      result: found && {
        total: found.total,
        page: found.page,
        pageCount: found.pageCount,
        first: (found.page - 1) * found.pageSize + 1,
        items: found.items.map((hit) =>
          toSearchItem(hit, locale, request.language, journal.primaryLocale),
        ),
        pagination: paginationOf(request, found.pageCount),
      },
      tooShort: found === null && request.text.trim() !== '',
    };
  }

  /**
   * The results, or null: nothing typed, or nothing searchable in what was (a lone letter, some
   * punctuation), which the form answers. A text over the limit stays a 400.
   */
  private async results(
    journalId: string,
    request: SearchRequest,
  ): Promise<ArticleSearchResult | null> {
    if (!request.text.trim()) return null;
    const query: ArticleSearchQuery = {
      text: request.text,
      section: request.section,
      year: request.year,
      language: request.language,
      page: request.page,
      pageSize: SEARCH_PAGE_SIZE,
    };
    try {
      return await this.search.search(journalId, query);
    } catch (error) {
      const nothingToSearch =
        error instanceof ProblemException &&
        error.problem.type === publishingProblems.type('search-text') &&
        request.text.length <= SEARCH_LIMITS.maxTextLength;
      if (nothingToSearch) return null;
      throw error;
    }
  }
}
