import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts';
import { JournalsModule } from '../../journals';
import { WebFoundationModule } from '../foundation/web-foundation.module';
import { AccountDataController } from './account-data.controller';
import { AccountHomeController } from './account-home.controller';
import { AccountSecurityController } from './account-security.controller';
import { InvitationController } from './invitation.controller';
import { PasswordResetController } from './password-reset.controller';
import { ProfileController } from './profile.controller';
import { RegistrationController } from './registration.controller';
import { SignInController } from './sign-in.controller';

/**
 * The web's account pages: signing in and out, registering and confirming the address, passwords
 * forgotten and changed, invitations, the account's home, profile, sessions, export and deletion.
 */
@Module({
  imports: [WebFoundationModule, AccountsModule, JournalsModule],
  controllers: [
    SignInController,
    RegistrationController,
    PasswordResetController,
    InvitationController,
    AccountHomeController,
    ProfileController,
    AccountSecurityController,
    AccountDataController,
  ],
})
export class WebAccountModule {}
