import type { Locale } from '../../common/i18n/locale';
import { cleanText } from '../exports/xml';
import {
  fullTitle,
  issnsOf,
  journalAbbreviationIn,
  journalTitleIn,
  nameIn,
  ownMetadata,
  urlsIn,
  utcParts,
  type CitableArticle,
} from './citable-article';

/** A name as CSL-JSON has it: family and given, or one literal name that is never split. */
export type CslName = { family: string; given: string } | { literal: string };

/** The CSL-JSON item Tahkim gives citation-js for an article (CSL 1.0.2 variables). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article-journal';
  title: string;
  'container-title': string;
  'container-title-short'?: string;
  ISSN?: string;
  volume?: string;
  issue?: string;
  page?: string;
  /** The article number, for journals that number articles rather than pages. */
  number?: string;
  DOI?: string;
  URL: string;
  issued: { 'date-parts': [number[]] };
  /** The article's own language (BCP 47): it also keeps citeproc from title-casing a non-English title. */
  language: Locale;
  author: CslName[];
  publisher?: string;
  abstract?: string;
  keyword?: string;
}

/** Letters and digits only, accents dropped: a BibTeX key must be plain ASCII. */
function asciiWord(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** `benali2027`: the first author's Latin family name and the year, else the article's id. */
export function citationKey(article: CitableArticle): string {
  const latin = article.authors[0]?.names.Latn;
  const name = asciiWord(latin?.family || latin?.given);
  return name
    ? `${name}${article.issue.year}`
    : `article${article.issue.year}-${article.submissionId.slice(0, 8)}`;
}

/**
 * The title to cite in a language. In the article's own language, its title; in another
 * language the article also has a title in, the original followed by that translation in
 * square brackets, as APA (7th, 9.38), Chicago (17th, ch. 14) and NLM ask for works in another
 * language: "عنوان المقال [The article's title]".
 */
export function citedTitle(article: CitableArticle, locale: Locale): string {
  const original = fullTitle(ownMetadata(article), article.locale);
  const translated = article.metadata[locale];
  if (locale === article.locale || !translated || !cleanText(translated.title)) return original;
  return `${original} [${fullTitle(translated, locale)}]`;
}

/** The issue's year, with month and day when the article came out in that year (UTC). */
function issued(article: CitableArticle): number[] {
  const published = article.dates.published;
  if (!published) return [article.issue.year];
  const parts = utcParts(published);
  return parts[0] === article.issue.year ? parts : [article.issue.year];
}

/**
 * The article as a CSL-JSON item for citing it in a language: names in the script that suits
 * the language, the title as cited in it, the journal's title in it, and the canonical page in
 * it as URL. Every style and every download is made from this one item.
 */
export function toCslItem(article: CitableArticle, locale: Locale): CslItem {
  const own = ownMetadata(article);
  const described = article.metadata[locale] ?? own;
  const { first, last, articleNumber } = article.pages;
  const page =
    first !== null ? (last !== null && last !== first ? `${first}-${last}` : `${first}`) : null;
  const shortTitle = journalAbbreviationIn(article, locale);
  const abstract = cleanText(described.abstract);
  const keywords = (described.keywords ?? []).map((keyword) => cleanText(keyword)).filter(Boolean);
  const [issn] = issnsOf(article);
  const key = citationKey(article);
  return {
    id: key,
    'citation-key': key,
    type: 'article-journal',
    title: citedTitle(article, locale),
    'container-title': journalTitleIn(article, locale),
    ...(shortTitle && { 'container-title-short': shortTitle }),
    ...(issn && { ISSN: issn }),
    ...(article.issue.volume !== null && { volume: String(article.issue.volume) }),
    ...(article.issue.number !== null && { issue: String(article.issue.number) }),
    ...(page ? { page } : articleNumber ? { number: articleNumber } : {}),
    ...(article.doi && { DOI: article.doi }),
    URL: urlsIn(article, locale).canonical,
    issued: { 'date-parts': [issued(article)] },
    language: article.locale,
    author: article.authors
      .map((author) => nameIn(author.names, locale))
      .filter((name) => name !== null)
      .map((name) =>
        name.family ? { family: name.family, given: name.given } : { literal: name.given },
      ),
    ...(article.journal.publisher && { publisher: article.journal.publisher }),
    ...(abstract && { abstract }),
    ...(keywords.length > 0 && { keyword: keywords.join(', ') }),
  };
}
