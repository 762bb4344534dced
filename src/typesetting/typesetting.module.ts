import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing/publishing.module';
import { TypesettingController } from './typesetting.controller';
import { TypesettingRuns } from './typesetting-runs.service';

/** The API's half of typesetting: requests, progress, files. The worker does the work. */
@Module({
  imports: [PublishingModule],
  controllers: [TypesettingController],
  providers: [TypesettingRuns],
})
export class TypesettingModule {}
