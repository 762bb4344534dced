import { Injectable } from '@nestjs/common';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { FileDownload } from '../../common/http/files';
import { httpProblems } from '../../common/problems/http.problems';
import type { PersonNames } from '../../editorial/people';
import { JournalsLookup } from '../../journals';
import { identifyIssueIn, type Issue, PublicCatalogue, type PublicIssue } from '../../publishing';
import type { CachedPage } from './article-pages.service';
import { CatalogueCache, type CatalogueScope } from './catalogue-cache';
import { localPath, publicPaths } from '../../editorial/site-addresses';
import { type JournalView, toJournalView } from './public-site.service';

type Galley = PublicIssue['galleys'][number];

/** A published file, linked under its article's or issue's page. */
export interface FileLinkView {
  label: string;
  locale: Locale;
  mediaType: string;
  href: string;
}

/** An issue as the archive lists it. */
export interface IssueCardView {
  volume: number;
  number: number;
  year: number;
  identification: LocalizedText;
  titles: LocalizedText;
  publishedAt: Date | null;
  special: boolean;
  current: boolean;
  coverUrl: string | null;
  href: string;
}

/** An article in an issue's contents. */
export interface ContentsArticleView {
  href: string;
  locale: Locale;
  titles: LocalizedText;
  authors: PersonNames[];
  firstPage: number | null;
  lastPage: number | null;
  articleNumber: string | null;
  doi: string | null;
  retracted: boolean;
  files: FileLinkView[];
}

export interface ArchiveView {
  journal: JournalView;
  /** Newest volume first, each with its issues newest first. */
  volumes: { volume: number; issues: IssueCardView[] }[];
}

export interface IssuePageView {
  journal: JournalView;
  issue: IssueCardView & {
    descriptions: LocalizedText;
    guestEditors: { names: LocalizedText; affiliation: string | null }[];
    sections: { titles: LocalizedText; articles: ContentsArticleView[] }[];
    files: FileLinkView[];
  };
  archiveHref: string;
}

/** A volume or issue number from the address: digits only, as PostgreSQL's int holds them. */
function requireNumber(value: string): number {
  const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(number >= 0 && number <= 2_147_483_647))
    throw httpProblems.raise('not-found', 'There is no such issue');
  return number;
}

function toIssueCard(slug: string, issue: Issue, locale: Locale): IssueCardView {
  return {
    volume: issue.volume,
    number: issue.number,
    year: issue.year,
    identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
    titles: issue.titles,
    publishedAt: issue.publishedAt,
    special: issue.special,
    current: issue.isCurrent,
    coverUrl: issue.coverImageKey
      ? `/api/public/journals/${encodeURIComponent(slug)}/issues/${issue.id}/cover`
      : null,
    href: localPath(locale, publicPaths.issue(slug, issue.volume, issue.number)),
  };
}

function toIssuePage(record: PublicIssue, locale: Locale): IssuePageView {
  const { journal, issue } = record;
  const slug = journal.slug;
  const link = (galley: Galley, path: string): FileLinkView => ({
    label: galley.label,
    locale: galley.locale,
    mediaType: galley.mediaType,
    href: localPath(locale, path),
  });
  return {
    journal: toJournalView(journal),
    issue: {
      ...toIssueCard(slug, issue, locale),
      descriptions: issue.descriptions,
      guestEditors: issue.guestEditors.map((editor) => ({
        names: editor.names,
        affiliation: editor.affiliation ?? null,
      })),
      sections: record.toc.map(({ section, articles }) => ({
        titles: section.titles,
        articles: articles.map((article) => ({
          href: localPath(locale, publicPaths.article(slug, article.submissionId)),
          locale: article.locale,
          titles: Object.fromEntries(
            Object.entries(article.metadata)
              .filter(([, metadata]) => metadata?.title)
              .map(([language, metadata]) => [language, metadata!.title]),
          ) as LocalizedText,
          authors: article.contributors.map((contributor) => contributor.names),
          firstPage: article.firstPage,
          lastPage: article.lastPage,
          articleNumber: article.articleNumber,
          doi: article.doi,
          retracted: record.retracted.has(article.submissionId),
          // The HTML galley opens in the site's frame, on the article's full-text page.
          files: article.galleys.map((galley) =>
            link(
              galley,
              ['text/html', 'application/xhtml+xml'].includes(galley.mediaType)
                ? publicPaths.fullText(slug, article.submissionId)
                : publicPaths.articleGalley(slug, article.submissionId, galley),
            ),
          ),
        })),
      })),
      files: record.galleys.map((galley) =>
        link(galley, publicPaths.issueGalley(slug, issue.volume, issue.number, galley)),
      ),
    },
    archiveHref: localPath(locale, publicPaths.archive(slug)),
  };
}

/**
 * A journal's archive and issue pages, from the public catalogue through the catalogue cache:
 * published issues only. An unknown journal or issue, or a volume that is not a number, is a
 * 404.
 */
@Injectable()
export class IssuePages {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly catalogue: PublicCatalogue,
    private readonly cache: CatalogueCache,
  ) {}

  /** The published issues by volume, newest first, the current one marked. */
  async archive(slug: string, locale: Locale): Promise<CachedPage<ArchiveView>> {
    const scope = await this.scope(slug);
    const key = `archive:${locale}`;
    const view = await scope.get(key, async () => {
      const { journal, issues } = await this.issues(scope, slug);
      const volumes = new Map<number, IssueCardView[]>();
      for (const issue of issues)
        volumes.set(issue.volume, [
          ...(volumes.get(issue.volume) ?? []),
          toIssueCard(journal.slug, issue, locale),
        ]);
      return {
        journal: toJournalView(journal),
        volumes: [...volumes.entries()]
          .sort(([a], [b]) => b - a)
          .map(([volume, cards]) => ({ volume, issues: cards })),
      };
    });
    return { view, cacheKey: scope.keyOf(key) };
  }

  /** A published issue by its volume and number: its contents by section and its files. */
  async issue(
    slug: string,
    volume: string,
    number: string,
    locale: Locale,
  ): Promise<CachedPage<IssuePageView>> {
    const scope = await this.scope(slug);
    const record = await this.record(scope, slug, volume, number);
    const key = `issue:${record.issue.id}:${locale}`;
    const view = await scope.get(key, async () => toIssuePage(record, locale));
    return { view, cacheKey: scope.keyOf(key) };
  }

  /** A file of the issue itself (the whole issue's PDF), at its address under the issue's page. */
  async galley(
    slug: string,
    volume: string,
    number: string,
    galleyId: string,
    fileName: string,
  ): Promise<FileDownload> {
    const scope = await this.scope(slug);
    const record = await this.record(scope, slug, volume, number);
    const galley = record.galleys.find(
      (candidate) => candidate.id === galleyId.toLowerCase() && candidate.originalName === fileName,
    );
    if (!galley) throw httpProblems.raise('not-found', 'The issue has no such published file');
    return this.catalogue.galley(slug, galley.id);
  }

  private async scope(slug: string): Promise<CatalogueScope> {
    return this.cache.scope(await this.cache.journal(slug, () => this.journals.bySlug(slug)));
  }

  private issues(scope: CatalogueScope, slug: string) {
    return scope.get('issues', () => this.catalogue.archive(slug));
  }

  private async record(
    scope: CatalogueScope,
    slug: string,
    volume: string,
    number: string,
  ): Promise<PublicIssue> {
    const [wantedVolume, wantedNumber] = [requireNumber(volume), requireNumber(number)];
    const { issues } = await this.issues(scope, slug);
    const issue = issues.find(
      (candidate) => candidate.volume === wantedVolume && candidate.number === wantedNumber,
    );
    if (!issue) throw httpProblems.raise('not-found', 'There is no such published issue');
    return scope.get(`issue:${issue.id}`, () => this.catalogue.issue(slug, issue.id));
  }
}
