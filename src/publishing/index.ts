/** The publishing feature's public surface: what other features may use of it. */
export { PublishingModule } from './publishing.module';
export { PublishingWorkerModule } from './publishing-worker.module';
export { IssuesService, type IssueView } from './issues.service';
export { PublicationsService } from './publications.service';
export {
  TypesetOutputs,
  type TypesetGalley,
  type TypesetPlacement,
} from './typeset-outputs.service';
export { Recipients, type Recipient } from './recipients.service';
export { publishingProblems } from './publishing.problems';
export { identifyIssueIn } from './issue-identification';
export type { TocArticle, TocSection } from './table-of-contents';
export { escapeXmlAttribute, escapeXmlText, stripInvalidXmlChars } from './exports/xml';
export type { Galley } from './entities/galley.entity';
export type { GuestEditor, Issue } from './entities/issue.entity';
export type {
  Publication,
  PublishedContributor,
  PublishedMetadata,
} from './entities/publication.entity';
