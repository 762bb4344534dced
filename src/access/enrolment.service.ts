import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import type { Viewer } from '../editorial/request-context';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { INVITATION_TTL_DAYS, normalizeEmail } from '../accounts/auth.service';
import { displayName, type PersonNames, User } from '../accounts/user.entity';
import { UserTokens } from '../accounts/user-tokens.service';
import { AuditLog } from '../audit/audit-log.service';
import { ProblemException } from '../common/http/problem.exception';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { type Page, paginate } from '../common/pagination/cursor-page';
import { AppConfig } from '../config/app-config';
import type { Journal } from '../journals/journal.entity';
import { NotificationService } from '../notifications/notification.service';
import type { Actor } from '../editorial/request-context';
import type { EnrolDto, RoleListQuery } from './dto/enrolment.dto';
import { JournalRole, type JournalRoleName } from './journal-role.entity';
import { ROLE_NAMES } from '../editorial/roles';

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

/** Gives people roles in a journal, inviting those without an account. */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly tokens: UserTokens,
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

  async enrol(journal: Journal, dto: EnrolDto, granter: Viewer, actor: Actor): Promise<Enrolment> {
    if (!EnrolmentService.canGrant(granter.roles, granter.isSiteAdmin, dto.role)) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `Your roles in this journal do not allow giving the role "${dto.role}"`,
      });
    }
    const email = normalizeEmail(dto.email);
    return inTransaction(this.transactions, async (manager) => {
      let user = await manager.findOneBy(User, { email });
      if (user?.status === 'deleted') user = null;
      const invited = !user || user.status === 'invited';
      if (!user) {
        if (!dto.names) {
          throw new RequestValidationException([
            {
              field: 'names',
              messages: ['are required to invite an address that has no account yet'],
            },
          ]);
        }
        user = await manager.save(
          manager.create(User, {
            email,
            status: 'invited',
            names: dto.names as PersonNames,
            preferredLocale: dto.preferredLocale ?? journal.primaryLocale,
          }),
        );
      }
      const existing = await manager.findOneBy(JournalRole, {
        journalId: journal.id,
        userId: user.id,
        role: dto.role,
      });
      if (existing) {
        throw new ProblemException({
          status: 409,
          title: 'Conflict',
          detail: `This person already holds the role "${dto.role}" in this journal`,
        });
      }
      const role = await manager.save(
        manager.create(JournalRole, {
          journalId: journal.id,
          userId: user.id,
          role: dto.role,
          grantedBy: granter.user?.id ?? null,
        }),
      );

      const locale = user.preferredLocale;
      const inviterName = granter.user
        ? displayName(granter.user.names, locale)
        : journal.publisherName;
      const roleName = ROLE_NAMES[locale][dto.role];
      if (invited) {
        const token = await this.tokens.issue(
          manager,
          user.id,
          'invitation',
          INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000,
        );
        const acceptUrl = new URL('/accept-invitation', this.config.PUBLIC_URL);
        acceptUrl.searchParams.set('token', token);
        await this.notifications.queueEmail(manager, {
          template: 'account-invitation',
          to: { email, name: displayName(user.names, locale) || null, preferredLocale: locale },
          journalId: journal.id,
          data: {
            inviterName,
            roleName,
            acceptUrl: acceptUrl.href,
            expiresInDays: INVITATION_TTL_DAYS,
          },
        });
      } else {
        await this.notifications.queueEmail(manager, {
          template: 'journal-enrolment',
          to: { email, name: displayName(user.names, locale) || null, preferredLocale: locale },
          journalId: journal.id,
          data: {
            inviterName,
            roleName,
            journalDashboardUrl: new URL(
              `/journals/${journal.slug}/dashboard`,
              this.config.PUBLIC_URL,
            ).href,
          },
        });
      }
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'journal_role',
        objectId: role.id,
        action: 'role.granted',
        after: { userId: user.id, role: dto.role, invited },
      });
      return { role, invited };
    });
  }

  /** Any signed-in person may become an author or a reader of any journal. */
  async enrolSelf(
    journal: Journal,
    user: User,
    role: 'author' | 'reader',
    actor: Actor,
  ): Promise<JournalRole> {
    return inTransaction(this.transactions, async (manager) => {
      const existing = await manager.findOneBy(JournalRole, {
        journalId: journal.id,
        userId: user.id,
        role,
      });
      if (existing) return existing;
      const granted = await manager.save(
        manager.create(JournalRole, {
          journalId: journal.id,
          userId: user.id,
          role,
          grantedBy: null,
        }),
      );
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'journal_role',
        objectId: granted.id,
        action: 'role.self_enrolled',
        after: { userId: user.id, role },
      });
      return granted;
    });
  }

  /** Leaving the readers is always allowed, and harmless when one was not a reader. */
  async leaveReaders(journal: Journal, user: User, actor: Actor): Promise<void> {
    await inTransaction(this.transactions, async (manager) => {
      const role = await manager.findOneBy(JournalRole, {
        journalId: journal.id,
        userId: user.id,
        role: 'reader',
      });
      if (!role) return;
      await manager.delete(JournalRole, { id: role.id });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'journal_role',
        objectId: role.id,
        action: 'role.self_left',
        before: { userId: user.id, role: 'reader' },
      });
    });
  }

  async revoke(journal: Journal, roleId: string, actor: Actor): Promise<void> {
    await inTransaction(this.transactions, async (manager) => {
      const role = await manager.findOneBy(JournalRole, { id: roleId, journalId: journal.id });
      if (!role)
        throw new ProblemException({
          status: 404,
          title: 'Not Found',
          detail: 'There is no such role in this journal',
        });
      if (
        role.role === 'manager' &&
        (await manager.countBy(JournalRole, { journalId: journal.id, role: 'manager' })) === 1
      ) {
        throw new ProblemException({
          status: 409,
          title: 'Conflict',
          detail: 'A journal keeps at least one manager',
        });
      }
      await manager.delete(JournalRole, { id: roleId });
      if (role.role === 'section_editor' || role.role === 'editor') {
        // Their section assignments go with the role.
        await manager.query(
          `DELETE FROM section_editors se USING sections s
            WHERE se.section_id = s.id AND s.journal_id = $1 AND se.user_id = $2
              AND NOT EXISTS (SELECT 1 FROM journal_roles r WHERE r.journal_id = $1 AND r.user_id = $2 AND r.role IN ('editor', 'section_editor'))`,
          [journal.id, role.userId],
        );
      }
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'journal_role',
        objectId: roleId,
        action: 'role.revoked',
        before: { userId: role.userId, role: role.role },
      });
    });
  }

  list(journal: Journal, query: RoleListQuery): Promise<Page<JournalRole>> {
    const builder = this.dataSource
      .getRepository(JournalRole)
      .createQueryBuilder('role')
      .leftJoinAndSelect('role.user', 'user')
      .where('role.journal_id = :journalId', { journalId: journal.id });
    if (query.role) builder.andWhere('role.role = :role', { role: query.role });
    return paginate(
      builder,
      {
        keys: [
          { property: 'createdAt', column: 'created_at' },
          { property: 'id', column: 'id' },
        ],
        direction: 'ASC',
      },
      query,
    );
  }
}
