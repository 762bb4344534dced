import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import { ProblemException } from '../common/http/problem.exception';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { AppConfig } from '../config/app-config';
import { NotificationService } from '../notifications/notification.service';
import type {
  AcceptInvitationDto,
  ChangePasswordDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
} from './dto/auth.dto';
import { ACCOUNT_PROBLEM_TYPES } from './account-problems';
import { EmailCaps } from './email-caps.service';
import { PasswordHasher } from './password-hasher.service';
import { checkPassword } from './password-policy';
import { type NewSession, Sessions } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { type PersonNames, User } from './user.entity';
import { UserTokens } from './user-tokens.service';

const HOUR_MS = 60 * 60 * 1000;
/** Emailed links: long enough to read mail, short enough to limit a leak. */
export const VERIFICATION_TTL_HOURS = 48;
export const RESET_TTL_MINUTES = 60;
export const INVITATION_TTL_DAYS = 14;

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function nameStrings(names: PersonNames | undefined): string[] {
  return Object.values(names ?? {}).flatMap((name) =>
    [name?.given, name?.family].filter((part): part is string => !!part),
  );
}

const wrongCredentials = () =>
  new ProblemException({
    status: 401,
    type: ACCOUNT_PROBLEM_TYPES.wrongCredentials,
    title: 'Unauthorized',
    detail: 'The email address or the password is wrong.',
  });

/** A right password for an address not yet confirmed; says whether a new link was sent. */
const emailNotVerified = (sent: boolean) =>
  new ProblemException({
    status: 403,
    type: ACCOUNT_PROBLEM_TYPES.emailNotVerified,
    title: 'Forbidden',
    detail: sent
      ? 'Confirm your email address first: we have just sent a new confirmation link to it. Links we sent before still work until they expire.'
      : `Confirm your email address first. We have not sent another confirmation link, because several were sent or asked for in the last hour: use the link in the latest email from us (links work for ${VERIFICATION_TTL_HOURS} hours), or sign in again later for a new one.`,
    extensions: { verificationEmail: sent ? 'sent' : 'recently-sent' },
  });

/**
 * Registration, email verification, sign-in, password reset and change, and invitation
 * acceptance. Answers never reveal whether an address has an account: registration and reset
 * requests always get the same reply, and the mailbox owner learns the rest by email. Sign-in
 * is throttled per (address, IP) and per IP (SignInThrottle), and the emails anyone can ask for
 * are capped per address and per IP (EmailCaps).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly tokens: UserTokens,
    private readonly sessions: Sessions,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly throttle: SignInThrottle,
    private readonly emailCaps: EmailCaps,
  ) {}

  private link(path: string, token?: string): string {
    const url = new URL(path, this.config.PUBLIC_URL);
    if (token) url.searchParams.set('token', token);
    return url.href;
  }

  private assertPasswordAcceptable(
    field: string,
    password: string,
    email: string,
    names?: PersonNames,
  ): void {
    const problems = checkPassword(password, { email, names: nameStrings(names) });
    if (problems.length > 0) throw new RequestValidationException([{ field, messages: problems }]);
  }

  async register(dto: RegisterDto, actor: Actor, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(dto.email);
    this.assertPasswordAcceptable('password', dto.password, email, dto.names);
    await this.emailCaps.admitRequest(client.ip);
    // Hash before looking the address up: both paths then take the same time.
    const passwordHash = await this.hasher.hash(dto.password);
    await inTransaction(this.transactions, async (manager) => {
      const existing = await manager.findOneBy(User, { email });
      if (existing) {
        if (existing.status === 'deleted') return;
        await this.notifications.queueEmail(manager, {
          template: 'registration-attempt',
          to: { email, name: null, preferredLocale: existing.preferredLocale },
          data: { loginUrl: this.link('/login'), resetUrl: this.link('/forgot-password') },
          // At most one such warning per address per hour.
          dedupeKey: `registration-attempt:${existing.id}:${Math.floor(Date.now() / HOUR_MS)}`,
        });
        return;
      }
      const user = await manager.save(
        manager.create(User, {
          email,
          passwordHash,
          names: dto.names as PersonNames,
          preferredLocale: dto.preferredLocale ?? this.config.DEFAULT_LOCALE,
          status: 'active',
        }),
      );
      if (await this.emailCaps.admitEmail(email, 'verification')) {
        await this.sendVerification(manager, user);
      }
      await this.audit.record(manager, {
        actor: { ...actor, kind: 'user', userId: user.id },
        objectType: 'user',
        objectId: user.id,
        action: 'user.registered',
      });
    });
  }

  private async sendVerification(manager: EntityManager, user: User): Promise<void> {
    const token = await this.tokens.issue(
      manager,
      user.id,
      'verify_email',
      VERIFICATION_TTL_HOURS * HOUR_MS,
    );
    await this.notifications.queueEmail(manager, {
      template: 'account-verification',
      to: { email: user.email, name: null, preferredLocale: user.preferredLocale },
      data: {
        verificationUrl: this.link('/verify-email', token),
        expiresInHours: VERIFICATION_TTL_HOURS,
      },
    });
  }

  async verifyEmail(token: string, actor: Actor): Promise<void> {
    await inTransaction(this.transactions, async (manager) => {
      const userId = await this.tokens.redeem(manager, token, 'verify_email');
      await manager.update(
        User,
        { id: userId, emailVerifiedAt: IsNull() },
        { emailVerifiedAt: new Date() },
      );
      await this.audit.record(manager, {
        actor: { ...actor, kind: 'user', userId },
        objectType: 'user',
        objectId: userId,
        action: 'user.email_verified',
      });
    });
  }

  /** Sends another confirmation link, unless the address had its share this hour. */
  async resendVerification(emailAddress: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(emailAddress);
    await this.emailCaps.admitRequest(client.ip);
    await inTransaction(this.transactions, async (manager) => {
      const user = await manager.findOneBy(User, { email, status: 'active' });
      if (
        user &&
        !user.emailVerifiedAt &&
        (await this.emailCaps.admitEmail(email, 'verification'))
      ) {
        await this.sendVerification(manager, user);
      }
    });
  }

  /** Checks the password and opens a session. */
  async login(
    dto: LoginDto,
    client: ClientInfo,
    actor: Actor,
  ): Promise<NewSession & { user: User }> {
    const email = normalizeEmail(dto.email);
    // Before the lookup: an unknown address is counted and refused exactly like a known one.
    const attempt = await this.throttle.begin(email, client.ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    const passwordOk =
      user?.status === 'active' && user.passwordHash
        ? await this.hasher.verify(user.passwordHash, dto.password)
        : await this.hasher.verifyAgainstNothing(dto.password);
    // The attempt stays counted as a failure.
    if (!user || !passwordOk) throw wrongCredentials();
    await this.throttle.succeeded(attempt);
    if (!user.emailVerifiedAt) {
      const sent = await this.emailCaps.admitEmailAfterSignIn(email, client.ip);
      if (sent)
        await inTransaction(this.transactions, (manager) => this.sendVerification(manager, user));
      throw emailNotVerified(sent);
    }
    return inTransaction(this.transactions, async (manager) => {
      const session = await this.sessions.create(manager, user.id, client);
      await manager.update(User, { id: user.id }, { lastLoginAt: new Date() });
      await this.audit.record(manager, {
        actor: { ...actor, kind: 'user', userId: user.id },
        objectType: 'session',
        objectId: session.session.id,
        action: 'user.signed_in',
      });
      delete (user as Partial<User>).passwordHash;
      return { ...session, user };
    });
  }

  /** Emails a reset link, unless the address had its share of emails this hour. */
  async requestPasswordReset(emailAddress: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(emailAddress);
    await this.emailCaps.admitRequest(client.ip);
    await inTransaction(this.transactions, async (manager) => {
      // An invited person who lost the invitation can set a password this way too.
      const user = await manager.findOneBy(User, { email, status: In(['active', 'invited']) });
      // Past the cap no token is issued either, so the latest link sent keeps working.
      if (!user || !(await this.emailCaps.admitEmail(email, 'password-reset'))) return;
      const token = await this.tokens.issue(
        manager,
        user.id,
        'reset_password',
        RESET_TTL_MINUTES * 60_000,
      );
      await this.notifications.queueEmail(manager, {
        template: 'password-reset',
        to: { email, name: null, preferredLocale: user.preferredLocale },
        data: {
          resetUrl: this.link('/reset-password', token),
          expiresInMinutes: RESET_TTL_MINUTES,
          requestedFromIp: client.ip ?? 'unknown',
        },
      });
    });
  }

  /** Sets a new password from an emailed token; every session of the account ends. */
  async resetPassword(dto: ResetPasswordDto, actor: Actor): Promise<void> {
    await inTransaction(this.transactions, async (manager) => {
      const userId = await this.tokens.redeem(manager, dto.token, 'reset_password');
      const user = await manager.findOneByOrFail(User, { id: userId });
      this.assertPasswordAcceptable('newPassword', dto.newPassword, user.email, user.names);
      await manager.update(
        User,
        { id: userId },
        {
          passwordHash: await this.hasher.hash(dto.newPassword),
          // Following the emailed link proved the mailbox is theirs.
          emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
          status: 'active',
        },
      );
      await this.sessions.revokeAll(manager, userId);
      await this.notifyPasswordChanged(manager, user);
      await this.audit.record(manager, {
        actor: { ...actor, kind: 'user', userId },
        objectType: 'user',
        objectId: userId,
        action: 'user.password_reset',
      });
    });
  }

  /** Changes the password of a signed-in user; their other sessions end, this one stays. */
  async changePassword(
    user: User,
    sessionId: string,
    dto: ChangePasswordDto,
    actor: Actor,
  ): Promise<void> {
    await this.hasher.assertCurrentPassword(
      this.dataSource,
      user.id,
      dto.currentPassword,
      'currentPassword',
    );
    this.assertPasswordAcceptable('newPassword', dto.newPassword, user.email, user.names);
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await inTransaction(this.transactions, async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash });
      await this.sessions.revokeAll(manager, user.id, sessionId);
      await this.notifyPasswordChanged(manager, user);
      await this.audit.record(manager, {
        actor,
        objectType: 'user',
        objectId: user.id,
        action: 'user.password_changed',
      });
    });
  }

  private async notifyPasswordChanged(manager: EntityManager, user: User): Promise<void> {
    await this.notifications.queueEmail(manager, {
      template: 'password-changed',
      to: { email: user.email, name: null, preferredLocale: user.preferredLocale },
      data: {
        changedAt: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        resetUrl: this.link('/forgot-password'),
      },
    });
  }

  /** Activates an account an editor created by enrolment, and signs the person in. */
  async acceptInvitation(
    dto: AcceptInvitationDto,
    client: ClientInfo,
    actor: Actor,
  ): Promise<NewSession & { user: User }> {
    return inTransaction(this.transactions, async (manager) => {
      const userId = await this.tokens.redeem(manager, dto.token, 'invitation');
      const user = await manager.findOneByOrFail(User, { id: userId });
      if (user.status !== 'invited')
        throw new ProblemException({
          status: 409,
          title: 'Conflict',
          detail: 'This invitation was already accepted',
        });
      const names = (dto.names as PersonNames | undefined) ?? user.names;
      this.assertPasswordAcceptable('password', dto.password, user.email, names);
      await manager.update(
        User,
        { id: userId },
        {
          passwordHash: await this.hasher.hash(dto.password),
          status: 'active',
          names,
          emailVerifiedAt: new Date(),
          lastLoginAt: new Date(),
        },
      );
      const session = await this.sessions.create(manager, userId, client);
      await this.audit.record(manager, {
        actor: { ...actor, kind: 'user', userId },
        objectType: 'user',
        objectId: userId,
        action: 'user.invitation_accepted',
      });
      return { ...session, user: await manager.findOneByOrFail(User, { id: userId }) };
    });
  }
}
