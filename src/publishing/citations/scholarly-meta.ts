import { SUPPORTED_LOCALES, pickLocalized, type Locale } from '../../common/i18n/locale';
import { orcidUrl } from '../../common/identifiers/orcid';
import { cleanText } from '../exports/xml';
import {
  fullTitle,
  invertedName,
  isUnderPage,
  isoDay,
  issnsOf,
  journalAbbreviationIn,
  journalTitleIn,
  metadataLocales,
  nameIn,
  naturalName,
  ownMetadata,
  urlsIn,
  type CitableArticle,
} from './citable-article';

/** One `<meta>` of the page's head: `name` (Highwire, Dublin Core) or `property` (Open Graph). */
export type HeadMeta =
  { name: string; content: string; lang?: Locale } | { property: string; content: string };

/** One `<link>` of the page's head. */
export interface HeadLink {
  rel: 'canonical' | 'alternate';
  href: string;
  type?: string;
}

/** Open Graph names a locale with its territory. */
const OPEN_GRAPH_LOCALES: Record<Locale, string> = { ar: 'ar_AR', en: 'en_US', fr: 'fr_FR' };

/** Open Graph descriptions are cut by the sites that show them; a whole word is cut here. */
const DESCRIPTION_LIMIT = 300;

/** `YYYY/MM/DD`, the form Google Scholar asks of citation_*_date (UTC). */
const scholarDate = (date: Date) => isoDay(date).replaceAll('-', '/');

function shorten(text: string, limit: number): string {
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  const cut = characters.slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

type Named = { name: string; content: string | number | null | undefined; lang?: Locale };

/** The tags whose content is empty are left out. */
function metas(entries: Named[]): HeadMeta[] {
  return entries
    .map(({ name, content, lang }) => ({ name, content: cleanText(String(content ?? '')), lang }))
    .filter(({ content }) => content !== '')
    .map(({ name, content, lang }) => (lang ? { name, content, lang } : { name, content }));
}

function properties(entries: { property: string; content: string | null | undefined }[]) {
  return entries
    .map(({ property, content }) => ({ property, content: cleanText(content ?? '') }))
    .filter(({ content }) => content !== '');
}

/**
 * Highwire Press tags, as Google Scholar's inclusion guidelines read them. They describe the
 * article as its PDF prints it (its own language, names in its script), whatever the page's
 * language; only the page addresses are the page's. Each author is followed by their
 * institution and ORCID iD, so that indexers pair them.
 */
function highwireTags(article: CitableArticle, locale: Locale): HeadMeta[] {
  const own = ownMetadata(article);
  const language = article.locale;
  const urls = urlsIn(article, locale);
  if (urls.pdf && !isUnderPage(urls.pdf, urls.page))
    throw new TypeError(
      `citation_pdf_url must lie under the article's page (${urls.page}); Google Scholar ignores a PDF elsewhere: ${urls.pdf}`,
    );
  const { first, last, articleNumber } = article.pages;
  return metas([
    { name: 'citation_title', content: fullTitle(own, language) },
    ...article.authors.flatMap((author) => {
      const name = nameIn(author.names, language);
      if (!name) return [];
      return [
        { name: 'citation_author', content: invertedName(name) },
        { name: 'citation_author_institution', content: author.affiliation },
        { name: 'citation_author_orcid', content: author.orcid && orcidUrl(author.orcid) },
      ];
    }),
    {
      name: 'citation_publication_date',
      content: article.dates.published ? scholarDate(article.dates.published) : article.issue.year,
    },
    {
      name: 'citation_online_date',
      content: article.dates.online && scholarDate(article.dates.online),
    },
    { name: 'citation_journal_title', content: journalTitleIn(article, language) },
    { name: 'citation_journal_abbrev', content: journalAbbreviationIn(article, language) },
    { name: 'citation_publisher', content: article.journal.publisher },
    ...issnsOf(article).map((issn) => ({ name: 'citation_issn', content: issn })),
    { name: 'citation_volume', content: article.issue.volume },
    { name: 'citation_issue', content: article.issue.number },
    // An article number stands where the first page would (Scholar has no tag of its own for it).
    { name: 'citation_firstpage', content: first ?? articleNumber },
    { name: 'citation_lastpage', content: first !== null ? last : null },
    { name: 'citation_doi', content: article.doi },
    { name: 'citation_language', content: language },
    { name: 'citation_keywords', content: (own.keywords ?? []).map(cleanText).join('; ') },
    { name: 'citation_abstract_html_url', content: urls.page },
    { name: 'citation_fulltext_html_url', content: urls.html },
    { name: 'citation_pdf_url', content: urls.pdf },
    ...article.references.map((reference) => ({ name: 'citation_reference', content: reference })),
  ]);
}

/**
 * Dublin Core, which Scholar reads only as a last resort and other harvesters read first: each
 * title, abstract and keyword in its language, marked with `lang`.
 */
function dublinCoreTags(article: CitableArticle, locale: Locale): HeadMeta[] {
  const own = ownMetadata(article);
  const language = article.locale;
  const locales = metadataLocales(article);
  return metas([
    { name: 'DC.title', content: fullTitle(own, language), lang: language },
    ...locales
      .filter((other) => other !== language)
      .map((other) => ({
        name: 'DC.title.alternative',
        content: fullTitle(article.metadata[other]!, other),
        lang: other,
      })),
    ...article.authors.map((author) => {
      const name = nameIn(author.names, language);
      return { name: 'DC.creator', content: name && invertedName(name) };
    }),
    {
      name: 'DC.date',
      content: article.dates.published ? isoDay(article.dates.published) : article.issue.year,
    },
    {
      name: 'DC.identifier',
      content: article.doi ? `https://doi.org/${article.doi}` : urlsIn(article, locale).canonical,
    },
    { name: 'DC.language', content: language },
    { name: 'DC.publisher', content: article.journal.publisher },
    { name: 'DC.rights', content: article.licence.url },
    ...locales.flatMap((other) =>
      (article.metadata[other]!.keywords ?? []).map((keyword) => ({
        name: 'DC.subject',
        content: keyword,
        lang: other,
      })),
    ),
    ...locales.map((other) => ({
      name: 'DC.description',
      content: article.metadata[other]!.abstract,
      lang: other,
    })),
    { name: 'DC.source', content: journalTitleIn(article, language) },
    { name: 'DC.type', content: 'Text' },
  ]);
}

/**
 * Open Graph, for the link a reader shares: in the page's language (its title and abstract
 * when the article has them), pointing to the canonical page.
 */
function openGraphTags(article: CitableArticle, locale: Locale): HeadMeta[] {
  const described = article.metadata[locale] ?? ownMetadata(article);
  const describedIn = article.metadata[locale] ? locale : article.locale;
  const urls = urlsIn(article, locale);
  const served = SUPPORTED_LOCALES.filter((other) => other !== locale && article.urls[other]);
  const published = article.dates.published;
  return properties([
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: fullTitle(described, describedIn) },
    { property: 'og:url', content: urls.canonical },
    {
      property: 'og:description',
      content: shorten(cleanText(described.abstract), DESCRIPTION_LIMIT),
    },
    { property: 'og:site_name', content: journalTitleIn(article, locale) },
    { property: 'og:locale', content: OPEN_GRAPH_LOCALES[locale] },
    ...served.map((other) => ({
      property: 'og:locale:alternate',
      content: OPEN_GRAPH_LOCALES[other],
    })),
    { property: 'article:published_time', content: published?.toISOString() },
    {
      property: 'article:modified_time',
      content: article.version > 1 ? article.dates.version?.toISOString() : null,
    },
    ...article.authors.map((author) => {
      const name = nameIn(author.names, locale);
      return { property: 'article:author', content: name && naturalName(name) };
    }),
    { property: 'article:section', content: pickLocalized(article.section, locale) },
  ]);
}

/**
 * The `<meta>` tags of an article page's head, in order: Highwire `citation_*`, Dublin Core,
 * Open Graph. An older version's page gets Open Graph only: Scholar and the other indexers must
 * see one record per article, on the newest version's page, to which its canonical link points.
 */
export function scholarlyMetaTags(article: CitableArticle, locale: Locale): HeadMeta[] {
  const indexed = article.newest
    ? [...highwireTags(article, locale), ...dublinCoreTags(article, locale)]
    : [];
  return [...indexed, ...openGraphTags(article, locale)];
}

/**
 * The `<link>`s of an article page's head: the canonical address (the newest version's page in
 * this language), and the version's PDF and JATS as alternates.
 */
export function articleHeadLinks(article: CitableArticle, locale: Locale): HeadLink[] {
  const urls = urlsIn(article, locale);
  return [
    { rel: 'canonical' as const, href: urls.canonical },
    ...(urls.pdf ? [{ rel: 'alternate' as const, href: urls.pdf, type: 'application/pdf' }] : []),
    ...(urls.jats
      ? [{ rel: 'alternate' as const, href: urls.jats.url, type: urls.jats.mediaType }]
      : []),
  ];
}
