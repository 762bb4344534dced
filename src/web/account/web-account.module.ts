import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts';
import { JournalsModule } from '../../journals';
import { WebFoundationModule } from '../foundation/web-foundation.module';
import { AccountHomeController } from './account-home.controller';
import { SignInController } from './sign-in.controller';

/** The web's account pages: signing in and out, registering, passwords, the account's home. */
@Module({
  imports: [WebFoundationModule, AccountsModule, JournalsModule],
  controllers: [SignInController, AccountHomeController],
})
export class WebAccountModule {}
