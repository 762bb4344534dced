// For the demo seed (database/seeds) and test/indexing, until they use IssueContents (which
// places an article with its record and DOI).
export { draftPublication } from './publications.repository';
export { mintDoi } from './dois.repository';
