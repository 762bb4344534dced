import { Get, Param, Query } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import { Public } from '../../editorial/public';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, type WebPage } from '../foundation/web-page';
import { JournalSearchPages } from './journal-search.service';

/** A journal's search page: `/{locale}/j/{slug}/search?q=…&section=…&year=…&language=…&page=…`. */
@Public()
@WebController(':locale/j/:slug')
export class JournalSearchController {
  constructor(private readonly pages: JournalSearchPages) {}

  /** The form, and the results once something is asked; never indexed (robots.txt says so too). */
  @Get('search')
  async search(
    @Param('slug') slug: string,
    @PageLocale() locale: Locale,
    @Query() query: Record<string, unknown>,
  ): Promise<WebPage> {
    const view = await this.pages.page(slug, locale, query);
    return page('public/search', view, {
      defaultLocale: view.journal.primaryLocale,
      noindex: true,
    });
  }
}
