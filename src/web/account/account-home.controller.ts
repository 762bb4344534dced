import { Get } from '@nestjs/common';
import { ProfileService } from '../../accounts';
import type { JournalRoleName } from '../../editorial/roles';
import type { LocalizedText } from '../../common/i18n/locale';
import type { Person } from '../../editorial/people';
import { CurrentUser } from '../../editorial/request-context';
import { JournalsLookup } from '../../journals';
import { WebController } from '../foundation/web-controller.decorator';
import { page, type WebPage } from '../foundation/web-page';

/** A journal the person has roles in, as their account's home lists it. */
export interface AccountJournalView {
  slug: string;
  titles: LocalizedText;
  primaryLocale: string;
  roles: JournalRoleName[];
  author: boolean;
  reviewer: boolean;
}

/**
 * A signed-in person's home, `/{locale}/account`: who they are, and for each journal they
 * have roles in, their workspaces there. Signed-out visitors are sent to sign in first.
 */
@WebController(':locale/account')
export class AccountHomeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly journals: JournalsLookup,
  ) {}

  @Get()
  async home(@CurrentUser() person: Person): Promise<WebPage> {
    const [{ user, roles }, journals] = await Promise.all([
      this.profiles.profile(person.id),
      this.journals.list(),
    ]);
    const held = new Map<string, JournalRoleName[]>();
    for (const { journalId, role } of roles)
      held.set(journalId, [...(held.get(journalId) ?? []), role]);
    const mine: AccountJournalView[] = journals
      .filter((journal) => held.has(journal.id))
      .map((journal) => {
        const its = held.get(journal.id)!;
        return {
          slug: journal.slug,
          titles: journal.titles,
          primaryLocale: journal.primaryLocale,
          roles: its,
          author: its.includes('author'),
          reviewer: its.includes('reviewer'),
        };
      });
    return page(
      'account/home',
      { person: { names: user.names, email: user.email }, journals: mine },
      { cache: 'private', noindex: true },
    );
  }
}
