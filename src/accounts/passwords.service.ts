import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { RequestValidationException } from '../common/http/request-validation.exception';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import { AccountMailer, RESET_TTL_MINUTES } from './account-mailer';
import { normalizeEmail } from './auth.service';
import type { ChangePasswordDto, ResetPasswordDto } from './dto/auth.dto';
import { EmailCaps } from './email-caps.service';
import { PasswordHasher } from './password-hasher.service';
import { assertPasswordAcceptable } from './password-policy';
import type { ClientInfo } from './sessions.service';
import { Sessions } from './sessions.service';
import { UserTokens } from './user-tokens.service';
import { UsersRepository } from './users.repository';

/**
 * Passwords: reset by an emailed link (same answer for unknown addresses), change by a
 * signed-in person, and the confirmation of the current password before sensitive changes.
 */
@Injectable()
export class Passwords {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: UserTokens,
    private readonly sessions: Sessions,
    private readonly mailer: AccountMailer,
    private readonly audit: AuditLog,
    private readonly emailCaps: EmailCaps,
  ) {}

  /**
   * Confirms a signed-in person's current password before a sensitive change; a wrong one is a
   * 400 naming `field`.
   */
  async assertCurrent(userId: string, password: string, field: string): Promise<void> {
    const stored = await this.users.passwordHashOf(userId);
    if (!stored || !(await this.hasher.verify(stored, password))) {
      throw new RequestValidationException([
        {
          field,
          messages: ['is not your current password'],
          codes: [{ code: 'password-not-current' }],
        },
      ]);
    }
  }

  /** Emails a reset link, unless the address had its share of emails this hour. */
  async requestReset(emailAddress: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(emailAddress);
    await this.emailCaps.admitRequest(client.ip);
    await this.sendResetLink(email, client);
  }

  @Transactional()
  private async sendResetLink(email: string, client: ClientInfo): Promise<void> {
    // An invited person who lost the invitation can set a password this way too.
    const user = await this.users.findByEmail(email, ['active', 'invited']);
    // Past the cap no token is issued either, so the latest link sent keeps working.
    if (!user || !(await this.emailCaps.admitEmail(email, 'password-reset'))) return;
    const token = await this.tokens.issue(user.id, 'reset_password', RESET_TTL_MINUTES * 60_000);
    await this.mailer.passwordReset(user, token, client.ip);
  }

  /** Sets a new password from an emailed token; every session of the account ends. */
  @Transactional()
  async reset(dto: ResetPasswordDto, actor: Actor): Promise<void> {
    const userId = await this.tokens.redeem(dto.token, 'reset_password');
    const user = await this.users.findByIdOrFail(userId);
    assertPasswordAcceptable('newPassword', dto.newPassword, user);
    await this.users.update(userId, {
      passwordHash: await this.hasher.hash(dto.newPassword),
      // Following the emailed link proved the mailbox is theirs.
      emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
      status: 'active',
    });
    await this.sessions.revokeAll(userId);
    await this.mailer.passwordChanged(user);
    await this.audit.write({
      actor: { ...actor, kind: 'user', userId },
      objectType: 'user',
      objectId: userId,
      action: 'user.password_reset',
    });
  }

  /** Changes the password of a signed-in user; their other sessions end, this one stays. */
  async change(
    user: Person,
    sessionId: string | null,
    dto: ChangePasswordDto,
    actor: Actor,
  ): Promise<void> {
    await this.assertCurrent(user.id, dto.currentPassword, 'currentPassword');
    assertPasswordAcceptable('newPassword', dto.newPassword, user);
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.store(user, passwordHash, sessionId, actor);
  }

  @Transactional()
  private async store(
    user: Person,
    passwordHash: string,
    sessionId: string | null,
    actor: Actor,
  ): Promise<void> {
    await this.users.update(user.id, { passwordHash });
    await this.sessions.revokeAll(user.id, sessionId ?? undefined);
    await this.mailer.passwordChanged(user);
    await this.audit.write({
      actor,
      objectType: 'user',
      objectId: user.id,
      action: 'user.password_changed',
    });
  }
}
