import { Module } from '@nestjs/common';
import { PublishingWorkerModule } from '../publishing';
import { TypesetJob } from './jobs/typeset.job';
import { TypesettingScanJob } from './jobs/typesetting-scan.job';
import { TypesettingContent } from './typesetting-content';
import { TypesettingInputs } from './typesetting-inputs';
import { TypesettingMailer } from './typesetting-mailer';
import { TypesettingProcessor } from './typesetting.processor';
import { TypesettingRunsRepository } from './typesetting-runs.repository';
import { TypesettingRuns } from './typesetting-runs.service';
import { TypesettingSourcesRepository } from './typesetting-sources.repository';
import { TypstEngineHost } from './typst-engine.host';

/** The worker's half of typesetting: the Typst engine and the job that runs each request. */
@Module({
  imports: [PublishingWorkerModule],
  providers: [
    TypstEngineHost,
    TypesetJob,
    TypesettingScanJob,
    TypesettingRuns,
    TypesettingInputs,
    TypesettingMailer,
    TypesettingContent,
    TypesettingProcessor,
    TypesettingRunsRepository,
    TypesettingSourcesRepository,
  ],
})
export class TypesettingWorkerModule {}
