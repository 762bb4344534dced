import { directionOf, isLocale, type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { NameScript } from '../../editorial/people';
import type { ArticleSearchHit, SearchSnippet } from '../../publishing';
import { type SearchRequest, searchHref } from './search-request';

/**
 * Highlighted text for the page as it is written: escaped text whose only markup is `<mark>`.
 * The search escapes what it highlights; this is checked again before the page writes it
 * unescaped, and anything else is escaped whole (its highlighting lost, never its safety).
 */
export function markedHtmlOnly(html: string): string {
  const withoutMarks = html.replace(/<\/?mark>/g, '');
  if (!/[<>]/.test(withoutMarks)) return html;
  return html.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A highlighted text in its language: the page marks it with `lang` and `dir` when foreign. */
export interface MarkedText {
  html: string;
  lang: Locale;
  dir: 'rtl' | 'ltr';
  /** Not in the page's language. */
  foreign: boolean;
}

export interface SearchItemView {
  /** The article: its page is /{locale}/j/{slug}/articles/{id}. */
  id: string;
  title: MarkedText | null;
  subtitle: MarkedText | null;
  /** Each author's name, highlighted, in the script that suits the page (or that matched). */
  authors: string[];
  section: ArticleSearchHit['section']['titles'];
  issue: ArticleSearchHit['issue'];
  publishedAt: Date | null;
  doi: string | null;
  retracted: boolean;
  abstract: MarkedText | null;
  keywords: MarkedText | null;
}

/** The languages to show an article's texts in, by preference. */
function preference(locale: Locale, also: (Locale | undefined)[]): Locale[] {
  return [...new Set([locale, ...also.filter(isLocale), ...SUPPORTED_LOCALES])];
}

function marked(
  texts: Partial<Record<Locale, string>>,
  order: Locale[],
  page: Locale,
): MarkedText | null {
  const lang = order.find((candidate) => texts[candidate]);
  if (!lang) return null;
  return {
    html: markedHtmlOnly(texts[lang]!),
    lang,
    dir: directionOf(lang),
    foreign: lang !== page,
  };
}

function snippet(
  snippets: SearchSnippet[],
  field: SearchSnippet['field'],
  order: Locale[],
  page: Locale,
): MarkedText | null {
  const texts: Partial<Record<Locale, string>> = {};
  for (const found of snippets)
    if (found.field === field && !texts[found.locale]) texts[found.locale] = found.html;
  return marked(texts, order, page);
}

const SCRIPTS: Record<Locale, NameScript[]> = {
  ar: ['Arab', 'Latn', 'Tfng'],
  en: ['Latn', 'Arab', 'Tfng'],
  fr: ['Latn', 'Arab', 'Tfng'],
};

/** A name in the page's script, unless the words were found in another of its scripts. */
function authorHtml(author: ArticleSearchHit['authors'][number], locale: Locale): string {
  const scripts = SCRIPTS[locale].filter((script) => author.html[script]);
  const script = scripts.find((candidate) => author.html[candidate]!.includes('<mark>'));
  const html = author.html[script ?? scripts[0]];
  return html ? markedHtmlOnly(html) : '';
}

/**
 * What a results page shows of one article found: its texts in the page's language where it
 * has them, else in the language the search is narrowed to, else in `fallback` (the journal's
 * primary language: a hit does not say which of its languages the article was written in).
 */
export function toSearchItem(
  hit: ArticleSearchHit,
  locale: Locale,
  language?: Locale,
  fallback?: Locale,
): SearchItemView {
  const order = preference(locale, [language, fallback]);
  const title = marked(hit.titlesHtml, order, locale);
  // Snippets: in the page's language, the one asked for, else the title's.
  const near = preference(locale, [language, title?.lang]);
  return {
    id: hit.submissionId,
    title,
    subtitle: title && marked(hit.subtitlesHtml, [title.lang], locale),
    authors: hit.authors.map((author) => authorHtml(author, locale)).filter(Boolean),
    section: hit.section.titles,
    issue: hit.issue,
    publishedAt: hit.publishedAt,
    doi: hit.doi,
    retracted: hit.retracted,
    abstract: snippet(hit.snippets, 'abstract', near, locale),
    keywords: snippet(hit.snippets, 'keywords', near, locale),
  };
}

/** A link of the pagination: a page, or a gap between pages («…»). */
export type PageLink = { page: number; href: string; current: boolean } | { gap: true };

export interface PaginationView {
  previous: string | null;
  next: string | null;
  pages: PageLink[];
}

/**
 * Links to the other pages of results, each keeping the search and its filters: the first and
 * last pages, and two on each side of the current one, with gaps between.
 */
export function paginationOf(request: SearchRequest, pageCount: number): PaginationView | null {
  if (pageCount <= 1) return null;
  const { page } = request;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((number) => number >= 1 && number <= pageCount)
    .sort((a, b) => a - b);
  const pages: PageLink[] = [];
  for (const [index, number] of shown.entries()) {
    if (index > 0 && number > shown[index - 1] + 1) pages.push({ gap: true });
    pages.push({ page: number, href: searchHref(request, number), current: number === page });
  }
  return {
    previous: page > 1 ? searchHref(request, Math.min(page - 1, pageCount)) : null,
    next: page < pageCount ? searchHref(request, page + 1) : null,
    pages,
  };
}
