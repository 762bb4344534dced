import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access';
import { AccountsModule } from './accounts';
import { AdminModule } from './admin/admin.module';
import { AuditApiModule } from './audit/audit.module';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';
import { JournalsModule } from './journals';
import { RedisModule } from './redis/redis.module';
import { SubmissionsModule } from './submissions';
import { ReviewsModule } from './reviews';
import { DecisionsModule } from './decisions';
import { StatisticsModule } from './statistics';
import { PublishingModule } from './publishing';
import { TypesettingModule } from './typesetting';
import { ProductionModule } from './production';
import { AnnouncementsModule } from './announcements';
import { WebModule } from './web/web.module';

/** The HTTP API process. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, { migrate: config.MIGRATE_ON_START }),
        RedisModule,
        AuditApiModule,
        AccessModule,
        AccountsModule,
        JournalsModule,
        SubmissionsModule,
        ReviewsModule,
        DecisionsModule,
        StatisticsModule,
        PublishingModule,
        TypesettingModule,
        ProductionModule,
        HealthModule,
        AdminModule,
        AnnouncementsModule,
        // Last: its routes start with a :locale segment, after every API route.
        WebModule,
      ],
    };
  }
}
