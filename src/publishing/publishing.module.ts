import { Module } from '@nestjs/common';
import { JournalsModule } from '../journals/journals.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import { DoajExportsController } from './doaj-exports.controller';
import { OaiPmhController } from './oai/oai-pmh.controller';
import { OaiPmh } from './oai/oai-pmh.service';
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
  controllers: [IssuesController, PublicController, DoajExportsController, OaiPmhController],
  providers: [
    IssuesService,
    IssuePublisher,
    PublicationsService,
    PublicCatalogue,
    IssueFiles,
    CrossrefDeposits,
    DoajExports,
    OaiPmh,
  ],
  exports: [PublicationsService],
})
export class PublishingModule {}
