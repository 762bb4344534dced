import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { JournalRole } from '../access/journal-role.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditLog } from '../audit/audit-log.service';
import { normalizeOrcid } from '../common/identifiers/orcid';
import { normalizeRorId } from '../common/identifiers/ror';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { EmailDelivery } from '../notifications/entities/email-delivery.entity';
import type { UpdateProfileDto } from './dto/profile.dto';
import { PasswordHasher } from './password-hasher.service';
import { Session } from './session.entity';
import { UserToken } from './user-token.entity';
import { type PersonNames, User } from './user.entity';

/** What a person sees of their own account (never the password hash). */
export function profileView(user: User) {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    isSiteAdmin: user.isSiteAdmin,
    names: user.names,
    affiliation: user.affiliation,
    rorId: user.rorId,
    country: user.country,
    orcid: user.orcid,
    orcidUrl: user.orcid ? `https://orcid.org/${user.orcid}` : null,
    preferredLocale: user.preferredLocale,
    reviewInterests: user.reviewInterests,
    bio: user.bio,
    availableForReview: user.availableForReview,
    maxConcurrentReviews: user.maxConcurrentReviews,
    createdAt: user.createdAt,
  };
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly hasher: PasswordHasher,
  ) {}

  async rolesOf(userId: string) {
    const roles = await this.dataSource.getRepository(JournalRole).find({
      where: { userId },
      relations: { journal: true },
      order: { createdAt: 'ASC' },
    });
    return roles.map((role) => ({
      journalId: role.journalId,
      journalSlug: role.journal?.slug,
      role: role.role,
    }));
  }

  async update(user: User, dto: UpdateProfileDto, actor: Actor): Promise<User> {
    const changes: Partial<User> = { ...dto, names: dto.names as PersonNames | undefined };
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
    return inTransaction(this.transactions, async (manager) => {
      const before = await manager.findOneByOrFail(User, { id: user.id });
      await manager.update(User, { id: user.id }, changes);
      const after = await manager.findOneByOrFail(User, { id: user.id });
      await this.audit.record(manager, {
        actor,
        objectType: 'user',
        objectId: user.id,
        action: 'user.profile_updated',
        before: profileView(before),
        after: profileView(after),
      });
      return after;
    });
  }

  /** Everything Tahkim holds about the person, as JSON (GDPR-style access and portability). */
  async export(user: User) {
    const [sessions, emails, activity, roles] = await Promise.all([
      this.dataSource
        .getRepository(Session)
        .find({ where: { userId: user.id }, order: { createdAt: 'ASC' } }),
      this.dataSource
        .getRepository(EmailDelivery)
        .find({ where: { recipientEmail: user.email }, order: { createdAt: 'ASC' } }),
      this.dataSource
        .getRepository(AuditEvent)
        .find({ where: { actorUserId: user.id }, order: { occurredAt: 'ASC' } }),
      this.rolesOf(user.id),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      profile: profileView(user),
      roles,
      sessions: sessions.map(({ createdAt, lastSeenAt, expiresAt, ip, userAgent }) => ({
        createdAt,
        lastSeenAt,
        expiresAt,
        ip,
        userAgent,
      })),
      emailsReceived: emails.map(({ template, locale, subject, status, sentAt }) => ({
        template,
        locale,
        subject,
        status,
        sentAt,
      })),
      activity: activity.map(({ occurredAt, action, objectType, objectId, actorIp }) => ({
        occurredAt,
        action,
        objectType,
        objectId,
        ip: actorIp,
      })),
    };
  }

  /**
   * Deletes the account by anonymising it in place: the person can no longer sign in and no
   * personal data remains, while ids referenced by published work stay valid (published
   * authorship is a snapshot on the publication, kept as published).
   */
  async delete(user: User, password: string, actor: Actor): Promise<void> {
    await this.hasher.assertCurrentPassword(this.dataSource, user.id, password, 'password');
    await inTransaction(this.transactions, async (manager) => {
      await manager.update(
        User,
        { id: user.id },
        {
          email: `deleted-${user.id}@deleted.invalid`,
          status: 'deleted',
          passwordHash: null,
          names: {},
          affiliation: null,
          rorId: null,
          country: null,
          orcid: null,
          bio: null,
          reviewInterests: [],
          availableForReview: false,
          isSiteAdmin: false,
          deletedAt: new Date(),
        },
      );
      await manager.delete(Session, { userId: user.id });
      await manager.delete(UserToken, { userId: user.id });
      await manager.delete(JournalRole, { userId: user.id });
      await this.audit.record(manager, {
        actor,
        objectType: 'user',
        objectId: user.id,
        action: 'user.deleted',
      });
    });
  }
}
