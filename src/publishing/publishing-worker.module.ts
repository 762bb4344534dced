import { Module } from '@nestjs/common';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import { IssuePublisher } from './issue-publisher.service';
import { IssuesService } from './issues.service';
import { ScheduledPublicationJob } from './jobs/scheduled-publication.job';
import { PublishingProcessor } from './publishing.processor';

/** The worker's half of publishing: scheduled issues, and the indexing exports to build. */
@Module({
  providers: [
    CrossrefDeposits,
    DoajExports,
    IssuesService,
    IssuePublisher,
    ScheduledPublicationJob,
    PublishingProcessor,
  ],
})
export class PublishingWorkerModule {}
