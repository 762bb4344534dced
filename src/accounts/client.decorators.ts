import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { httpProblems } from '../common/problems/http.problems';
import type { ClientInfo } from './sessions.service';

const http = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();

/** `@CurrentClient() client: ClientInfo`: the caller's address and user agent, for sessions and caps. */
export const CurrentClient = createParamDecorator(
  (_: unknown, context: ExecutionContext): ClientInfo => {
    const request = http(context);
    return { ip: request.ip, userAgent: request.headers['user-agent'] };
  },
);

/** `@CurrentSessionId() sessionId`: the session the request was signed in with, if any. */
export const CurrentSessionId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | null => {
    const principal = http(context).principal;
    return principal?.kind === 'user' ? principal.sessionId : null;
  },
);

/** The session a signed-in person's request came with, and whether by the cookie. */
export interface SignIn {
  sessionId: string;
  /** False for `Authorization: Bearer`: then no cookie of this session is there to clear. */
  viaCookie: boolean;
}

/** `@CurrentSignIn() signIn: SignIn`: the route needs a signed-in person (401 otherwise). */
export const CurrentSignIn = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignIn => {
    const principal = http(context).principal;
    if (principal?.kind !== 'user')
      throw httpProblems.raise('unauthenticated', 'This route needs a signed-in user');
    return { sessionId: principal.sessionId, viaCookie: principal.viaCookie };
  },
);
