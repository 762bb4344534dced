import { Global, Module } from '@nestjs/common';
import { AccountDataRepository } from './account-data.repository';
import { AccountMailer } from './account-mailer';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Clock } from './clock';
import { EmailCaps } from './email-caps.service';
import { Invitations } from './invitations.service';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher.service';
import { Passwords } from './passwords.service';
import { People } from './people.service';
import { ProfileService } from './profile.service';
import { SessionsController } from './sessions.controller';
import { Sessions } from './sessions.service';
import { SessionsRepository } from './sessions.repository';
import { SignInThrottle } from './sign-in-throttle.service';
import { UserTokens } from './user-tokens.service';
import { UserTokensRepository } from './user-tokens.repository';
import { UsersRepository } from './users.repository';

/**
 * People, for every process: the API has them through AccountsModule, the worker (which has no
 * account routes, nor the Redis that sign-in throttling needs) imports this alone. Global, so
 * that every feature above reads people through People without importing it.
 */
@Global()
@Module({
  providers: [People, UsersRepository],
  exports: [People, UsersRepository],
})
export class PeopleModule {}

/** Accounts in the API: registration, verification, sessions, passwords, profiles, invitations. */
@Module({
  imports: [PeopleModule],
  controllers: [AuthController, MeController, SessionsController],
  providers: [
    AuthService,
    Passwords,
    Invitations,
    ProfileService,
    AccountMailer,
    PasswordHasher,
    Sessions,
    UserTokens,
    SignInThrottle,
    EmailCaps,
    Clock,
    SessionsRepository,
    UserTokensRepository,
    AccountDataRepository,
  ],
  exports: [Sessions, Invitations, AuthService, ProfileService, Passwords],
})
export class AccountsModule {}
