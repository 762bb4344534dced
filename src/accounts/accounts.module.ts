import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Clock } from './clock';
import { EmailCaps } from './email-caps.service';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher.service';
import { ProfileService } from './profile.service';
import { Sessions } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { UserTokens } from './user-tokens.service';

/** Accounts: registration, verification, sessions, passwords, profiles. */
@Module({
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    ProfileService,
    PasswordHasher,
    Sessions,
    UserTokens,
    SignInThrottle,
    EmailCaps,
    Clock,
  ],
  exports: [Sessions, UserTokens, PasswordHasher],
})
export class AccountsModule {}
