import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/user.entity';
import { ProblemException } from '../common/http/problem.exception';

/** Who is making a request: a signed-in user, the operator (ADMIN_API_TOKEN), or nobody. */
export type Principal =
  { kind: 'user'; user: User; sessionId: string; viaCookie: boolean } | { kind: 'operator' };

/** The doer of a change, as recorded in the audit log. */
export interface Actor {
  kind: 'user' | 'operator' | 'system';
  userId?: string | null;
  ip?: string | null;
  correlationId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system' };

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** Site administrators and the operator token act installation-wide. */
export function isSiteAdmin(principal: Principal | undefined): boolean {
  return (
    principal?.kind === 'operator' || (principal?.kind === 'user' && principal.user.isSiteAdmin)
  );
}

export function actorOf(request: Request): Actor {
  const principal = request.principal;
  return {
    kind: principal?.kind ?? 'system',
    userId: principal?.kind === 'user' ? principal.user.id : null,
    ip: request.ip ?? null,
    correlationId: typeof request.id === 'string' ? request.id : null,
  };
}

/** `@CurrentActor() actor: Actor` in a controller: who did it, from where, for the audit log. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<Request>()),
);

/** `@CurrentUser() user: User`: the route needs a signed-in person (the operator token is not one). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): User => {
  const principal = context.switchToHttp().getRequest<Request>().principal;
  if (principal?.kind !== 'user') {
    throw new ProblemException({
      status: 401,
      title: 'Unauthorized',
      detail: 'This route needs a signed-in user',
    });
  }
  return principal.user;
});
