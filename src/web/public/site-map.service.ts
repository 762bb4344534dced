import { Injectable } from '@nestjs/common';
import { AnnouncementsService } from '../../announcements';
import { AppConfig } from '../../config/app-config';
import { JournalsLookup } from '../../journals';
import { publicPaths } from '../../editorial/site-addresses';
import { latest, PublishedArticles } from './published-articles';
import { type SitemapPage, sitemapXml } from './sitemap';

/**
 * Every public page of the installation, for `/sitemap.xml`: its home, and for each journal its
 * home, about, board, announcements and archive pages, each published issue and each published
 * article, with when each last changed by the published record (the journal's settings, a
 * publication, a correction, an announcement).
 */
@Injectable()
export class SiteMap {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly published: PublishedArticles,
    private readonly announcements: AnnouncementsService,
    private readonly config: AppConfig,
  ) {}

  async xml(part: number | undefined): Promise<string> {
    return sitemapXml(await this.pages(), this.config.PUBLIC_URL, part);
  }

  private async pages(): Promise<SitemapPage[]> {
    const journals = await Promise.all(
      (await this.journals.list()).map((journal) => this.journalPages(journal.slug)),
    );
    const home: SitemapPage = {
      path: '/',
      lastmod: latest(...journals.map((pages) => pages[0]?.lastmod)),
      defaultLocale: null,
    };
    return [home, ...journals.flat()];
  }

  /** A journal's pages, its home first. */
  private async journalPages(slug: string): Promise<SitemapPage[]> {
    const { journal, issues } = await this.published.archive(slug);
    const home = `/j/${encodeURIComponent(journal.slug)}`;
    const page = (path: string, lastmod: Date | null): SitemapPage => ({
      path,
      lastmod,
      defaultLocale: journal.primaryLocale,
    });
    const issuePages: SitemapPage[] = [];
    const articlePages: SitemapPage[] = [];
    for (const issue of issues) {
      const { articles } = await this.published.articlesOf(journal.slug, issue);
      for (const article of articles)
        articlePages.push(
          page(
            publicPaths.article(journal.slug, article.submissionId),
            latest(article.publishedAt, issue.publishedAt),
          ),
        );
      issuePages.push(
        page(
          publicPaths.issue(journal.slug, issue.volume, issue.number),
          latest(issue.publishedAt, ...articles.map((article) => article.publishedAt)),
        ),
      );
    }
    const newest = latest(...issuePages.map((issuePage) => issuePage.lastmod));
    const [announced] = (await this.announcements.listPublished(journal.id, { limit: 1 })).items;
    return [
      page(home, latest(journal.updatedAt, newest, announced?.publishedAt)),
      page(`${home}/about`, journal.updatedAt),
      // The board's members carry no date of change.
      page(`${home}/board`, null),
      page(
        publicPaths.announcements(journal.slug),
        announced ? latest(announced.publishedAt, announced.updatedAt) : null,
      ),
      page(publicPaths.archive(journal.slug), newest),
      ...issuePages,
      ...articlePages,
    ];
  }
}
