import {
  directionOf,
  type Locale,
  type LocalizedText,
  SUPPORTED_LOCALES,
} from '../../common/i18n/locale';
import type { PersonNames } from '../../editorial/people';
import {
  type ArticleAddresses,
  articleHeadLinks,
  type FormattedCitation,
  formatCitations,
  type HeadLink,
  type HeadMeta,
  identifyIssueIn,
  jsonLdScript,
  type PublicArticle,
  scholarlyArticleJsonLd,
  scholarlyMetaTags,
  toCitableArticle,
} from '../../publishing';
import { licenceOf, type LicenceView } from './licences';
import { absoluteUrl, localPath, publicPaths } from '../../editorial/site-addresses';
import { type JournalView, toJournalView } from './public-site.service';

type Galley = PublicArticle['galleys'][number];
type NoticeKind = PublicArticle['notices'][number]['kind'];

const PDF = ['application/pdf'];
const HTML = ['text/html', 'application/xhtml+xml'];
const JATS = ['application/jats+xml', 'application/xml', 'text/xml'];

/** The citation files a reader can download, by the extension of their address. */
export const CITATION_FILES = [
  { extension: 'bib', format: 'bibtex' },
  { extension: 'ris', format: 'ris' },
  { extension: 'json', format: 'csl-json' },
] as const;

export interface ArticleAuthorView {
  names: PersonNames;
  affiliation: string | null;
  /** The bare iD, checked. */
  orcid: string | null;
  corresponding: boolean;
}

/** The article's title, abstract and keywords in one of its languages. */
export interface ArticleLanguageView {
  locale: Locale;
  dir: 'rtl' | 'ltr';
  title: string;
  subtitle: string | null;
  /** The abstract's paragraphs. */
  abstract: string[];
  keywords: string[];
}

/** A published file of the version shown, and where it opens. */
export interface ArticleFileView {
  kind: 'pdf' | 'html' | 'jats' | 'other';
  label: string;
  locale: Locale;
  mediaType: string;
  size: number;
  href: string;
}

export interface ArticleVersionView {
  version: number;
  publishedAt: Date | null;
  note: string | null;
  href: string;
  shown: boolean;
  newest: boolean;
}

export interface ArticleNoticeView {
  kind: NoticeKind;
  texts: LocalizedText;
  publishedAt: Date;
}

/** An article's page in one language: what it shows, and what its head tells indexers. */
export interface ArticlePageView {
  journal: JournalView;
  article: {
    id: string;
    href: string;
    locale: Locale;
    dir: 'rtl' | 'ltr';
    /** Its title in each language it has (the page's `<title>`). */
    titles: LocalizedText;
    /** The page's description: the abstract in the page's language if it has one, else its own. */
    description: string | null;
    /** Its own language first. */
    languages: ArticleLanguageView[];
    /** The title in the page's language, when the article has one and is written in another. */
    translatedTitle: ArticleLanguageView | null;
    authors: ArticleAuthorView[];
    section: LocalizedText;
    issue: { identification: LocalizedText; href: string };
    pages: { first: number | null; last: number | null; articleNumber: string | null };
    doi: string | null;
    dates: {
      received: Date | null;
      accepted: Date | null;
      published: Date | null;
      /** When the version shown was published, if it is a correction. */
      corrected: Date | null;
    };
    licence: LicenceView & { holder: string; year: number };
    files: ArticleFileView[];
    fullText: string | null;
    references: string[];
    version: number;
    newest: boolean;
    newestHref: string;
    versions: ArticleVersionView[];
    notices: ArticleNoticeView[];
    retraction: ArticleNoticeView | null;
  };
  /** "Cite this article" in the page's language; on the newest version's page only. */
  citations: FormattedCitation[];
  citationFiles: { extension: string; format: string; href: string }[];
  head: { metas: HeadMeta[]; links: HeadLink[]; jsonLd: string | null };
  /** The newest version's page, after the language: every version's canonical address. */
  canonicalPath: string;
}

const kindOf = (galley: Galley): ArticleFileView['kind'] =>
  PDF.includes(galley.mediaType)
    ? 'pdf'
    : HTML.includes(galley.mediaType)
      ? 'html'
      : JATS.includes(galley.mediaType)
        ? 'jats'
        : 'other';

const FILE_ORDER: ArticleFileView['kind'][] = ['pdf', 'html', 'jats', 'other'];

/** Search engines show about this much of a description; a whole word is cut. */
function shorten(text: string, limit = 300): string | null {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  if (characters.length === 0) return null;
  if (characters.length <= limit) return characters.join('');
  const cut = characters.slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Where a galley of the article opens, after the language: under the article's own path
 * (Scholar takes a PDF only from there); the HTML galley as the site shows it, in its frame.
 */
function galleyPath(article: PublicArticle, galley: Galley): string {
  const slug = article.journal.slug;
  const [newest] = article.versions;
  const id = newest.submissionId;
  if (kindOf(galley) !== 'html') return publicPaths.articleGalley(slug, id, galley);
  const version = article.versions.find((record) => record.id === galley.publicationId)?.version;
  const older = version !== undefined && version !== newest.version ? version : undefined;
  return publicPaths.fullText(slug, id, older);
}

/** The article's addresses as citations and the head's metadata give them: absolute. */
export function articleAddresses(article: PublicArticle, publicUrl: string): ArticleAddresses {
  const slug = article.journal.slug;
  const id = article.versions[0].submissionId;
  return {
    page: (locale) => absoluteUrl(publicUrl, locale, publicPaths.article(slug, id)),
    versionPage: (locale, version) =>
      absoluteUrl(publicUrl, locale, publicPaths.version(slug, id, version)),
    galley: (galley, locale) => absoluteUrl(publicUrl, locale, galleyPath(article, galley)),
  };
}

/**
 * An article's page in `locale`, from the public catalogue's record: the version asked for
 * (the newest unless said; an unknown one is a 404), its metadata in every language, its
 * files, versions and notices, its citations, and the Highwire, Dublin Core, Open Graph and
 * JSON-LD metadata of its head (none of Highwire's on an older version's page).
 */
export function toArticlePage(
  record: PublicArticle,
  options: { locale: Locale; version?: number; publicUrl: string },
): ArticlePageView {
  const { locale, publicUrl } = options;
  const slug = record.journal.slug;
  const citable = toCitableArticle(record, articleAddresses(record, publicUrl), {
    version: options.version,
  });
  const shown = record.versions.find((version) => version.version === citable.version)!;
  const [newest] = record.versions;
  const id = shown.submissionId;
  const own = shown.locale;
  const languages: ArticleLanguageView[] = [own, ...SUPPORTED_LOCALES.filter((l) => l !== own)]
    .filter((language) => shown.metadata[language]?.title?.trim())
    .map((language) => {
      const metadata = shown.metadata[language]!;
      return {
        locale: language,
        dir: directionOf(language),
        title: metadata.title,
        subtitle: metadata.subtitle?.trim() || null,
        abstract: (metadata.abstract ?? '')
          .split(/\r?\n\s*\r?\n/)
          .map((paragraph) => paragraph.trim())
          .filter(Boolean),
        keywords: (metadata.keywords ?? []).filter((keyword) => keyword.trim()),
      };
    });
  const galleys = record.galleys
    .filter((galley) => galley.publicationId === shown.id)
    .sort((a, b) => FILE_ORDER.indexOf(kindOf(a)) - FILE_ORDER.indexOf(kindOf(b)) || a.seq - b.seq);
  const files = galleys.map((galley) => ({
    kind: kindOf(galley),
    label: galley.label,
    locale: galley.locale,
    mediaType: galley.mediaType,
    size: galley.size,
    href: localPath(locale, galleyPath(record, galley)),
  }));
  const notices = record.notices.map(({ kind, texts, createdAt }) => ({
    kind,
    texts,
    publishedAt: createdAt,
  }));
  const newestHref = localPath(locale, publicPaths.article(slug, id));
  const jsonLd = scholarlyArticleJsonLd(citable, locale);
  return {
    journal: toJournalView(record.journal),
    article: {
      id,
      href: citable.newest
        ? newestHref
        : localPath(locale, publicPaths.version(slug, id, shown.version)),
      locale: own,
      dir: directionOf(own),
      titles: Object.fromEntries(languages.map((language) => [language.locale, language.title])),
      description: shorten(
        (languages.find((language) => language.locale === locale) ?? languages[0]).abstract.join(
          ' ',
        ),
      ),
      languages,
      translatedTitle:
        locale !== own ? (languages.find((language) => language.locale === locale) ?? null) : null,
      authors: citable.authors.map((author, index) => ({
        ...author,
        corresponding: shown.contributors[index]?.corresponding ?? false,
      })),
      section: record.section,
      issue: {
        identification: identifyIssueIn(record.issue, SUPPORTED_LOCALES),
        href: localPath(locale, publicPaths.issue(slug, record.issue.volume, record.issue.number)),
      },
      pages: citable.pages,
      doi: citable.doi,
      dates: {
        received: citable.dates.received,
        accepted: citable.dates.accepted,
        published: citable.dates.published,
        corrected: shown.version > 1 ? citable.dates.version : null,
      },
      licence: {
        ...licenceOf(citable.licence.url),
        holder: citable.licence.holder,
        year: citable.licence.year,
      },
      files,
      fullText: files.find((file) => file.kind === 'html')?.href ?? null,
      references: citable.references,
      version: shown.version,
      newest: citable.newest,
      newestHref,
      versions: record.versions.map((version) => ({
        version: version.version,
        publishedAt: version.publishedAt,
        note: version.versionNote,
        href:
          version.id === newest.id
            ? newestHref
            : localPath(locale, publicPaths.version(slug, id, version.version)),
        shown: version.id === shown.id,
        newest: version.id === newest.id,
      })),
      notices,
      retraction: notices.find((notice) => notice.kind === 'retraction') ?? null,
    },
    citations: citable.newest ? formatCitations(citable, locale) : [],
    citationFiles: citable.newest
      ? CITATION_FILES.map(({ extension, format }) => ({
          extension,
          format,
          href: localPath(locale, publicPaths.citation(slug, id, extension)),
        }))
      : [],
    head: {
      metas: scholarlyMetaTags(citable, locale),
      // The layout writes the canonical link (see canonicalPath).
      links: articleHeadLinks(citable, locale).filter((link) => link.rel !== 'canonical'),
      jsonLd: jsonLd ? jsonLdScript(jsonLd) : null,
    },
    canonicalPath: publicPaths.article(slug, id),
  };
}
