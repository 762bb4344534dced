import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
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
