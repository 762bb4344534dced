import { SUPPORTED_LOCALES, pickLocalized, type Locale } from '../../common/i18n/locale';
import { orcidUrl } from '../../common/identifiers/orcid';
import type { PersonName } from '../../editorial/people';
import { cleanText } from '../exports/xml';
import {
  fullTitle,
  isoDay,
  issnsOf,
  journalTitleIn,
  metadataLocales,
  nameIn,
  naturalName,
  ownMetadata,
  urlsIn,
  type CitableArticle,
} from './citable-article';

/** A schema.org node, as JSON-LD writes it. */
export type JsonLdNode = { '@type': string } & Record<string, unknown>;

/** A schema.org Person: the name in the article's script, the others as alternate names. */
function person(article: CitableArticle, author: CitableArticle['authors'][number]) {
  const name = nameIn(author.names, article.locale);
  if (!name) return null;
  const others = SUPPORTED_LOCALES.map((locale) => nameIn(author.names, locale))
    .filter((other): other is PersonName => other !== null)
    .map(naturalName)
    .filter((other, index, all) => other !== naturalName(name) && all.indexOf(other) === index);
  return {
    '@type': 'Person',
    name: naturalName(name),
    givenName: name.family ? name.given : undefined,
    familyName: name.family,
    alternateName: others.length > 0 ? others : undefined,
    affiliation: author.affiliation
      ? { '@type': 'Organization', name: author.affiliation }
      : undefined,
    sameAs: author.orcid ? orcidUrl(author.orcid) : undefined,
  };
}

/** The periodical, inside the volume, inside the issue: as far as the journal numbers them. */
function container(article: CitableArticle, locale: Locale): JsonLdNode {
  const publisher = article.journal.publisher
    ? { '@type': 'Organization', name: article.journal.publisher }
    : undefined;
  const issns = issnsOf(article);
  let node: JsonLdNode = {
    '@type': 'Periodical',
    name: journalTitleIn(article, locale),
    issn: issns.length > 1 ? issns : issns[0],
    publisher,
  };
  if (article.issue.volume !== null)
    node = {
      '@type': 'PublicationVolume',
      volumeNumber: String(article.issue.volume),
      isPartOf: node,
    };
  if (article.issue.number !== null)
    node = {
      '@type': 'PublicationIssue',
      issueNumber: String(article.issue.number),
      datePublished: String(article.issue.year),
      isPartOf: node,
    };
  return node;
}

/** Drops the fields left undefined, so the JSON holds only what the article has. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The article as a schema.org `ScholarlyArticle` for the page's JSON-LD, described in its own
 * language like the Highwire tags, with the page's addresses. Null on an older version's page,
 * which indexers are sent away from by its canonical link. A retracted article keeps its
 * record, marked `creativeWorkStatus: "Retracted"`, and every notice is a `correction`.
 */
export function scholarlyArticleJsonLd(article: CitableArticle, locale: Locale): JsonLdNode | null {
  if (!article.newest) return null;
  const own = ownMetadata(article);
  const title = fullTitle(own, article.locale);
  const urls = urlsIn(article, locale);
  const translations = metadataLocales(article)
    .filter((other) => other !== article.locale)
    .map((other) => fullTitle(article.metadata[other]!, other));
  const keywords = (own.keywords ?? []).map(cleanText).filter(Boolean);
  const { first, last } = article.pages;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': urls.canonical,
    url: urls.canonical,
    mainEntityOfPage: urls.canonical,
    headline: title,
    name: title,
    alternateName: translations.length > 0 ? translations : undefined,
    inLanguage: article.locale,
    author: article.authors.map((author) => person(article, author)).filter(Boolean),
    datePublished: article.dates.published ? isoDay(article.dates.published) : undefined,
    dateCreated: article.dates.received ? isoDay(article.dates.received) : undefined,
    dateModified:
      article.version > 1 && article.dates.version ? isoDay(article.dates.version) : undefined,
    isPartOf: container(article, article.locale),
    identifier: article.doi
      ? { '@type': 'PropertyValue', propertyID: 'DOI', value: article.doi }
      : undefined,
    sameAs: article.doi ? `https://doi.org/${article.doi}` : undefined,
    keywords: keywords.length > 0 ? keywords : undefined,
    abstract: cleanText(own.abstract) || undefined,
    license: article.licence.url,
    // The authors or the publisher, as the journal's rule made it: a name, not a typed party.
    copyrightHolder: cleanText(article.licence.holder) || undefined,
    copyrightYear: article.licence.year,
    isAccessibleForFree: true,
    articleSection: pickLocalized(article.section, article.locale),
    pageStart: first !== null ? String(first) : (article.pages.articleNumber ?? undefined),
    pageEnd: first !== null && last !== null ? String(last) : undefined,
    encoding: [
      urls.pdf && {
        '@type': 'MediaObject',
        contentUrl: urls.pdf,
        encodingFormat: 'application/pdf',
      },
      urls.html && { '@type': 'MediaObject', contentUrl: urls.html, encodingFormat: 'text/html' },
      urls.jats && {
        '@type': 'MediaObject',
        contentUrl: urls.jats.url,
        encodingFormat: urls.jats.mediaType,
      },
    ].filter(Boolean),
    citation: article.references.length > 0 ? article.references : undefined,
    creativeWorkStatus: article.retracted ? 'Retracted' : undefined,
    correction:
      article.notices.length > 0
        ? article.notices.map((notice) => ({
            '@type': 'CorrectionComment',
            name: notice.kind,
            text: pickLocalized(notice.texts, locale, article.locale),
            datePublished: isoDay(notice.publishedAt),
          }))
        : undefined,
  });
}

const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for the inside of `<script type="application/ld+json">`: the same JSON, with `<`, `>`,
 * `&` and the two line separators written as \u escapes, so that no text in it (a title holding
 * `</script>` or `<!--`) can end the element or change how the HTML parser reads it. Write it
 * unescaped (`{{{jsonLd}}}` in Handlebars): HTML entities are not decoded inside a script.
 */
export function jsonLdScript(value: object | null): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => SCRIPT_ESCAPES[character],
  );
}
