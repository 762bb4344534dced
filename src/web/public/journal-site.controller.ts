import { Get, Param } from '@nestjs/common';
import { Public } from '../../editorial/public';
import { WebController } from '../foundation/web-controller.decorator';
import { page, type WebPage } from '../foundation/web-page';
import { PublicSite } from './public-site.service';

/** A journal's public site: `/{locale}/j/{slug}` and its pages. */
@Public()
@WebController(':locale/j/:slug')
export class JournalSiteController {
  constructor(private readonly site: PublicSite) {}

  @Get()
  async home(@Param('slug') slug: string): Promise<WebPage> {
    const view = await this.site.journalHome(slug);
    return page('public/journal-home', view, { defaultLocale: view.journal.primaryLocale });
  }

  @Get('about')
  async about(@Param('slug') slug: string): Promise<WebPage> {
    const view = await this.site.journalAbout(slug);
    return page('public/journal-about', view, { defaultLocale: view.journal.primaryLocale });
  }

  @Get('board')
  async board(@Param('slug') slug: string): Promise<WebPage> {
    const view = await this.site.journalBoard(slug);
    return page('public/journal-board', view, { defaultLocale: view.journal.primaryLocale });
  }
}
