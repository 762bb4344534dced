import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sessions, SESSION_COOKIE } from '../accounts/sessions.service';
import { ProblemException } from '../common/http/problem.exception';
import { AppConfig } from '../config/app-config';
import { IS_PUBLIC } from './public.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (value: string) => createHash('sha256').update(value).digest();

export const unauthenticated = () =>
  new ProblemException({
    status: 401,
    title: 'Unauthorized',
    detail: 'Sign in first (session cookie or Authorization: Bearer <session token>)',
  });

/**
 * Runs on every route (APP_GUARD). Finds who is calling: a session token from the cookie or
 * an Authorization bearer header, or the operator token. Routes are closed unless marked
 * @Public(). Cookie-authenticated writes must come from an allowed Origin (with SameSite=Lax
 * cookies this closes cross-site request forgery).
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
      const origin = request.headers.origin;
      if (origin && !this.allowedOrigins.has(origin)) {
        throw new ProblemException({
          status: 403,
          title: 'Forbidden',
          detail: `Requests from ${origin} may not use this session`,
        });
      }
    }
    if (!principal && !isPublic) throw unauthenticated();
    return true;
  }
}
