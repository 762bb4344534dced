import { Module } from '@nestjs/common';
import { AdminQueuesController } from './admin-queues.controller';
import { AdminQueuesService } from './admin-queues.service';

@Module({
  controllers: [AdminQueuesController],
  providers: [AdminQueuesService],
})
export class AdminModule {}
