import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { normalizeOrcid } from '../common/identifiers/orcid';
import { normalizeRorId } from '../common/identifiers/ror';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { DomainEvents } from '../editorial/events/domain-events';
import type { Actor } from '../editorial/request-context';
import { AccountDataRepository, type RoleHeld } from './account-data.repository';
import type { AccountData } from './dto/account-export.response';
import type { UpdateProfileDto } from './dto/profile.dto';
import { toProfileResponse } from './dto/profile.response';
import { Passwords } from './passwords.service';
import { Sessions } from './sessions.service';
import type { User } from './user.entity';
import { UserTokensRepository } from './user-tokens.repository';
import { UsersRepository } from './users.repository';

/** A person's own account: their profile, the export of their data, its deletion. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly data: AccountDataRepository,
    private readonly sessions: Sessions,
    private readonly tokens: UserTokensRepository,
    private readonly passwords: Passwords,
    private readonly audit: AuditLog,
    private readonly events: DomainEvents,
  ) {}

  /** The person's account and roles, oldest first. */
  async profile(userId: string): Promise<{ user: User; roles: RoleHeld[] }> {
    const [user, roles] = await Promise.all([
      this.users.findByIdOrFail(userId),
      this.data.rolesOf(userId),
    ]);
    return { user, roles };
  }

  @Transactional()
  async update(userId: string, dto: UpdateProfileDto, actor: Actor): Promise<User> {
    const changes: Partial<User> = { ...dto };
    if (dto.orcid) changes.orcid = normalizeOrcid(dto.orcid);
    if (dto.rorId) changes.rorId = normalizeRorId(dto.rorId);
    if (dto.country) changes.country = dto.country.toUpperCase();
    if (dto.reviewInterests)
      changes.reviewInterests = [...new Set(dto.reviewInterests.map((term) => term.trim()))];
    if (changes.names && Object.keys(changes.names).length === 0) {
      throw new RequestValidationException([
        { field: 'names', messages: ['must give a name in at least one script'] },
      ]);
    }
    for (const key of Object.keys(changes) as (keyof User)[])
      if (changes[key] === undefined) delete changes[key];
    const before = await this.users.findByIdOrFail(userId);
    await this.users.update(userId, changes);
    const after = await this.users.findByIdOrFail(userId);
    await this.audit.write({
      actor,
      objectType: 'user',
      objectId: userId,
      action: 'user.profile_updated',
      before: toProfileResponse(before),
      after: toProfileResponse(after),
    });
    return after;
  }

  /** Everything Tahkim holds about the person (GDPR-style access and portability). */
  async export(userId: string): Promise<AccountData> {
    const user = await this.users.findByIdOrFail(userId);
    const [sessions, emails, activity, roles] = await Promise.all([
      this.sessions.allOf(userId),
      this.data.emailsReceived(user.email),
      this.data.activityOf(userId),
      this.data.rolesOf(userId),
    ]);
    return { user, roles, sessions, emails, activity };
  }

  /**
   * Deletes the account by anonymising it in place: the person can no longer sign in and no
   * personal data remains, while ids referenced by published work stay valid (published
   * authorship is a snapshot on the publication, kept as published). Their roles go with it.
   */
  async delete(userId: string, password: string, actor: Actor): Promise<void> {
    await this.passwords.assertCurrent(userId, password, 'password');
    await this.anonymise(userId, actor);
  }

  @Transactional()
  private async anonymise(userId: string, actor: Actor): Promise<void> {
    await this.users.anonymise(userId);
    await this.sessions.revokeAll(userId);
    await this.tokens.deleteAllOf(userId);
    await this.events.publish({ name: 'account.deleted', userId, actor });
    await this.audit.write({
      actor,
      objectType: 'user',
      objectId: userId,
      action: 'user.deleted',
    });
  }
}
