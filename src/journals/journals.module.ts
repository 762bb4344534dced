import { Module } from '@nestjs/common';
import { JournalsController } from './journals.controller';
import { JournalsLookup } from './journals.lookup';
import { JournalsService } from './journals.service';

@Module({
  controllers: [JournalsController],
  providers: [JournalsService, JournalsLookup],
  exports: [JournalsLookup],
})
export class JournalsModule {}
