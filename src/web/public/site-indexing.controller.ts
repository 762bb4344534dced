import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { Public } from '../../editorial/public';
import { WebController } from '../foundation/web-controller.decorator';
import { publicDocument } from './public-document';
import { SiteMap } from './site-map.service';
import { robotsTxt, sitemapPartOf } from './sitemap';

/** What crawlers read at the site's root: `/sitemap.xml` and `/robots.txt` (see web-routes.ts). */
@Public()
@WebController()
export class SiteIndexingController {
  constructor(
    private readonly sitemap: SiteMap,
    private readonly config: AppConfig,
  ) {}

  @Get('sitemap.xml')
  async sitemapXml(
    @Query('part') part: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const xml = await this.sitemap.xml(sitemapPartOf(part));
    return publicDocument(response, 'application/xml', xml);
  }

  @Get('robots.txt')
  robots(@Res({ passthrough: true }) response: Response): string {
    return publicDocument(response, 'text/plain', robotsTxt(this.config.PUBLIC_URL));
  }
}
