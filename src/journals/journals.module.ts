import { Global, Module } from '@nestjs/common';
import { JournalsController } from './journals.controller';
import { JournalsLookup } from './journals.lookup';
import { JournalsService } from './journals.service';

/** Global so that every module's JournalAccessGuard can find journals by slug. */
@Global()
@Module({
  controllers: [JournalsController],
  providers: [JournalsService, JournalsLookup],
  exports: [JournalsLookup],
})
export class JournalsModule {}
