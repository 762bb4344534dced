import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../editorial/request-context';
import { AccountMailer, type AccountRecipient, VERIFICATION_TTL_HOURS } from './account-mailer';
import { accountProblems } from './accounts.problems';
import type { LoginDto, RegisterDto } from './dto/auth.dto';
import { EmailCaps } from './email-caps.service';
import { PasswordHasher } from './password-hasher.service';
import { assertPasswordAcceptable } from './password-policy';
import { type ClientInfo, type NewSession, Sessions } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle.service';
import type { User } from './user.entity';
import { UserTokens } from './user-tokens.service';
import { UsersRepository } from './users.repository';

const HOUR_MS = 60 * 60 * 1000;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A session just opened, and whose it is. */
export type SignedIn = NewSession & { user: User };

const wrongCredentials = () =>
  accountProblems.raise('wrong-credentials', 'The email address or the password is wrong.');

/** A right password for an address not yet confirmed; says whether a new link was sent. */
const emailNotVerified = (sent: boolean) =>
  accountProblems.raise(
    'email-not-verified',
    sent
      ? 'Confirm your email address first: we have just sent a new confirmation link to it. Links we sent before still work until they expire.'
      : `Confirm your email address first. We have not sent another confirmation link, because several were sent or asked for in the last hour: use the link in the latest email from us (links work for ${VERIFICATION_TTL_HOURS} hours), or sign in again later for a new one.`,
    { verificationEmail: sent ? 'sent' : 'recently-sent' },
  );

/**
 * Registration, email verification and sign-in. Answers never reveal whether an address has an
 * account: registration always gets the same reply, and the mailbox owner learns the rest by
 * email. Sign-in is throttled per (address, IP) and per IP (SignInThrottle), and the emails
 * anyone can ask for are capped per address and per IP (EmailCaps). Passwords are the
 * Passwords service's, invitations the Invitations service's.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: UserTokens,
    private readonly sessions: Sessions,
    private readonly mailer: AccountMailer,
    private readonly audit: AuditLog,
    private readonly throttle: SignInThrottle,
    private readonly emailCaps: EmailCaps,
  ) {}

  async register(dto: RegisterDto, actor: Actor, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(dto.email);
    assertPasswordAcceptable('password', dto.password, { email, names: dto.names });
    await this.emailCaps.admitRequest(client.ip);
    // Hash before looking the address up: both paths then take the same time.
    const passwordHash = await this.hasher.hash(dto.password);
    await this.createAccount(dto, email, passwordHash, actor);
  }

  @Transactional()
  private async createAccount(
    dto: RegisterDto,
    email: string,
    passwordHash: string,
    actor: Actor,
  ): Promise<void> {
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (existing.status !== 'deleted') await this.mailer.registrationAttempt(existing);
      return;
    }
    const user = await this.users.insert({
      email,
      passwordHash,
      names: dto.names,
      preferredLocale: dto.preferredLocale ?? this.config.DEFAULT_LOCALE,
      status: 'active',
    });
    if (await this.emailCaps.admitEmail(email, 'verification')) await this.sendVerification(user);
    await this.audit.write({
      actor: { ...actor, kind: 'user', userId: user.id },
      objectType: 'user',
      objectId: user.id,
      action: 'user.registered',
    });
  }

  /** A new confirmation link, in a transaction of its own unless the caller runs one. */
  @Transactional()
  private async sendVerification(user: AccountRecipient): Promise<void> {
    const token = await this.tokens.issue(
      user.id,
      'verify_email',
      VERIFICATION_TTL_HOURS * HOUR_MS,
    );
    await this.mailer.verification(user, token);
  }

  @Transactional()
  async verifyEmail(token: string, actor: Actor): Promise<void> {
    let userId: string;
    try {
      userId = await this.tokens.redeem(token, 'verify_email');
    } catch (error) {
      // The link pressed again (a double click, a second tab) once the address is confirmed:
      // nothing is left to do, and the person is told it is done rather than that it failed.
      const holder = await this.tokens.spentBy(token, 'verify_email');
      if (holder && (await this.users.findById(holder))?.emailVerifiedAt) return;
      throw error;
    }
    await this.users.markEmailVerified(userId);
    await this.audit.write({
      actor: { ...actor, kind: 'user', userId },
      objectType: 'user',
      objectId: userId,
      action: 'user.email_verified',
    });
  }

  /** Sends another confirmation link, unless the address had its share this hour. */
  async resendVerification(emailAddress: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(emailAddress);
    await this.emailCaps.admitRequest(client.ip);
    const user = await this.users.findByEmail(email, ['active']);
    if (user && !user.emailVerifiedAt && (await this.emailCaps.admitEmail(email, 'verification')))
      await this.sendVerification(user);
  }

  /** Checks the password and opens a session. */
  async login(dto: LoginDto, client: ClientInfo, actor: Actor): Promise<SignedIn> {
    const email = normalizeEmail(dto.email);
    // Before the lookup: an unknown address is counted and refused exactly like a known one.
    const attempt = await this.throttle.begin(email, client.ip);
    const user = await this.users.findWithPasswordHash(email);
    const passwordOk =
      user?.status === 'active' && user.passwordHash
        ? await this.hasher.verify(user.passwordHash, dto.password)
        : await this.hasher.verifyAgainstNothing(dto.password);
    // The attempt stays counted as a failure.
    if (!user || !passwordOk) throw wrongCredentials();
    await this.throttle.succeeded(attempt);
    delete (user as Partial<User>).passwordHash;
    if (!user.emailVerifiedAt) {
      // The new link is sent (committed) although the sign-in is refused.
      const sent = await this.emailCaps.admitEmailAfterSignIn(email, client.ip);
      if (sent) await this.sendVerification(user);
      throw emailNotVerified(sent);
    }
    return this.openSession(user, client, actor);
  }

  @Transactional()
  private async openSession(user: User, client: ClientInfo, actor: Actor): Promise<SignedIn> {
    const session = await this.sessions.create(user.id, client);
    await this.users.update(user.id, { lastLoginAt: new Date() });
    await this.audit.write({
      actor: { ...actor, kind: 'user', userId: user.id },
      objectType: 'session',
      objectId: session.session.id,
      action: 'user.signed_in',
    });
    return { ...session, user };
  }
}
