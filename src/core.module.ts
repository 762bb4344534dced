import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { LoggingModule } from './logging/logging.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EditorialModule } from './editorial/editorial.module';
import { MailModule } from './mail/mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QueueModule } from './queue/queue.module';
import { StorageModule } from './storage/storage.module';

/** The infrastructure and domain modules both processes share (the outbox, the audit log). */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, options: { migrate: boolean }): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot({ migrate: options.migrate }),
        QueueModule,
        MailModule,
        StorageModule,
        NotificationsModule,
        AuditModule,
        EditorialModule,
      ],
      exports: [NotificationsModule],
    };
  }
}
