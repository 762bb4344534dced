import { Module } from '@nestjs/common';
import { AnnouncementsModule } from '../announcements';
import { PublishingModule } from '../publishing';
import { WebAccountModule } from './account/web-account.module';
import { WebAuthorModule } from './author/web-author.module';
import { WebFoundationModule } from './foundation/web-foundation.module';
import { WebReviewerModule } from './reviewer/web-reviewer.module';
import { WebSubmitModule } from './submit/web-submit.module';
import { AnnouncementPagesController } from './public/announcement-pages.controller';
import { AnnouncementPages } from './public/announcement-pages.service';
import { ArticlePagesController } from './public/article-pages.controller';
import { ArticlePages } from './public/article-pages.service';
import { CatalogueCache } from './public/catalogue-cache';
import { IssuePagesController } from './public/issue-pages.controller';
import { IssuePages } from './public/issue-pages.service';
import { JournalFeedController } from './public/journal-feed.controller';
import { JournalFeed } from './public/journal-feed.service';
import { JournalSearchController } from './public/journal-search.controller';
import { JournalSearchPages } from './public/journal-search.service';
import { JournalSiteController } from './public/journal-site.controller';
import { PublicSite } from './public/public-site.service';
import { PublishedArticles } from './public/published-articles';
import { SiteIndexingController } from './public/site-indexing.controller';
import { SiteMap } from './public/site-map.service';
import { SiteController } from './public/site.controller';

/**
 * The web interface: server-rendered pages from the API process (see src/web/README.md): the
 * installation's and each journal's public pages.
 */
@Module({
  imports: [
    WebFoundationModule,
    WebAccountModule,
    WebAuthorModule,
    WebSubmitModule,
    WebReviewerModule,
    PublishingModule,
    AnnouncementsModule,
  ],
  controllers: [
    // Before SiteController: /sitemap.xml would otherwise be taken for /:locale.
    SiteIndexingController,
    SiteController,
    JournalSiteController,
    JournalSearchController,
    JournalFeedController,
    AnnouncementPagesController,
    IssuePagesController,
    ArticlePagesController,
  ],
  providers: [
    PublicSite,
    JournalSearchPages,
    JournalFeed,
    AnnouncementPages,
    PublishedArticles,
    SiteMap,
    IssuePages,
    ArticlePages,
    CatalogueCache,
  ],
})
export class WebModule {}
