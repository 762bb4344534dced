import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Locale } from '../../common/i18n/locale';
import { Public } from '../../editorial/public';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { JournalFeed } from './journal-feed.service';
import { publicDocument } from './public-document';

/** A journal's Atom feed in each language: `/{locale}/j/{slug}/feed.atom`. */
@Public()
@WebController(':locale/j/:slug')
export class JournalFeedController {
  constructor(private readonly feeds: JournalFeed) {}

  @Get('feed.atom')
  async feed(
    @Param('slug') slug: string,
    @PageLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return publicDocument(response, 'application/atom+xml', await this.feeds.atom(slug, locale));
  }
}
