import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE, Sessions } from '../accounts';
import { httpProblems } from '../common/problems/http.problems';
import { AppConfig } from '../config/app-config';
import { IS_PUBLIC } from '../editorial/public';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (value: string) => createHash('sha256').update(value).digest();

export const unauthenticated = () =>
  httpProblems.raise(
    'unauthenticated',
    'Sign in first (session cookie or Authorization: Bearer <session token>)',
  );

const crossOriginWrite = (detail: string) => httpProblems.raise('cross-origin-write', detail);

/**
 * Runs on every route (APP_GUARD). Finds who is calling: a session token from the cookie or
 * an Authorization bearer header, or the operator token. Routes are closed unless marked
 * @Public(). Cookie-authenticated writes must show they come from an allowed origin (with
 * SameSite=Lax cookies this closes cross-site request forgery).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly operatorDigest: Buffer;
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: Sessions,
    config: AppConfig,
  ) {
    this.operatorDigest = digest(config.ADMIN_API_TOKEN);
    this.allowedOrigins = new Set([new URL(config.PUBLIC_URL).origin, ...config.CORS_ORIGINS]);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);

    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (bearer && timingSafeEqual(digest(bearer), this.operatorDigest)) {
      request.principal = { kind: 'operator' };
    } else if (bearer || cookie) {
      const found = await this.sessions.authenticate((bearer ?? cookie)!);
      if (found) {
        request.principal = {
          kind: 'user',
          user: found.user,
          sessionId: found.session.id,
          viaCookie: !bearer,
        };
      } else if (bearer && !isPublic) {
        throw unauthenticated();
      }
    }

    const principal = request.principal;
    if (principal?.kind === 'user' && principal.viaCookie && !SAFE_METHODS.has(request.method)) {
      this.requireSameOrigin(request);
    }
    if (!principal && !isPublic) throw unauthenticated();
    return true;
  }

  /**
   * A write carried by the session cookie must show it comes from our own pages: an allowed
   * Origin, or, when a browser leaves Origin out, Sec-Fetch-Site: same-origin. A request that
   * shows neither may be forged (or be a script that should use a bearer token), so it is refused.
   */
  private requireSameOrigin(request: Request): void {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (this.allowedOrigins.has(origin)) return;
      throw crossOriginWrite(`Requests from ${origin} may not use this session`);
    }
    if (request.headers['sec-fetch-site'] === 'same-origin') return;
    throw crossOriginWrite(
      'A change made with the session cookie must carry an Origin header from this site ' +
        '(browsers send it) or Sec-Fetch-Site: same-origin; programs should sign in with ' +
        'Authorization: Bearer <session token> instead',
    );
  }
}
