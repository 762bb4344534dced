import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { User } from '../accounts';
import { DomainEvents } from '../editorial/events/domain-events';
import type { JournalRoleName } from '../editorial/roles';
import { JournalRolesRepository } from './journal-roles.repository';

/**
 * Who holds which role in a journal, for the other features (instead of the JournalRole
 * entity): a person's roles, whether they hold one, the people holding some, and the author
 * role a first submission gives. Reads and writes run in the caller's transaction.
 */
@Injectable()
export class JournalRoles implements OnModuleInit {
  constructor(
    private readonly roles: JournalRolesRepository,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    // A deleted account holds no role any more.
    this.events.on('account.deleted', async (event) => {
      await this.roles.deleteAllOf(event.userId);
    });
  }

  /** The person's roles in the journal. */
  rolesOf(journalId: string, userId: string): Promise<JournalRoleName[]> {
    return this.roles.rolesOf(userId, journalId);
  }

  /** Whether the person holds `role` (or one of `roles`) in the journal. */
  holds(
    journalId: string,
    userId: string,
    role: JournalRoleName | readonly JournalRoleName[],
  ): Promise<boolean> {
    return this.roles.holds(journalId, userId, typeof role === 'string' ? [role] : role);
  }

  /**
   * The active people holding one of `roles` in the journal, each once, but those of
   * `except` (e.g. the submitter, the person recommending).
   */
  async holders(
    journalId: string,
    roles: readonly JournalRoleName[],
    except: readonly string[] = [],
  ): Promise<User[]> {
    const rows = await this.roles.withPeople(journalId, roles, except);
    const people = new Map<string, User>();
    for (const { user } of rows)
      if (user && user.status === 'active' && !people.has(user.id)) people.set(user.id, user);
    return [...people.values()];
  }

  /** Anyone signed in may be an author of any journal: starting a submission makes them one. */
  async grantAuthor(journalId: string, userId: string): Promise<void> {
    await this.roles.insertUnlessHeld(journalId, userId, 'author');
  }
}
