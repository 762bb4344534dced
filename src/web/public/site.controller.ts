import { Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import { AppConfig } from '../../config/app-config';
import { Public } from '../../editorial/public';
import { localPath, publicPaths } from '../../editorial/site-addresses';
import { switchTarget } from '../foundation/visitor-locale';
import { PageLocale, PreferredLocale, WebController } from '../foundation/web-controller.decorator';
import { page, redirectTo, type WebPage, type WebRedirect } from '../foundation/web-page';
import { PublicSite } from './public-site.service';

/** The installation's own pages: the way in, its home, and the language switcher. */
@Public()
@WebController()
export class SiteController {
  constructor(
    private readonly site: PublicSite,
    private readonly config: AppConfig,
  ) {}

  /** `/` → the visitor's language: their saved choice, else their browser's, else the default. */
  @Get()
  @Header('Cache-Control', 'private, no-store')
  @Header('Vary', 'Accept-Language, Cookie')
  root(@PreferredLocale() preferred: Locale | null): WebRedirect {
    return redirectTo(`/${preferred ?? this.config.DEFAULT_LOCALE}/`, 302);
  }

  /**
   * `/journals/{slug}/articles/{id}`: the article's address that DOI deposits, DOAJ and OAI-PMH
   * records and typeset PDFs gave before the site had pages. Kept for good: to the page, in the
   * visitor's language.
   */
  @Get('journals/:slug/articles/:id')
  @Header('Cache-Control', 'private, no-store')
  @Header('Vary', 'Accept-Language, Cookie')
  earlierArticleAddress(
    @Param('slug') slug: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @PreferredLocale() preferred: Locale | null,
  ): WebRedirect {
    return redirectTo(
      localPath(preferred ?? this.config.DEFAULT_LOCALE, publicPaths.article(slug, id)),
      301,
    );
  }

  /** `/{locale}/`: the journals of the installation. */
  @Get(':locale')
  async home(): Promise<WebPage> {
    return page('public/installation-home', await this.site.installation());
  }

  /**
   * `/{locale}/language?next=/j/…`: the switcher's link. Saves the choice (so `/` opens in it)
   * and opens the same page in that language.
   */
  @Get(':locale/language')
  @Header('Cache-Control', 'no-store')
  language(@PageLocale() locale: Locale, @Query('next') next?: string): WebRedirect {
    return redirectTo(switchTarget(locale, next), 303, locale);
  }
}
