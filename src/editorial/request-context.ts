import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { isLocale, type Locale } from '../common/i18n/locale';
import { httpProblems } from '../common/problems/http.problems';
import type { Person } from './people';
import type { JournalRoleName } from './roles';

/** Who is making a request: a signed-in person, the operator (ADMIN_API_TOKEN), or nobody. */
export type Principal =
  { kind: 'user'; user: Person; sessionId: string; viaCookie: boolean } | { kind: 'operator' };

/** The doer of a change, as the audit log and the history record it. */
export interface Actor {
  kind: 'user' | 'operator' | 'system';
  userId?: string | null;
  ip?: string | null;
  correlationId?: string | null;
}

/** What the worker and the scheduled scans act as. */
export const SYSTEM_ACTOR: Actor = { kind: 'system' };

/** Who is looking at a journal's submissions as an editor, and with which roles. */
export interface Viewer {
  user: Person | null;
  roles: JournalRoleName[];
  isSiteAdmin: boolean;
}

/** A journal as the edge names it: what the journal access guard loaded for the route. */
export interface JournalRef {
  id: string;
  slug: string;
}

/** What every service call of a request carries, built once at the edge. */
export interface RequestContext {
  actor: Actor;
  /** The signed-in person; null for the operator token and for public routes. */
  user: Person | null;
  /** The language of the answer: the person's, else the request's Accept-Language, else Arabic. */
  locale: Locale;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** The caller's roles in the journal named by the route, set by the journal access guard. */
    journalRoles?: JournalRoleName[];
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

/** The viewer of a request that passed the journal access guard. */
export function viewerOf(request: Request): Viewer {
  const principal = request.principal;
  return {
    user: principal?.kind === 'user' ? principal.user : null,
    roles: request.journalRoles ?? [],
    isSiteAdmin: isSiteAdmin(principal),
  };
}

function localeOf(request: Request, user: Person | null): Locale {
  if (user && isLocale(user.preferredLocale)) return user.preferredLocale;
  const asked = request.acceptsLanguages('ar', 'en', 'fr');
  return isLocale(asked) ? asked : 'ar';
}

export function contextOf(request: Request): RequestContext {
  const principal = request.principal;
  const user = principal?.kind === 'user' ? principal.user : null;
  return { actor: actorOf(request), user, locale: localeOf(request, user) };
}

const http = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();

/** `@CurrentActor() actor: Actor` in a controller: who did it, from where, for the audit log. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  actorOf(http(context)),
);

/** `@CurrentUser() user`: the route needs a signed-in person (the operator token is not one). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Person => {
  const principal = http(context).principal;
  if (principal?.kind !== 'user')
    throw httpProblems.raise('unauthenticated', 'This route needs a signed-in user');
  return principal.user;
});

/**
 * `@Ctx() ctx: RequestContext`: who acts, in which language (for a route that needs all of it).
 * @public
 */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  contextOf(http(context)),
);

/** `@CurrentViewer() viewer: Viewer` on a route guarded by @JournalAccess. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext) =>
  viewerOf(http(context)),
);

/**
 * `@CurrentJournalRef() journal: JournalRef` on a route guarded by @JournalAccess: the journal
 * its `slug` names (features above the journals feature take the whole journal from there).
 */
export const CurrentJournalRef = createParamDecorator(
  (_: unknown, context: ExecutionContext): JournalRef => {
    const journal = (http(context) as { journal?: JournalRef }).journal;
    if (!journal) throw new Error('CurrentJournalRef needs @JournalAccess on the route');
    return journal;
  },
);
