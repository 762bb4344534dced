import { Module } from '@nestjs/common';
import { JournalsModule } from '../journals';
import { CrossrefDepositsJob } from './jobs/crossref-deposits.job';
import { DoajExportsJob } from './jobs/doaj-exports.job';
import { ScheduledPublicationJob } from './jobs/scheduled-publication.job';
import { PUBLISHING_CORE } from './publishing-core';
import { PublishingProcessor } from './publishing.processor';
import { ScheduledPublications } from './scheduled-publications.service';
import { IssuesService } from './issues.service';
import { Recipients } from './recipients.service';
import { TypesetOutputs } from './typeset-outputs.service';

/**
 * The worker's half of publishing: scheduled issues, the indexing exports to build, and what
 * typesetting's worker reads and writes back.
 */
@Module({
  imports: [JournalsModule],
  providers: [
    ...PUBLISHING_CORE,
    ScheduledPublications,
    ScheduledPublicationJob,
    CrossrefDepositsJob,
    DoajExportsJob,
    PublishingProcessor,
  ],
  exports: [IssuesService, TypesetOutputs, Recipients],
})
export class PublishingWorkerModule {}
