import { Module } from '@nestjs/common';
import { TypesetJob } from './jobs/typeset.job';
import { TypesettingProcessor } from './typesetting.processor';
import { TypesettingRuns } from './typesetting-runs.service';
import { TypstEngineHost } from './typst-engine.host';

/** The worker's half of typesetting: the Typst engine and the job that runs each request. */
@Module({
  providers: [TypstEngineHost, TypesetJob, TypesettingRuns, TypesettingProcessor],
})
export class TypesettingWorkerModule {}
