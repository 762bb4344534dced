/** The publishing feature's public surface: what other features may use of it. */
export { PublishingModule } from './publishing.module';
export { PublishingWorkerModule } from './publishing-worker.module';
export { IssueContents } from './issue-contents.service';
export { IssuePublisher } from './issue-publisher.service';
export { IssuesService } from './issues.service';
export { PublicationsService } from './publications.service';
export { TypesetOutputs, type TypesetGalley } from './typeset-outputs.service';
export { Recipients } from './recipients.service';
export { PublicCatalogue, type PublicArticle, type PublicIssue } from './public-catalogue.service';
export { ArticleSearch, SEARCH_LIMITS } from './search/article-search.service';
export type {
  ArticleSearchFacets,
  ArticleSearchQuery,
  ArticleSearchResult,
} from './search/article-search.service';
export type { ArticleSearchHit, SearchSnippet } from './search/search-results';
export { publishingProblems } from './publishing.problems';
export { identifyIssueIn } from './issue-identification';
export * from './citations';
export { escapeXmlAttribute, escapeXmlText, stripInvalidXmlChars } from './exports/xml';
export { element, serializeXmlDocument, textElement, type XmlElement } from './exports/xml';
export type { GuestEditor, Issue } from './entities/issue.entity';
export type { Publication } from './entities/publication.entity';
