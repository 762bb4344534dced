import type { Request } from 'express';
import { isSiteAdmin } from '../access/actor';
import type { JournalRoleName } from '../access/journal-role.entity';
import type { User } from '../accounts/user.entity';

/** Who is looking at a journal's submissions as an editor, and with which roles. */
export interface Viewer {
  user: User | null;
  roles: JournalRoleName[];
  isSiteAdmin: boolean;
}

/** The viewer of a request that passed JournalAccessGuard. */
export function viewerOf(request: Request): Viewer {
  const principal = request.principal!;
  return {
    user: principal.kind === 'user' ? principal.user : null,
    roles: request.journalRoles ?? [],
    isSiteAdmin: isSiteAdmin(principal),
  };
}
