import { Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Locale } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import { Public } from '../../editorial/public';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, type WebPage } from '../foundation/web-page';
import { AnnouncementPages } from './announcement-pages.service';
import { publicDocument } from './public-document';

/** The list's one query parameter, `cursor`, once; anything else is a 400. */
function cursorOf(query: Record<string, unknown>): string | undefined {
  const unknown = Object.keys(query).filter((name) => name !== 'cursor');
  if (unknown.length)
    throw httpProblems.raise('bad-request', `Unknown query parameter: ${unknown.join(', ')}`);
  if (query.cursor !== undefined && typeof query.cursor !== 'string')
    throw httpProblems.raise('invalid-cursor', 'Give one cursor');
  return query.cursor;
}

/** A journal's announcements: `/{locale}/j/{slug}/announcements`, each one's page, the feed. */
@Public()
@WebController(':locale/j/:slug/announcements')
export class AnnouncementPagesController {
  constructor(private readonly pages: AnnouncementPages) {}

  @Get()
  async list(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
  ): Promise<WebPage> {
    const cursor = cursorOf(query);
    const view = await this.pages.list(slug, cursor);
    // Later pages are reached by following the list, not indexed on their own.
    return page('public/journal-announcements', view, {
      defaultLocale: view.journal.primaryLocale,
      noindex: cursor !== undefined,
    });
  }

  @Get('feed.atom')
  async feed(
    @Param('slug') slug: string,
    @PageLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return publicDocument(response, 'application/atom+xml', await this.pages.atom(slug, locale));
  }

  @Get(':announcementId')
  async one(@Param('slug') slug: string, @Param('announcementId') id: string): Promise<WebPage> {
    const view = await this.pages.one(slug, id);
    return page('public/announcement', view, { defaultLocale: view.journal.primaryLocale });
  }
}
