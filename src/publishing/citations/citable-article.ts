import {
  SUPPORTED_LOCALES,
  pickLocalized,
  type Locale,
  type LocalizedText,
} from '../../common/i18n/locale';
import { normalizeIssn } from '../../common/identifiers/issn';
import { normalizeOrcid } from '../../common/identifiers/orcid';
import { httpProblems } from '../../common/problems/http.problems';
import type { NameScript, PersonName, PersonNames } from '../../editorial/people';
import type { Galley } from '../entities/galley.entity';
import type { NoticeKind } from '../entities/publication-notice.entity';
import type { PublishedMetadata } from '../entities/publication.entity';
import { cleanText } from '../exports/xml';
import type { PublicArticle } from '../public-catalogue.service';

/** An author as citations and indexers need them: names per script, affiliation, ORCID iD. */
export interface CitableAuthor {
  names: PersonNames;
  affiliation: string | null;
  /** The bare iD (`0000-0002-1825-0097`), checked; null when absent or invalid. */
  orcid: string | null;
}

/** The addresses of the article on the page in one language, all absolute. */
export interface CitableArticleUrls {
  /** The page shown: the newest version's, or an older version's own page. */
  page: string;
  /** The newest version's page: the canonical address of every version's page. */
  canonical: string;
  pdf: string | null;
  html: string | null;
  jats: { url: string; mediaType: string } | null;
}

export interface CitableNotice {
  kind: NoticeKind;
  texts: LocalizedText;
  publishedAt: Date;
}

/**
 * One published version of an article, with everything a citation, the `<head>` metadata and
 * JSON-LD need and nothing of the entities: made by `toCitableArticle` from what
 * `PublicCatalogue.article` returns and the page's own addresses.
 */
export interface CitableArticle {
  submissionId: string;
  version: number;
  /** Only the newest version's page is indexed; an older one points to it. */
  newest: boolean;
  /** The article's own language: its first title, its full text. */
  locale: Locale;
  /** Title, subtitle, abstract and keywords in each language the article has. */
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  authors: CitableAuthor[];
  section: LocalizedText;
  journal: {
    titles: LocalizedText;
    abbreviations: LocalizedText;
    primaryLocale: Locale;
    /** Checked ISSNs, online first. */
    issns: { online: string | null; print: string | null };
    publisher: string;
  };
  issue: {
    /** Null when the journal does not show it in the issue's identification. */
    volume: number | null;
    number: number | null;
    year: number;
  };
  pages: { first: number | null; last: number | null; articleNumber: string | null };
  doi: string | null;
  dates: {
    /** The official publication date: the later of the issue's and the article's first. */
    published: Date | null;
    /** When the first version went online. */
    online: Date | null;
    /** When this version was published (a correction's date, for a later version). */
    version: Date | null;
    received: Date | null;
    accepted: Date | null;
  };
  licence: { url: string; holder: string; year: number };
  references: string[];
  retracted: boolean;
  notices: CitableNotice[];
  /** The languages the page is served in, each with its addresses. */
  urls: Partial<Record<Locale, CitableArticleUrls>>;
}

/** How the page addresses the article and its galleys, absolute (with scheme and host). */
export interface ArticleAddresses {
  /** The article's page in a language: the newest version's. */
  page(locale: Locale): string;
  /** An older version's own page in a language; needed only to describe an older version. */
  versionPage?(locale: Locale, version: number): string;
  /**
   * A galley as the page in that language links it. Google Scholar takes a PDF only from the
   * abstract page's own directory, so galleys must live under the article's page path.
   */
  galley(galley: Galley, locale: Locale): string;
}

export interface CitableArticleOptions {
  /** The version the page shows; the newest unless said. */
  version?: number;
  /** The languages the page is served in; every supported one unless said. */
  locales?: readonly Locale[];
}

const PDF_TYPES = ['application/pdf'];
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
// An uploaded XML galley is the journal's JATS, as in every journal system.
const JATS_TYPES = ['application/jats+xml', 'application/xml', 'text/xml'];

/** The version's galley of the first of `types` it has, in the article's language if it has one. */
function galleyOf(galleys: Galley[], types: string[], locale: Locale): Galley | null {
  const ranked = galleys
    .filter((galley) => types.includes(galley.mediaType))
    .sort(
      (a, b) =>
        types.indexOf(a.mediaType) - types.indexOf(b.mediaType) ||
        Number(b.locale === locale) - Number(a.locale === locale) ||
        a.seq - b.seq,
    );
  return ranked[0] ?? null;
}

function isAbsolute(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * An address the page gave, refused at once if it is not absolute (indexers need them whole),
 * and written as the URL parser serialises it, so no stray character reaches a tag or a file.
 */
function absolute(url: string, what: string): string {
  if (!isAbsolute(url)) throw new TypeError(`The ${what} must be an absolute http(s) URL: ${url}`);
  return new URL(url).href;
}

/** Whether `url` lies under the page's path on the same site: Scholar's rule for the PDF. */
export function isUnderPage(url: string, page: string): boolean {
  const target = new URL(url);
  const base = new URL(page);
  const path = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return target.origin === base.origin && target.pathname.startsWith(path);
}

/** The later of two dates, either of which may be missing. */
function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/**
 * The citable record of one published version, from the public catalogue's article and the
 * page's addresses. An unknown version is a 404, as its page would be.
 */
export function toCitableArticle(
  article: PublicArticle,
  addresses: ArticleAddresses,
  options: CitableArticleOptions = {},
): CitableArticle {
  const { journal, versions, issue } = article;
  const [newest] = versions;
  const shown = options.version
    ? versions.find((version) => version.version === options.version)
    : newest;
  if (!shown) throw httpProblems.raise('not-found', 'There is no such published version');
  const first = versions[versions.length - 1];
  const isNewest = shown.id === newest.id;
  const galleys = article.galleys.filter((galley) => galley.publicationId === shown.id);
  const pdf = galleyOf(galleys, PDF_TYPES, shown.locale);
  const html = galleyOf(galleys, HTML_TYPES, shown.locale);
  const jats = galleyOf(galleys, JATS_TYPES, shown.locale);
  if (!isNewest && !addresses.versionPage)
    throw new TypeError('An older version needs the addresses of its own page (versionPage)');

  const urls: Partial<Record<Locale, CitableArticleUrls>> = {};
  for (const locale of options.locales ?? SUPPORTED_LOCALES) {
    const canonical = absolute(addresses.page(locale), 'article page');
    urls[locale] = {
      page: isNewest
        ? canonical
        : absolute(addresses.versionPage!(locale, shown.version), 'version page'),
      canonical,
      pdf: pdf && absolute(addresses.galley(pdf, locale), 'PDF galley'),
      html: html && absolute(addresses.galley(html, locale), 'HTML galley'),
      jats: jats && {
        url: absolute(addresses.galley(jats, locale), 'JATS galley'),
        mediaType: jats.mediaType,
      },
    };
  }

  return {
    submissionId: shown.submissionId,
    version: shown.version,
    newest: isNewest,
    locale: shown.locale,
    metadata: shown.metadata,
    authors: shown.contributors.map((contributor) => ({
      names: contributor.names,
      affiliation: cleanText(contributor.affiliation) || null,
      orcid: contributor.orcid ? normalizeOrcid(contributor.orcid) : null,
    })),
    section: article.section,
    journal: {
      titles: journal.titles,
      abbreviations: journal.abbreviations,
      primaryLocale: journal.primaryLocale,
      issns: {
        online: journal.onlineIssn ? normalizeIssn(journal.onlineIssn) : null,
        print: journal.printIssn ? normalizeIssn(journal.printIssn) : null,
      },
      publisher: cleanText(journal.publisherName),
    },
    issue: {
      volume: issue.showVolume ? issue.volume : null,
      number: issue.showNumber ? issue.number : null,
      year: issue.year,
    },
    pages: {
      first: shown.firstPage,
      last: shown.lastPage,
      articleNumber: cleanText(shown.articleNumber) || null,
    },
    doi: cleanText(shown.doi) || null,
    dates: {
      published: later(issue.publishedAt, first.publishedAt),
      online: first.publishedAt ?? issue.publishedAt,
      version: shown.publishedAt,
      received: shown.receivedAt,
      accepted: shown.acceptedAt,
    },
    licence: { url: shown.licenceUrl, holder: shown.copyrightHolder, year: shown.copyrightYear },
    references: shown.references.map((reference) => cleanText(reference)).filter(Boolean),
    retracted: article.notices.some((notice) => notice.kind === 'retraction'),
    notices: article.notices.map(({ kind, texts, createdAt }) => ({
      kind,
      texts,
      publishedAt: createdAt,
    })),
    urls,
  };
}

// ---- What the formats share: which name, which title, which date. ----

const SCRIPTS_FOR: Record<Locale, NameScript[]> = {
  ar: ['Arab', 'Latn', 'Tfng'],
  en: ['Latn', 'Arab', 'Tfng'],
  fr: ['Latn', 'Arab', 'Tfng'],
};

/**
 * The name to cite in a language: the Latin-script one in English and French when the person
 * has one, the Arabic one in Arabic when they have one, else whichever they have.
 */
export function nameIn(names: PersonNames, locale: Locale): PersonName | null {
  for (const script of SCRIPTS_FOR[locale]) {
    const name = names[script];
    const given = cleanText(name?.given);
    if (given) return { given, family: cleanText(name?.family) || undefined };
  }
  return null;
}

/** "Family, Given" (or the one name a person has): how indexers read an author. */
export function invertedName(name: PersonName): string {
  return name.family ? `${name.family}, ${name.given}` : name.given;
}

/** "Given Family" (or the one name). */
export function naturalName(name: PersonName): string {
  return name.family ? `${name.given} ${name.family}` : name.given;
}

/** The metadata in the article's own language (else the first it has). */
export function ownMetadata(article: CitableArticle): PublishedMetadata {
  const own =
    article.metadata[article.locale] ??
    SUPPORTED_LOCALES.map((locale) => article.metadata[locale]).find(Boolean);
  if (!own) throw new TypeError(`Article ${article.submissionId} has no title in any language`);
  return own;
}

/** The languages the article has metadata in, its own first. */
export function metadataLocales(article: CitableArticle): Locale[] {
  return [
    article.locale,
    ...SUPPORTED_LOCALES.filter((locale) => locale !== article.locale),
  ].filter((locale) => cleanText(article.metadata[locale]?.title));
}

/** Title and subtitle as one: "Title: Subtitle" ("Titre : Sous-titre" in French). */
export function fullTitle(metadata: PublishedMetadata, locale: Locale): string {
  const title = cleanText(metadata.title);
  const subtitle = cleanText(metadata.subtitle);
  if (!subtitle) return title;
  if (/[:?!؟.…]$/u.test(title)) return `${title} ${subtitle}`;
  return `${title}${locale === 'fr' ? '\u00A0: ' : ': '}${subtitle}`;
}

/** The journal's title in a language, else in its own. */
export function journalTitleIn(article: CitableArticle, locale: Locale): string {
  return cleanText(
    pickLocalized(article.journal.titles, locale, article.journal.primaryLocale) ?? '',
  );
}

export function journalAbbreviationIn(article: CitableArticle, locale: Locale): string | null {
  return (
    cleanText(
      pickLocalized(article.journal.abbreviations, locale, article.journal.primaryLocale) ?? '',
    ) || null
  );
}

/** The ISSNs, online first. */
export function issnsOf(article: CitableArticle): string[] {
  return [article.journal.issns.online, article.journal.issns.print].filter(
    (issn): issn is string => !!issn,
  );
}

/** The addresses on the page in one language (the page must be served in it). */
export function urlsIn(article: CitableArticle, locale: Locale): CitableArticleUrls {
  const urls = article.urls[locale];
  if (!urls) throw new TypeError(`Article ${article.submissionId} has no page in ${locale}`);
  return urls;
}

/** Date parts in UTC, as the rest of Tahkim reckons publication dates. */
export function utcParts(date: Date): [number, number, number] {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** `YYYY-MM-DD` in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
