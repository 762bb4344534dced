import { Get, Param } from '@nestjs/common';
import type { FileDownload } from '../../common/http/files';
import type { Locale } from '../../common/i18n/locale';
import { Public } from '../../editorial/public';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, type WebPage } from '../foundation/web-page';
import { IssuePages } from './issue-pages.service';

/** A journal's archive and issue pages: `/{locale}/j/{slug}/issues…`. */
@Public()
@WebController(':locale/j/:slug/issues')
export class IssuePagesController {
  constructor(private readonly issues: IssuePages) {}

  @Get()
  async archive(@Param('slug') slug: string, @PageLocale() locale: Locale): Promise<WebPage> {
    const { view, cacheKey } = await this.issues.archive(slug, locale);
    return page('public/journal-archive', view, {
      defaultLocale: view.journal.primaryLocale,
      cacheKey: cacheKey ?? undefined,
    });
  }

  @Get(':volume/:number')
  async issue(
    @Param('slug') slug: string,
    @Param('volume') volume: string,
    @Param('number') number: string,
    @PageLocale() locale: Locale,
  ): Promise<WebPage> {
    const { view, cacheKey } = await this.issues.issue(slug, volume, number, locale);
    return page('public/issue', view, {
      defaultLocale: view.journal.primaryLocale,
      cacheKey: cacheKey ?? undefined,
    });
  }

  /** The issue's own files (the whole issue as one PDF), cacheable for good. */
  @Get(':volume/:number/galleys/:galleyId/:fileName')
  galley(
    @Param('slug') slug: string,
    @Param('volume') volume: string,
    @Param('number') number: string,
    @Param('galleyId') galleyId: string,
    @Param('fileName') fileName: string,
  ): Promise<FileDownload> {
    return this.issues.galley(slug, volume, number, galleyId, fileName);
  }
}
