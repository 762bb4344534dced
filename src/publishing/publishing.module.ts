import { Module } from '@nestjs/common';
import { JournalsModule } from '../journals';
import { SubmissionsModule } from '../submissions';
import { CrossrefDepositsController } from './crossref-deposits.controller';
import { DoajExportsController } from './doaj-exports.controller';
import { GalleysService } from './galleys.service';
import { IssueContents } from './issue-contents.service';
import { IssueFilesController } from './issue-files.controller';
import { IssueFiles } from './issue-files.service';
import { IssuesController } from './issues.controller';
import { NoticesRepository } from './notices.repository';
import { OaiPmhController } from './oai/oai-pmh.controller';
import { OaiPmh } from './oai/oai-pmh.service';
import { OaiRecordsRepository } from './oai/oai-records.repository';
import { PublicCatalogue } from './public-catalogue.service';
import { PublicController } from './public.controller';
import { PublicationsController } from './publications.controller';
import { PublicationsService } from './publications.service';
import { PUBLISHING_CORE } from './publishing-core';
import { IssuesService } from './issues.service';
import { Recipients } from './recipients.service';
import { ArticleSearch } from './search/article-search.service';
import { TypesetOutputs } from './typeset-outputs.service';

/** Issues, publication records, DOIs, galleys, publishing, and the public read API. */
@Module({
  imports: [SubmissionsModule, JournalsModule],
  controllers: [
    IssuesController,
    IssueFilesController,
    PublicationsController,
    CrossrefDepositsController,
    DoajExportsController,
    PublicController,
    OaiPmhController,
  ],
  providers: [
    ...PUBLISHING_CORE,
    IssueContents,
    PublicationsService,
    GalleysService,
    IssueFiles,
    PublicCatalogue,
    OaiPmh,
    NoticesRepository,
    OaiRecordsRepository,
    ArticleSearch,
  ],
  exports: [
    IssuesService,
    PublicationsService,
    TypesetOutputs,
    Recipients,
    ArticleSearch,
    PublicCatalogue,
  ],
})
export class PublishingModule {}
