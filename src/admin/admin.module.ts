import { Module } from '@nestjs/common';
import { AdminQueuesController } from './admin-queues.controller';
import { AdminQueuesService } from './admin-queues.service';
import { OperatorTokenGuard } from './operator-token.guard';

@Module({
  controllers: [AdminQueuesController],
  providers: [AdminQueuesService, OperatorTokenGuard],
})
export class AdminModule {}
