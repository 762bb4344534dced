import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AccountsModule } from '../accounts/accounts.module';
import { AppConfig } from '../config/app-config';
import { JournalsModule } from '../journals/journals.module';
import { AppRedis } from '../redis/redis.module';
import { AuthenticationGuard } from './authentication.guard';
import { EnrolmentService } from './enrolment.service';
import { JournalAccessGuard } from './journal-access.guard';
import { throttlerOptions } from '../redis/rate-limit';
import { RolesController } from './roles.controller';

/**
 * Who may do what: rate limits, authentication and per-journal role checks (@JournalAccess) on
 * every route (global guards, in that order), and enrolment.
 */
@Module({
  imports: [
    AccountsModule,
    JournalsModule,
    ThrottlerModule.forRootAsync({ inject: [AppConfig, AppRedis], useFactory: throttlerOptions }),
  ],
  controllers: [RolesController],
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    // After authentication: the roles a route's @JournalAccess asks for, in the journal it names.
    { provide: APP_GUARD, useClass: JournalAccessGuard },
    EnrolmentService,
  ],
})
export class AccessModule {}
