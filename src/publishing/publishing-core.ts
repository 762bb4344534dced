import { ArticleStages } from './article-stages';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import { DoisRepository } from './dois.repository';
import { PendingExports } from './exports/pending-exports';
import { GalleysRepository } from './galleys.repository';
import { IndexingExportsRepository } from './indexing-exports.repository';
import { IssueMailer } from './issue-mailer';
import { IssuePublisher } from './issue-publisher.service';
import { IssuesRepository } from './issues.repository';
import { IssuesService } from './issues.service';
import { PublicationsRepository } from './publications.repository';
import { PublishingContent } from './publishing-content';
import { Recipients } from './recipients.service';
import { RecipientsRepository } from './recipients.repository';
import { SearchDocumentsRepository } from './search/search-documents.repository';
import { SearchIndex } from './search/search-index.service';
import { TableOfContents } from './table-of-contents';
import { TypesetOutputs } from './typeset-outputs.service';

/**
 * What both processes need of publishing: issues and their contents, publishing them (now, or
 * when the worker finds them due), the indexing exports, who hears of it, what typesetting
 * reads and writes back, and the stored content publishing holds.
 */
export const PUBLISHING_CORE = [
  IssuesService,
  IssuePublisher,
  TableOfContents,
  ArticleStages,
  IssueMailer,
  Recipients,
  CrossrefDeposits,
  DoajExports,
  PendingExports,
  TypesetOutputs,
  PublishingContent,
  IssuesRepository,
  PublicationsRepository,
  GalleysRepository,
  DoisRepository,
  IndexingExportsRepository,
  RecipientsRepository,
  SearchIndex,
  SearchDocumentsRepository,
  CatalogueChanges,
];
