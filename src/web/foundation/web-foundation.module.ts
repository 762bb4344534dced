import { Module } from '@nestjs/common';
import { AssetPipeline } from './assets';
import { CsrfGuard, CsrfTokens } from './csrf';
import { FrontPageCache } from './front-page-cache';
import { WebErrorPages } from './error-pages';
import { Messages } from './messages';
import { WebViews } from './views';
import { WebPageInterceptor } from './web-page.interceptor';

/**
 * What every web page stands on: the UI catalogs, the assets, the views and the page and error
 * renderers, each built once when the app starts. A module of pages imports it.
 */
@Module({
  providers: [
    { provide: Messages, useFactory: () => Messages.load() },
    { provide: AssetPipeline, useFactory: () => new AssetPipeline() },
    {
      provide: WebViews,
      inject: [Messages, AssetPipeline],
      useFactory: (messages: Messages, assets: AssetPipeline) => new WebViews(messages, assets),
    },
    WebPageInterceptor,
    WebErrorPages,
    CsrfTokens,
    CsrfGuard,
    { provide: FrontPageCache, useFactory: () => new FrontPageCache() },
  ],
  exports: [
    Messages,
    AssetPipeline,
    WebViews,
    WebPageInterceptor,
    WebErrorPages,
    CsrfTokens,
    CsrfGuard,
    FrontPageCache,
  ],
})
export class WebFoundationModule {}
