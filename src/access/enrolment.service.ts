import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { Invitations, type User } from '../accounts';
import { AuditLog } from '../audit/audit-log.service';
import type { Page } from '../common/pagination/cursor-page';
import { httpProblems } from '../common/problems/http.problems';
import { AppConfig } from '../config/app-config';
import { displayName, type Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import { type JournalRoleName, ROLE_NAMES } from '../editorial/roles';
import { type Journal, SECTION_EDITOR_ROLES, SectionsService } from '../journals';
import { NotificationService } from '../notifications/notification.service';
import { accessProblems } from './access.problems';
import type { EnrolDto, RoleListQuery } from './dto/enrolment.dto';
import type { JournalRole } from './journal-role.entity';
import { JournalRolesRepository } from './journal-roles.repository';

/** Who may give which role. Managers give any; editors staff review, copyediting and production. */
const GRANTABLE: Record<'manager' | 'editor', readonly JournalRoleName[]> = {
  manager: [
    'manager',
    'editor',
    'section_editor',
    'reviewer',
    'author',
    'reader',
    'copyeditor',
    'production_editor',
  ],
  editor: ['section_editor', 'reviewer', 'copyeditor', 'production_editor'],
};

export interface Enrolment {
  role: JournalRole;
  /** true when the address had no account and an invitation was sent. */
  invited: boolean;
}

/** Gives people roles in a journal, inviting those without an account. Every change is audited. */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly config: AppConfig,
    private readonly roles: JournalRolesRepository,
    private readonly invitations: Invitations,
    private readonly sections: SectionsService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
  ) {}

  /** May someone holding `granterRoles` (or a site admin) give `role`? */
  static canGrant(
    granterRoles: readonly JournalRoleName[],
    isSiteAdmin: boolean,
    role: JournalRoleName,
  ): boolean {
    if (isSiteAdmin) return true;
    return (['manager', 'editor'] as const).some(
      (held) => granterRoles.includes(held) && GRANTABLE[held].includes(role),
    );
  }

  /** A journal's roles with their people, oldest first. */
  list(journal: Journal, query: RoleListQuery): Promise<Page<JournalRole>> {
    return this.roles.page(journal.id, query);
  }

  async enrol(journal: Journal, dto: EnrolDto, granter: Viewer, actor: Actor): Promise<Enrolment> {
    if (!EnrolmentService.canGrant(granter.roles, granter.isSiteAdmin, dto.role)) {
      throw accessProblems.raise(
        'role-not-grantable',
        `Your roles in this journal do not allow giving the role "${dto.role}"`,
      );
    }
    return this.grant(journal, dto, granter.user, actor);
  }

  @Transactional()
  private async grant(
    journal: Journal,
    dto: EnrolDto,
    granter: Person | null,
    actor: Actor,
  ): Promise<Enrolment> {
    const { user, invited } = await this.invitations.accountFor(
      dto.email,
      dto.names,
      dto.preferredLocale ?? journal.primaryLocale,
    );
    if (await this.roles.find(journal.id, user.id, dto.role)) {
      throw accessProblems.raise(
        'role-already-held',
        `This person already holds the role "${dto.role}" in this journal`,
      );
    }
    const role = await this.roles.insert({
      journalId: journal.id,
      userId: user.id,
      role: dto.role,
      grantedBy: granter?.id ?? null,
    });
    await this.tell(journal, user, dto.role, granter, invited);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'journal_role',
      objectId: role.id,
      action: 'role.granted',
      after: { userId: user.id, role: dto.role, invited },
    });
    return { role, invited };
  }

  /** The invitation to a new account, or the news of a new role, in the person's language. */
  private async tell(
    journal: Journal,
    user: User,
    role: JournalRoleName,
    granter: Person | null,
    invited: boolean,
  ): Promise<void> {
    const locale = user.preferredLocale;
    const to = {
      email: user.email,
      name: displayName(user.names, locale) || null,
      preferredLocale: locale,
    };
    const inviterName = granter ? displayName(granter.names, locale) : journal.publisherName;
    const roleName = ROLE_NAMES[locale][role];
    if (invited) {
      const { acceptUrl, expiresInDays } = await this.invitations.link(user.id);
      await this.notifications.queue({
        template: 'account-invitation',
        to,
        journalId: journal.id,
        data: { inviterName, roleName, acceptUrl, expiresInDays },
      });
    } else {
      await this.notifications.queue({
        template: 'journal-enrolment',
        to,
        journalId: journal.id,
        data: {
          inviterName,
          roleName,
          // The account's home lists the person's journals with a way into each workspace.
          journalDashboardUrl: new URL(`/${locale}/account`, this.config.PUBLIC_URL).href,
        },
      });
    }
  }

  /** Any signed-in person may become an author or a reader of any journal. */
  @Transactional()
  async enrolSelf(
    journal: Journal,
    user: Person,
    role: 'author' | 'reader',
    actor: Actor,
  ): Promise<JournalRole> {
    const existing = await this.roles.find(journal.id, user.id, role);
    if (existing) return existing;
    const granted = await this.roles.insert({
      journalId: journal.id,
      userId: user.id,
      role,
      grantedBy: null,
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'journal_role',
      objectId: granted.id,
      action: 'role.self_enrolled',
      after: { userId: user.id, role },
    });
    return granted;
  }

  /** Leaving the readers is always allowed, and harmless when one was not a reader. */
  @Transactional()
  async leaveReaders(journal: Journal, user: Person, actor: Actor): Promise<void> {
    const role = await this.roles.find(journal.id, user.id, 'reader');
    if (!role) return;
    await this.roles.delete(role.id);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'journal_role',
      objectId: role.id,
      action: 'role.self_left',
      before: { userId: user.id, role: 'reader' },
    });
  }

  @Transactional()
  async revoke(journal: Journal, roleId: string, actor: Actor): Promise<void> {
    const role = await this.roles.findById(journal.id, roleId);
    if (!role) throw httpProblems.raise('not-found', 'There is no such role in this journal');
    if (role.role === 'manager' && (await this.roles.countOf(journal.id, 'manager')) === 1)
      throw accessProblems.raise('last-manager', 'A journal keeps at least one manager');
    await this.roles.delete(roleId);
    const editedSections = (SECTION_EDITOR_ROLES as readonly JournalRoleName[]).includes(role.role);
    // Their section assignments go with the last role that allowed them.
    if (editedSections && !(await this.roles.holds(journal.id, role.userId, SECTION_EDITOR_ROLES)))
      await this.sections.releaseEditor(journal.id, role.userId);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'journal_role',
      objectId: roleId,
      action: 'role.revoked',
      before: { userId: role.userId, role: role.role },
    });
  }
}
