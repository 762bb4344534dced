import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Journal } from './journal.entity';

/**
 * `@CurrentJournal() journal: Journal` on a route guarded by @JournalAccess: the journal its
 * `slug` names, as the journal access guard loaded it (once per request).
 */
export const CurrentJournal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Journal => {
    const journal = (context.switchToHttp().getRequest() as { journal?: Journal }).journal;
    if (!journal) throw new Error('CurrentJournal needs @JournalAccess on the route');
    return journal;
  },
);
