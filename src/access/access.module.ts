import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AccountsModule } from '../accounts';
import { AppConfig } from '../config/app-config';
import { JournalsModule } from '../journals';
import { AppRedis } from '../redis/redis.module';
import { throttlerOptions } from '../redis/rate-limit';
import { AuthenticationGuard } from './authentication.guard';
import { EnrolmentService } from './enrolment.service';
import { JournalAccessGuard } from './journal-access.guard';
import { JournalRolesRepository } from './journal-roles.repository';
import { JournalRoles } from './journal-roles.service';
import { RolesController } from './roles.controller';

/**
 * Roles in journals, for every process: the API has them through AccessModule, the worker
 * (which has no guards, nor the Redis that rate limits need) imports this alone. Global, so that
 * every feature above reads roles through JournalRoles without importing it.
 */
@Global()
@Module({
  providers: [JournalRoles, JournalRolesRepository],
  exports: [JournalRoles, JournalRolesRepository],
})
export class JournalRolesModule {}

/**
 * Who may do what in the API: rate limits, authentication and per-journal role checks
 * (@JournalAccess) on every route (global guards, in that order), and enrolment.
 */
@Module({
  imports: [
    JournalRolesModule,
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
