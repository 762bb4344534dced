import { Get, Param } from '@nestjs/common';
import type { FileDownload } from '../../common/http/files';
import type { Locale } from '../../common/i18n/locale';
import { Public } from '../../editorial/public';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, type WebPage } from '../foundation/web-page';
import { ArticlePages, requireVersion } from './article-pages.service';

/**
 * An article's pages and files: `/{locale}/j/{slug}/articles/{id}` (the newest version),
 * `…/v/{n}` (an older one), `…/html` (the full text in the site's frame), `…/galleys/…` (its
 * files, under its page as Google Scholar wants) and `…/cite.bib|ris|json`.
 */
@Public()
@WebController(':locale/j/:slug/articles/:id')
export class ArticlePagesController {
  constructor(private readonly articles: ArticlePages) {}

  @Get()
  async article(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @PageLocale() locale: Locale,
  ): Promise<WebPage> {
    const { view, cacheKey } = await this.articles.page(slug, id, locale);
    return page('public/article', view, {
      defaultLocale: view.journal.primaryLocale,
      canonicalPath: view.canonicalPath,
      cacheKey: cacheKey ?? undefined,
    });
  }

  @Get('v/:version')
  async version(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Param('version') version: string,
    @PageLocale() locale: Locale,
  ): Promise<WebPage> {
    const { view, cacheKey } = await this.articles.page(slug, id, locale, requireVersion(version));
    return page('public/article', view, {
      defaultLocale: view.journal.primaryLocale,
      canonicalPath: view.canonicalPath,
      cacheKey: cacheKey ?? undefined,
    });
  }

  @Get('html')
  async fullText(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @PageLocale() locale: Locale,
  ): Promise<WebPage> {
    const { view, cacheKey } = await this.articles.fullText(slug, id, locale);
    return page('public/article-full-text', view, {
      defaultLocale: view.journal.primaryLocale,
      canonicalPath: view.canonicalPath,
      cacheKey: cacheKey ?? undefined,
    });
  }

  @Get('v/:version/html')
  async versionFullText(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Param('version') version: string,
    @PageLocale() locale: Locale,
  ): Promise<WebPage> {
    const { view, cacheKey } = await this.articles.fullText(
      slug,
      id,
      locale,
      requireVersion(version),
    );
    return page('public/article-full-text', view, {
      defaultLocale: view.journal.primaryLocale,
      canonicalPath: view.canonicalPath,
      cacheKey: cacheKey ?? undefined,
    });
  }

  /** A published file of the article (PDF, JATS…), cacheable for good. */
  @Get('galleys/:galleyId/:fileName')
  galley(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Param('galleyId') galleyId: string,
    @Param('fileName') fileName: string,
  ): Promise<FileDownload> {
    return this.articles.galley(slug, id, galleyId, fileName);
  }

  /** "Cite this article" as a file: `cite.bib` (BibTeX), `cite.ris`, `cite.json` (CSL-JSON). */
  @Get('cite.:extension')
  citation(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Param('extension') extension: string,
    @PageLocale() locale: Locale,
  ): Promise<FileDownload> {
    return this.articles.citation(slug, id, extension, locale);
  }
}
