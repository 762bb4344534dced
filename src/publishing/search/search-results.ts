import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { NameScript, PersonNames } from '../../editorial/people';
import { identifyIssueIn } from '../issue-identification';
import { fragmentHtml, markedHtml, matchSpans } from './highlight';
import { languagesOf } from './search-document';
import type { MatchedArticle } from './search-documents.repository';

/** Where in an article the words were found. */
export type SearchField = 'title' | 'abstract' | 'keywords' | 'authors';

/**
 * A fragment of a matched text to show under a result: escaped HTML whose only markup is
 * `<mark>` around the words found, in the language it is written in.
 */
export interface SearchSnippet {
  field: 'abstract' | 'keywords';
  locale: Locale;
  html: string;
}

/** An author as a result lists them: their names per script, plain and highlighted. */
export interface SearchHitAuthor {
  names: PersonNames;
  /** Each script's full name as escaped HTML, the words found in `<mark>`. */
  html: Partial<Record<NameScript, string>>;
}

/** One article found, with what a results page shows of it. */
export interface ArticleSearchHit {
  submissionId: string;
  /** The version shown: the newest published one. */
  publicationId: string;
  version: number;
  doi: string | null;
  languages: Locale[];
  titles: LocalizedText;
  /** The titles as escaped HTML with the words found in `<mark>`. */
  titlesHtml: LocalizedText;
  subtitles: LocalizedText;
  subtitlesHtml: LocalizedText;
  authors: SearchHitAuthor[];
  section: { id: string; titles: LocalizedText };
  issue: {
    id: string;
    volume: number;
    number: number;
    year: number;
    identification: LocalizedText;
  };
  year: number;
  /** When the article was first published. */
  publishedAt: Date | null;
  retracted: boolean;
  /** The fields the words were found in, by weight. */
  matchedIn: SearchField[];
  /** Abstract fragments and keyword lists where the words occur, the asked-for language first. */
  snippets: SearchSnippet[];
}

const KEYWORD_SEPARATOR: Record<Locale, string> = { ar: '، ', en: ', ', fr: ', ' };

/** What a results page shows of a matched article, the words (normalised) marked. */
export function toSearchHit(
  article: MatchedArticle,
  words: readonly string[],
  preferred?: Locale,
): ArticleSearchHit {
  const locales = [
    ...(preferred ? [preferred] : []),
    ...SUPPORTED_LOCALES.filter((locale) => locale !== preferred),
  ].filter((locale) => article.metadata[locale]);
  const titles: LocalizedText = {};
  const titlesHtml: LocalizedText = {};
  const subtitles: LocalizedText = {};
  const subtitlesHtml: LocalizedText = {};
  const snippets: SearchSnippet[] = [];
  const matched = new Set<SearchField>();
  /** The text as escaped HTML with the words marked, noting the field if they are found. */
  const marked = (text: string, field: SearchField) => {
    const spans = matchSpans(text, words);
    if (spans.length) matched.add(field);
    return { html: markedHtml(text, spans), found: spans.length > 0 };
  };
  for (const locale of locales) {
    const metadata = article.metadata[locale]!;
    if (metadata.title) {
      titles[locale] = metadata.title;
      titlesHtml[locale] = marked(metadata.title, 'title').html;
    }
    if (metadata.subtitle) {
      subtitles[locale] = metadata.subtitle;
      subtitlesHtml[locale] = marked(metadata.subtitle, 'title').html;
    }
    const fragment = metadata.abstract
      ? fragmentHtml(metadata.abstract, matchSpans(metadata.abstract, words))
      : null;
    if (fragment) {
      snippets.push({ field: 'abstract', locale, html: fragment });
      matched.add('abstract');
    }
    const keywords = (metadata.keywords ?? [])
      .map((keyword) => marked(keyword, 'keywords'))
      .filter((keyword) => keyword.found);
    if (keywords.length)
      snippets.push({
        field: 'keywords',
        locale,
        html: keywords.map((keyword) => keyword.html).join(KEYWORD_SEPARATOR[locale]),
      });
  }
  const authors = article.contributors.map((contributor) => {
    const html: Partial<Record<NameScript, string>> = {};
    for (const [script, name] of Object.entries(contributor.names) as [
      NameScript,
      { given: string; family?: string },
    ][]) {
      html[script] = marked([name.given, name.family].filter(Boolean).join(' '), 'authors').html;
    }
    return { names: contributor.names, html };
  });
  const order: SearchField[] = ['title', 'abstract', 'keywords', 'authors'];
  return {
    submissionId: article.submissionId,
    publicationId: article.publicationId,
    version: article.version,
    doi: article.doi,
    languages: languagesOf(article),
    titles,
    titlesHtml,
    subtitles,
    subtitlesHtml,
    authors,
    section: { id: article.sectionId, titles: article.sectionTitles },
    issue: {
      id: article.issueId,
      volume: article.issue.volume,
      number: article.issue.number,
      year: article.issue.year,
      identification: identifyIssueIn(article.issue, SUPPORTED_LOCALES),
    },
    year: article.issue.year,
    publishedAt: article.firstPublishedAt ? new Date(article.firstPublishedAt) : null,
    retracted: article.retracted,
    matchedIn: order.filter((field) => matched.has(field)),
    snippets,
  };
}
