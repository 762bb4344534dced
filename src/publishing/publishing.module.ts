import { Module } from '@nestjs/common';
import { JournalsModule } from '../journals/journals.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { CrossrefDeposits } from './crossref-deposits.service';
import { IssueFiles } from './issue-files.service';
import { IssuePublisher } from './issue-publisher.service';
import { IssuesController } from './issues.controller';
import { IssuesService } from './issues.service';
import { PublicCatalogue } from './public-catalogue.service';
import { PublicController } from './public.controller';
import { PublicationsService } from './publications.service';

/** Issues, publication records, DOIs, galleys, publishing, and the public read API. */
@Module({
  imports: [SubmissionsModule, JournalsModule],
  controllers: [IssuesController, PublicController],
  providers: [
    IssuesService,
    IssuePublisher,
    PublicationsService,
    PublicCatalogue,
    IssueFiles,
    CrossrefDeposits,
  ],
  exports: [PublicationsService],
})
export class PublishingModule {}
