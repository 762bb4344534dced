import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileDownload, type FileDownload } from '../../common/http/files';
import { directionOf, type Locale, type LocalizedText } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import { AppConfig } from '../../config/app-config';
import { JournalsLookup } from '../../journals';
import {
  citationDownload,
  type PublicArticle,
  PublicCatalogue,
  toCitableArticle,
  warmCitationStyles,
} from '../../publishing';
import {
  type ArticleAuthorView,
  articleAddresses,
  type ArticlePageView,
  CITATION_FILES,
  toArticlePage,
} from './article-view';
import { CatalogueCache, type CatalogueScope } from './catalogue-cache';
import { embedGalley, type EmbeddedGalley } from './galley-html';
import { localPath, publicPaths } from '../../editorial/site-addresses';
import { type JournalView, toJournalView } from './public-site.service';

/** What a page controller gets: the page's data, and the key it may be kept under (if any). */
export interface CachedPage<T> {
  view: T;
  cacheKey: string | null;
}

/** The HTML galley of a version, shown in the site's frame. */
export interface FullTextView {
  journal: JournalView;
  article: {
    titles: LocalizedText;
    locale: Locale;
    authors: ArticleAuthorView['names'][];
    /** The page of the version whose full text this is. */
    href: string;
    version: number;
    newest: boolean;
    newestHref: string;
    pdf: string | null;
    retracted: boolean;
  };
  galley: EmbeddedGalley;
  canonicalPath: string;
}

/** Citation files are small text: a reference manager may keep them as long as the page. */
const CITATION_CACHE_CONTROL = 'public, max-age=300';
/** An HTML galley larger than this (images inline) is offered as a download, not embedded. */
const EMBED_LIMIT = 20 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = (detail: string) => httpProblems.raise('not-found', detail);

/** An id from the address, checked before it reaches a query (PostgreSQL refuses a bad uuid). */
export function requireId(value: string, what: string): string {
  if (!UUID.test(value)) throw notFound(`There is no such ${what}`);
  return value.toLowerCase();
}

/** A version number from the address: 1 to 9999. */
export function requireVersion(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) throw notFound('There is no such version');
  return Number(value);
}

async function readText(content: Readable, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      content.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * An article's public pages, from the public catalogue through the catalogue cache: its page
 * (the newest version, or an older one), its HTML galley in the site's frame, its files and
 * its citation files. An unknown journal, article, version or file is a 404.
 */
@Injectable()
export class ArticlePages implements OnApplicationBootstrap {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly catalogue: PublicCatalogue,
    private readonly cache: CatalogueCache,
    private readonly config: AppConfig,
  ) {}

  /**
   * citeproc compiles each citation style once per language, in seconds of CPU: a production
   * server pays it while starting, not on its first readers' visits (elsewhere the cache keeps
   * each article's citations once made).
   */
  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'production') warmCitationStyles();
  }

  /** The article's page in `locale`: its newest version, or `version`. */
  async page(
    slug: string,
    id: string,
    locale: Locale,
    version?: number,
  ): Promise<CachedPage<ArticlePageView>> {
    const { scope, record } = await this.record(slug, id);
    const key = `article:${record.versions[0].submissionId}:${version ?? 'newest'}:${locale}`;
    const view = await scope.get(key, async () =>
      toArticlePage(record, { locale, version, publicUrl: this.config.PUBLIC_URL }),
    );
    return { view, cacheKey: scope.keyOf(key) };
  }

  /** A version's HTML galley, rebuilt for the site's page; 404 when it has none. */
  async fullText(
    slug: string,
    id: string,
    locale: Locale,
    version?: number,
  ): Promise<CachedPage<FullTextView>> {
    const { scope, record } = await this.record(slug, id);
    const [newest] = record.versions;
    const shown = version
      ? record.versions.find((candidate) => candidate.version === version)
      : newest;
    if (!shown) throw notFound('There is no such published version');
    const galleys = record.galleys.filter((galley) => galley.publicationId === shown.id);
    const html = galleys
      .filter((galley) => ['text/html', 'application/xhtml+xml'].includes(galley.mediaType))
      .sort((a, b) => Number(b.locale === shown.locale) - Number(a.locale === shown.locale))[0];
    if (!html) throw notFound('This version has no full text in HTML');
    const key = `full-text:${shown.id}:${locale}`;
    const view = await scope.get(key, async () => {
      const galley = await scope.get(`galley:${html.id}`, async () => {
        const source = await readText(
          (await this.catalogue.galley(slug, html.id)).content,
          EMBED_LIMIT,
        );
        return source === null ? null : embedGalley(source);
      });
      if (!galley) throw notFound('This full text is offered as a download only');
      const pdf = galleys.find((candidate) => candidate.mediaType === 'application/pdf');
      const articleId = newest.submissionId;
      const isNewest = shown.id === newest.id;
      return {
        journal: toJournalView(record.journal),
        article: {
          titles: Object.fromEntries(
            Object.entries(shown.metadata)
              .filter(([, metadata]) => metadata?.title)
              .map(([language, metadata]) => [language, metadata!.title]),
          ) as LocalizedText,
          locale: shown.locale,
          authors: shown.contributors.map((contributor) => contributor.names),
          href: localPath(
            locale,
            isNewest
              ? publicPaths.article(slug, articleId)
              : publicPaths.version(slug, articleId, shown.version),
          ),
          version: shown.version,
          newest: isNewest,
          newestHref: localPath(locale, publicPaths.article(slug, articleId)),
          pdf: pdf ? localPath(locale, publicPaths.articleGalley(slug, articleId, pdf)) : null,
          retracted: record.notices.some((notice) => notice.kind === 'retraction'),
        },
        galley: {
          ...galley,
          lang: galley.lang ?? shown.locale,
          dir: galley.dir ?? directionOf(shown.locale),
        },
        canonicalPath: publicPaths.fullText(slug, articleId),
      };
    });
    return { view, cacheKey: scope.keyOf(key) };
  }

  /** A published file of the article, at its address under the article's page. */
  async galley(
    slug: string,
    id: string,
    galleyId: string,
    fileName: string,
  ): Promise<FileDownload> {
    const { record } = await this.record(slug, id);
    const galley = record.galleys.find(
      (candidate) => candidate.id === galleyId.toLowerCase() && candidate.originalName === fileName,
    );
    if (!galley) throw notFound('The article has no such published file');
    return this.catalogue.galley(slug, galley.id);
  }

  /** The newest version as a citation file (BibTeX, RIS, CSL-JSON), cited in `locale`. */
  async citation(
    slug: string,
    id: string,
    extension: string,
    locale: Locale,
  ): Promise<FileDownload> {
    const file = CITATION_FILES.find((candidate) => candidate.extension === extension);
    if (!file) throw notFound('There is no such citation format');
    const { scope, record } = await this.record(slug, id);
    const key = `cite:${record.versions[0].submissionId}:${extension}:${locale}`;
    const download = await scope.get(key, async () =>
      citationDownload(
        toCitableArticle(record, articleAddresses(record, this.config.PUBLIC_URL)),
        file.format,
        locale,
      ),
    );
    const content = Buffer.from(download.content, 'utf8');
    return fileDownload(
      Readable.from([content]),
      { mediaType: `${download.mediaType}; charset=utf-8`, fileName: download.fileName },
      {
        cacheControl: CITATION_CACHE_CONTROL,
        etag: `"${createHash('sha1').update(content).digest('base64url')}"`,
      },
    );
  }

  /** The journal's cache scope and the article's public record, read through it. */
  private async record(
    slug: string,
    id: string,
  ): Promise<{ scope: CatalogueScope; record: PublicArticle }> {
    const articleId = requireId(id, 'article');
    const journal = await this.cache.journal(slug, () => this.journals.bySlug(slug));
    const scope = this.cache.scope(journal);
    const record = await scope.get(`record:${articleId}`, () =>
      this.catalogue.article(journal.slug, articleId),
    );
    return { scope, record };
  }
}
