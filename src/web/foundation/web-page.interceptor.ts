import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  type StreamableFile,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { isLocale, type Locale } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import { AppConfig } from '../../config/app-config';
import { CsrfTokens } from './csrf';
import { FrontPageCache } from './front-page-cache';
import { intlLocale } from './intl';
import { RenderedPage, RenderedPages, sendPage } from './page-responses';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_MS, pathAfterLocale } from './visitor-locale';
import { isWebPage, isWebRedirect, pageShell, type WebPage } from './web-page';
import { WebViews } from './views';

/** How long shared caches may keep a public page for visitors who are not signed in. */
export const PUBLIC_PAGE_CACHE = 'public, max-age=300';
export const PRIVATE_PAGE_CACHE = 'private, no-cache';
/** A one-time message for the next page (a catalog key), set by a redirect after a form. */
export const FLASH_COOKIE = 'tahkim_flash';
const FLASH_KEY = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** A page address whose first segment is not a language the site speaks: 404. */
export function requirePageLocale(value: unknown): Locale {
  if (isLocale(value)) return value;
  throw httpProblems.raise('not-found', 'There is no page at this address');
}

/**
 * The edge of every web page (applied by @WebController): refuses an address in a language the
 * site does not speak, then turns the controller's WebPage into HTML in its layout, with the
 * page's language, its addresses in the other languages and the caching it allows, and carries
 * out a WebRedirect (saving a chosen language). The HTML goes out compressed, with an ETag
 * and a 304 when the visitor's copy is current (page-responses.ts); a page whose controller
 * gave a cacheKey is rendered once for visitors who are not signed in.
 */
@Injectable()
export class WebPageInterceptor implements NestInterceptor {
  private readonly rendered = new RenderedPages();

  constructor(
    private readonly views: WebViews,
    private readonly config: AppConfig,
    private readonly csrf: CsrfTokens,
    private readonly front: FrontPageCache,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const named = request.params?.locale;
    const locale = named === undefined ? null : requirePageLocale(named);
    return next.handle().pipe(
      map((value: unknown) => {
        if (isWebRedirect(value)) {
          const cookie = {
            httpOnly: true,
            sameSite: 'lax' as const,
            secure: this.config.PUBLIC_URL.startsWith('https:'),
            path: '/',
          };
          if (value.rememberLocale)
            response.cookie(LOCALE_COOKIE, value.rememberLocale, {
              ...cookie,
              maxAge: LOCALE_COOKIE_MAX_AGE_MS,
            });
          if (value.flash)
            response.cookie(FLASH_COOKIE, value.flash, { ...cookie, maxAge: 60_000 });
          // Nest set the route's status before the handler ran; this answer is a redirect.
          response.status(value.statusCode);
          response.setHeader('Location', value.url);
          // A route may say more (`@Header('Cache-Control', 'private, no-store')`).
          if (!response.hasHeader('Cache-Control')) response.setHeader('Cache-Control', 'no-store');
          return '';
        }
        if (!isWebPage(value)) return value;
        if (!locale) throw new Error(`the web page ${value.view} needs a :locale in its route`);
        return this.render(value, locale, request, response);
      }),
    );
  }

  private render(
    page: WebPage,
    locale: Locale,
    request: Request,
    response: Response,
  ): string | StreamableFile {
    const signedIn = request.principal?.kind === 'user';
    // A page that says a message left for this visitor is theirs alone too.
    const personal =
      signedIn ||
      page.options.cache === 'private' ||
      (request.cookies as Record<string, string> | undefined)?.[FLASH_COOKIE] !== undefined;
    const digits = page.options.digits ?? 'latn';
    const path = pathAfterLocale(request.originalUrl);
    const { cacheKey, defaultLocale, noindex, canonicalPath } = page.options;
    // Everything else the HTML depends on is the same for every visitor. An address with a
    // query is rendered afresh: made-up queries cannot push the pages readers ask for out.
    const key =
      cacheKey && !personal && !path.includes('?')
        ? JSON.stringify([
            page.view,
            cacheKey,
            locale,
            digits,
            path,
            defaultLocale,
            noindex,
            canonicalPath,
          ])
        : null;
    let rendered = key ? this.rendered.get(key) : undefined;
    if (!rendered) {
      // Only a page for this visitor alone carries their form token and their message.
      const flash = personal ? this.takeFlash(request, response) : undefined;
      const shell = pageShell({
        csrf: personal ? this.csrf.tokenFor(request, response) : undefined,
        flash,
        locale,
        path,
        publicUrl: this.config.PUBLIC_URL,
        signedIn,
        defaultLocale: defaultLocale ?? this.config.DEFAULT_LOCALE,
        noindex,
        canonicalPath,
      });
      rendered = new RenderedPage(
        this.views.render(
          page.view,
          { ...shell, ...page.data },
          { locale, digits, intl: intlLocale(locale, digits) },
        ),
      );
      if (key) this.rendered.set(key, rendered);
    }
    // Kept by address too, for the next signed-out visitor before any routing (front-page-cache).
    if (key && cacheKey)
      this.front.remember(request.originalUrl, cacheKey.split('|')[0], rendered, locale);
    if (page.options.status) response.status(page.options.status);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Language', locale);
    response.setHeader('Cache-Control', personal ? PRIVATE_PAGE_CACHE : PUBLIC_PAGE_CACHE);
    return sendPage(rendered, request, response);
  }

  /** The message a redirect left for this page, said once: the cookie goes with this answer. */
  private takeFlash(request: Request, response: Response): string | undefined {
    const value = (request.cookies as Record<string, string> | undefined)?.[FLASH_COOKIE];
    if (value === undefined) return undefined;
    response.clearCookie(FLASH_COOKIE, { path: '/' });
    return FLASH_KEY.test(value) ? value : undefined;
  }
}
