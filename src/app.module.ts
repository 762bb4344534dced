import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { AuditApiModule } from './audit/audit.module';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';
import { JournalsModule } from './journals/journals.module';
import { RedisModule } from './redis/redis.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { ReviewsModule } from './reviews/reviews.module';
import { DecisionsModule } from './decisions/decisions.module';
import { StatisticsModule } from './statistics/statistics.module';
import { PublishingModule } from './publishing/publishing.module';
import { TypesettingModule } from './typesetting/typesetting.module';
import { ProductionModule } from './production/production.module';

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
      ],
    };
  }
}
