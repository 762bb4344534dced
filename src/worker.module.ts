import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { WorkerHeartbeat } from './queue/worker-heartbeat.service';
import { PublishingWorkerModule } from './publishing';
import { ReviewsWorkerModule } from './reviews';
import { TypesettingWorkerModule } from './typesetting';

/** The BullMQ worker process: the same modules as the API plus the queue processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      // Only the API migrates: two processes racing to migrate would be pointless.
      imports: [
        CoreModule.forRoot(config, { migrate: false }),
        NotificationsWorkerModule,
        ReviewsWorkerModule,
        PublishingWorkerModule,
        TypesettingWorkerModule,
      ],
      providers: [WorkerHeartbeat],
    };
  }
}
