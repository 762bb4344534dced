import { DynamicModule, Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';

/** The HTTP API process. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, { migrate: config.MIGRATE_ON_START }),
        HealthModule,
        AdminModule,
      ],
    };
  }
}
