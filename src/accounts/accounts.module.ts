import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginFailures } from './login-failures.service';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher.service';
import { ProfileService } from './profile.service';
import { Sessions } from './sessions.service';
import { UserTokens } from './user-tokens.service';

/** Accounts: registration, verification, sessions, passwords, profiles. */
@Module({
  controllers: [AuthController, MeController],
  providers: [AuthService, ProfileService, PasswordHasher, Sessions, UserTokens, LoginFailures],
  exports: [Sessions, UserTokens, PasswordHasher],
})
export class AccountsModule {}
