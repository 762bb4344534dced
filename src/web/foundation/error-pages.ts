import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { ProblemDocument } from '../../common/http/problem-details.filter';
import { problemOfType } from '../../common/problems/problem-registry';
import type { Locale } from '../../common/i18n/locale';
import { AppConfig } from '../../config/app-config';
import { intlLocale } from './intl';
import { localeInPath, pathAfterLocale, visitorLocale } from './visitor-locale';
import { pageShell, signInAddress } from './web-page';
import { WebViews } from './views';

/** The statuses that have words of their own on the error page (others get the generic ones). */
export const ERROR_PAGE_STATUSES = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503] as const;

/** Paths that always answer problem+json: the API, the health checks, the assets. */
const MACHINE_PATHS = /^\/(api|health|assets)(\/|$)/;

/**
 * A browser asking for a page (its Accept prefers HTML) outside the API: it gets an HTML error
 * page. Programs (no Accept, or JSON first) and everything under /api keep problem+json.
 */
export function wantsHtml(request: Request): boolean {
  if (MACHINE_PATHS.test(request.path)) return false;
  return (
    request.accepts(['application/problem+json', 'application/json', 'text/html']) === 'text/html'
  );
}

/**
 * Error pages for browsers, in the visitor's language (the address's, else their choice, else
 * their browser's): the problem registry's title for its type, what the status means, and the
 * correlation id to quote. `render` is handed to the problem filter.
 */
@Injectable()
export class WebErrorPages {
  private readonly logger = new Logger('WebErrorPages');

  constructor(
    private readonly views: WebViews,
    private readonly config: AppConfig,
  ) {}

  /**
   * The page for a problem, or null: not a browser's page request (or the page failed). A
   * signed-out visitor opening a page that needs an account is sent to sign in, and back after.
   */
  readonly render = (
    problem: ProblemDocument,
    request: Request,
  ): string | { redirect: string } | null => {
    if (!wantsHtml(request)) return null;
    const locale = visitorLocale(request, this.config.DEFAULT_LOCALE);
    const path = localeInPath(request.path) ? pathAfterLocale(request.originalUrl) : '/';
    if (problem.status === 401 && (request.method === 'GET' || request.method === 'HEAD'))
      return { redirect: signInAddress(locale, path) };
    return this.page(problem, { locale, path, signedIn: request.principal?.kind === 'user' });
  };

  /**
   * The page for a problem where no express request exists (an HTTP parser error, before any
   * middleware ran): the language from the address, never a signed-in visitor.
   */
  page(
    problem: ProblemDocument,
    visit: { locale: Locale; path: string; signedIn: boolean },
  ): string | null {
    try {
      const { locale } = visit;
      const known = (ERROR_PAGE_STATUSES as readonly number[]).includes(problem.status)
        ? String(problem.status)
        : problem.status >= 500
          ? 'server'
          : 'client';
      const shell = pageShell({
        locale,
        path: visit.path,
        publicUrl: this.config.PUBLIC_URL,
        signedIn: visit.signedIn,
        defaultLocale: this.config.DEFAULT_LOCALE,
        noindex: true,
        correlationId: problem.correlationId,
      });
      return this.views.render(
        'errors/error',
        {
          ...shell,
          error: {
            status: problem.status,
            // The registered type's own title; the status's words when it has none (a 500).
            title: problemOfType(problem.type)?.title[locale] ?? null,
            titleKey: `error.${known}.title`,
            leadKey: `error.${known}.lead`,
          },
        },
        { locale, digits: 'latn', intl: intlLocale(locale) },
      );
    } catch (error) {
      this.logger.error({ err: error }, 'the error page could not be rendered');
      return null;
    }
  }
}
