import {
  applyDecorators,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Locale } from '../../common/i18n/locale';
import { CsrfGuard } from './csrf';
import { preferredLocale } from './visitor-locale';
import { requirePageLocale, WebPageInterceptor } from './web-page.interceptor';

/**
 * A controller of web pages: outside the OpenAPI document, its WebPage answers rendered as HTML
 * (WebPageInterceptor), every form it receives checked for its CSRF token (CsrfGuard). Its
 * routes start with `:locale` (see web-routes.ts).
 */
export function WebController(prefix = ''): ClassDecorator {
  return applyDecorators(
    Controller(prefix),
    ApiExcludeController(),
    UseGuards(CsrfGuard),
    UseInterceptors(WebPageInterceptor),
  );
}

const http = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();

/** `@PageLocale() locale: Locale`: the language the address names (`/ar/…`); else 404. */
export const PageLocale = createParamDecorator((_: unknown, context: ExecutionContext): Locale =>
  requirePageLocale(http(context).params.locale),
);

/**
 * `@PreferredLocale() preferred: Locale | null`: the language the visitor chose before
 * (cookie), else the first their browser asks for that the site speaks; null if neither.
 */
export const PreferredLocale = createParamDecorator(
  (_: unknown, context: ExecutionContext): Locale | null => preferredLocale(http(context)),
);
