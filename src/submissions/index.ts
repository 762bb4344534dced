/**
 * The submissions feature's public surface: what other features may use of it.
 */
export { SubmissionsModule } from './submissions.module';
export { EditorialListing, type EditorialListItem } from './editorial-listing.service';
export { FileIntake, extensionOf, MEDIA_TYPES, type UploadKind } from './file-intake.service';
export { ReviewCopies, type ReviewCopy, type WhenUncleanable } from './review-copies.service';
export { SubmissionChanges, type StageFileInput } from './submission-changes.service';
export { submissionProblems } from './submissions.problems';
export { copyrightTerms, type CopyrightTerms } from './copyright-terms';
export { searchQuery, refreshSubmissionSearch } from './submission-search';
export { LISTED_STAGES } from './dto/editorial-query.dto';
export type { EditorialFilters, EditorialQuery } from './dto/editorial-query.dto';
export { SubmissionFileResponse, toSubmissionFileResponse } from './dto/submission-file.response';
export {
  FILE_GENRES,
  REVIEW_ROUND_GENRES,
  STAGE_FILE_GENRES,
  type FileGenre,
} from './entities/submission-file.entity';
export { CONTRIBUTOR_ROLES, type ContributorRole } from './entities/contributor.entity';
export { SUBMISSION_STAGES, type SubmissionStage } from './entities/submission.entity';
export type { Submission } from './entities/submission.entity';
export type { SubmissionFile } from './entities/submission-file.entity';
export type { SubmissionMetadata } from './entities/submission-metadata.entity';
export type { Contributor } from './entities/contributor.entity';
export type { CopyrightAgreement } from './entities/copyright-agreement.entity';
export type { SubmissionEditor } from './entities/submission-editor.entity';
export type { SubmissionEvent } from './entities/submission-event.entity';

// For decisions, production, publishing, reviews and typesetting, until they use
// StoredContent.inUse, a returned FileDownload and SubmissionEvents.record.
export { contentInUse } from './content-in-use';
export { sendSubmissionFile } from './file-download';
export { recordEvent } from './submission-events';
