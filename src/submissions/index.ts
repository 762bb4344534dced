/**
 * The submissions feature's public surface: what other features may use of it.
 */
export { SubmissionsModule } from './submissions.module';
export { SubmissionDrafts } from './drafts.service';
export { SubmissionFiles } from './submission-files.service';
export { Submitting } from './submitting.service';
export { Withdrawal } from './withdrawal.service';
export { SubmissionsService, type SubmissionView } from './submissions.service';
export { SubmissionHistory, type HistoryEntry } from './submission-history.service';
export { WithdrawDto } from './dto/submission.dto';
// The submission wizard (src/web/submit) reads forms with the API's own request classes.
export {
  ContributorsDto,
  CopyrightAgreementDto,
  CreateSubmissionDto,
  UpdateSubmissionDto,
} from './dto/submission.dto';
export { SubmissionCompleteness } from './completeness';
export { CONTRIBUTOR_ROLES } from './entities/contributor.entity';
export type { SubmissionFile } from './entities/submission-file.entity';
export { EditorialListing } from './editorial-listing.service';
export { FileIntake, extensionOf, MEDIA_TYPES } from './file-intake.service';
export { ReviewCopies } from './review-copies.service';
export { SubmissionChanges } from './submission-changes.service';
export { searchQuery } from './submission-search';
export {
  FILE_GENRES,
  REVIEW_ROUND_GENRES,
  STAGE_FILE_GENRES,
  type FileGenre,
} from './entities/submission-file.entity';
export type { Submission } from './entities/submission.entity';
