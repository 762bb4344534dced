import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { webProblems } from './web.problems';

/** The hidden field every form of the site carries, and the header htmx and scripts send. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * A signed-out visitor's random token, what a form they fill (sign in, register) is tied to
 * until they have a session. HttpOnly: a page's script never needs it, only the form's field.
 */
export const VISITOR_COOKIE = 'tahkim_visitor';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchronizer tokens against cross-site request forgery (design: ../shared/design/web.md,
 * Forms). A form's token is an HMAC, under APP_SECRET, of what the server knows the visitor by:
 * their session once signed in, else the random visitor cookie. A forged form from another site
 * cannot know it; a token stolen from a signed-out form is worthless once the visitor signs in
 * (the session changes), and signing out ends the session's tokens with it. Nothing is stored.
 * This comes beside the Origin check of cookie-authenticated writes (AuthenticationGuard).
 */
@Injectable()
export class CsrfTokens {
  private readonly secret: Buffer;
  private readonly secure: boolean;

  constructor(config: AppConfig) {
    this.secret = createHmac('sha256', config.APP_SECRET).update('tahkim web forms').digest();
    this.secure = config.PUBLIC_URL.startsWith('https:');
  }

  /** The token for a form on the page answering `request`; gives a visitor their cookie first. */
  tokenFor(request: Request, response: Response): string {
    const session = sessionOf(request);
    if (session) return this.sign(`session:${session}`);
    let visitor = visitorOf(request);
    if (!visitor) {
      visitor = randomBytes(24).toString('base64url');
      response.cookie(VISITOR_COOKIE, visitor, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.secure,
        path: '/',
      });
      // A later form on this request (none today) reads the same value.
      (request.cookies as Record<string, string>)[VISITOR_COOKIE] = visitor;
    }
    return this.sign(`visitor:${visitor}`);
  }

  /** Whether a state-changing request carries the token of the visitor who sends it. */
  verify(request: Request): boolean {
    const given = tokenGiven(request);
    if (!given) return false;
    const session = sessionOf(request);
    const visitor = visitorOf(request);
    const expected = session
      ? this.sign(`session:${session}`)
      : visitor
        ? this.sign(`visitor:${visitor}`)
        : null;
    if (!expected) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private sign(subject: string): string {
    return createHmac('sha256', this.secret).update(subject).digest('base64url');
  }
}

function sessionOf(request: Request): string | null {
  const principal = request.principal;
  return principal?.kind === 'user' && principal.viaCookie ? principal.sessionId : null;
}

function visitorOf(request: Request): string | null {
  const value = (request.cookies as Record<string, string> | undefined)?.[VISITOR_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value) ? value : null;
}

/**
 * From the form's field, else the header (htmx, an upload's script), else, for a file upload
 * only, the form's address (`action="…?_csrf=…"`): a multipart body is read by the service
 * after this check, as it streams, so a form without script carries its token there.
 */
function tokenGiven(request: Request): string | null {
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  if (typeof field === 'string' && field) return field;
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string' && header) return header;
  const query = (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  if (request.is('multipart/form-data') && typeof query === 'string' && query) return query;
  return null;
}

/**
 * On every web page route (WebController): a POST, PUT, PATCH or DELETE without the sender's
 * token is refused with a 403 page saying the form has expired, before the handler runs.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly tokens: CsrfTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (this.tokens.verify(request)) return true;
    throw webProblems.raise(
      'form-expired',
      'The form was not sent with its token: reload the page and send it again',
    );
  }
}
