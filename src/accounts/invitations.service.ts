import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Locale } from '../common/i18n/locale';
import { RequestValidationException } from '../common/http/request-validation.exception';
import type { PersonNames } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import { AccountMailer, INVITATION_TTL_DAYS } from './account-mailer';
import { accountProblems } from './accounts.problems';
import { normalizeEmail, type SignedIn } from './auth.service';
import type { AcceptInvitationDto } from './dto/auth.dto';
import { PasswordHasher } from './password-hasher.service';
import { assertPasswordAcceptable } from './password-policy';
import { type ClientInfo, Sessions } from './sessions.service';
import type { User } from './user.entity';
import { UserTokens } from './user-tokens.service';
import { UsersRepository } from './users.repository';

/** The account an enrolment gives a role to, and whether it still has to be accepted. */
export interface InvitedAccount {
  user: User;
  /** true when the address had no account (one was created) or its invitation is pending. */
  invited: boolean;
}

/** What an invitation's page shows before it is accepted: who it is for, as the editor wrote. */
export interface InvitationView {
  email: string;
  names: PersonNames;
}

/** An emailed invitation's link: following it sets a password and signs in. */
export interface InvitationLink {
  acceptUrl: string;
  expiresInDays: number;
}

/**
 * Accounts that editors create by enrolling an address, and their acceptance by the person
 * invited. Everything runs in the caller's transaction (the enrolment's).
 */
@Injectable()
export class Invitations {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: UserTokens,
    private readonly sessions: Sessions,
    private readonly mailer: AccountMailer,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The account of an address, or a new invited one (with the names given, in `locale` unless
   * the person chose a language); a deleted account counts as none. Names are required to
   * invite an address without an account (a 400 naming `names`).
   */
  @Transactional()
  async accountFor(
    emailAddress: string,
    names: PersonNames | undefined,
    locale: Locale,
  ): Promise<InvitedAccount> {
    const email = normalizeEmail(emailAddress);
    let user = await this.users.findByEmail(email);
    if (user?.status === 'deleted') user = null;
    if (user) return { user, invited: user.status === 'invited' };
    if (!names) {
      throw new RequestValidationException([
        { field: 'names', messages: ['are required to invite an address that has no account yet'] },
      ]);
    }
    user = await this.users.insert({ email, status: 'invited', names, preferredLocale: locale });
    return { user, invited: true };
  }

  /**
   * A new invitation link for the account (earlier ones stop working): the invitation page in
   * the person's language, the one the email is written in.
   */
  @Transactional()
  async link(userId: string): Promise<InvitationLink> {
    const { preferredLocale } = await this.users.findByIdOrFail(userId);
    const token = await this.tokens.issue(
      userId,
      'invitation',
      INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000,
    );
    return {
      acceptUrl: this.mailer.link(preferredLocale, '/invitation', token),
      expiresInDays: INVITATION_TTL_DAYS,
    };
  }

  /**
   * Whom the invitation is for, from its link alone and without using it: the address and the
   * names the editor entered, for the person to check before choosing a password. A link that
   * `accept` would refuse is refused the same way.
   */
  async describe(token: string): Promise<InvitationView> {
    const user = await this.users.findByIdOrFail(await this.tokens.check(token, 'invitation'));
    if (user.status !== 'invited')
      throw accountProblems.raise(
        'invitation-already-accepted',
        'This invitation was already accepted',
      );
    return { email: user.email, names: user.names };
  }

  /** Activates an account an editor created by enrolment, and signs the person in. */
  @Transactional()
  async accept(dto: AcceptInvitationDto, client: ClientInfo, actor: Actor): Promise<SignedIn> {
    const userId = await this.tokens.redeem(dto.token, 'invitation');
    const user = await this.users.findByIdOrFail(userId);
    if (user.status !== 'invited')
      throw accountProblems.raise(
        'invitation-already-accepted',
        'This invitation was already accepted',
      );
    const names = dto.names ?? user.names;
    assertPasswordAcceptable('password', dto.password, { email: user.email, names });
    await this.users.update(userId, {
      passwordHash: await this.hasher.hash(dto.password),
      status: 'active',
      names,
      emailVerifiedAt: new Date(),
      lastLoginAt: new Date(),
    });
    const session = await this.sessions.create(userId, client);
    await this.audit.write({
      actor: { ...actor, kind: 'user', userId },
      objectType: 'user',
      objectId: userId,
      action: 'user.invitation_accepted',
    });
    return { ...session, user: await this.users.findByIdOrFail(userId) };
  }
}
