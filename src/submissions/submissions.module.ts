import { Module, type OnModuleInit } from '@nestjs/common';
import { JournalRolesModule } from '../access';
import { StoredContent } from '../editorial/stored-content';
import { SubmissionCompleteness } from './completeness';
import { SubmissionDrafts } from './drafts.service';
import { EditorAssigner } from './editor-assigner';
import { EditorialListingRepository } from './editorial-listing.repository';
import { EditorialListing } from './editorial-listing.service';
import { EditorialSubmissionsController } from './editorial-submissions.controller';
import { FileIntake } from './file-intake.service';
import { HeldFiles } from './held-files.service';
import { OpenSections } from './open-sections';
import { ReviewCopies } from './review-copies.service';
import { SubmissionFilesRepository } from './submission-files.repository';
import { SubmissionFiles } from './submission-files.service';
import { SubmissionHistoryRepository } from './submission-history.repository';
import { SubmissionHistory } from './submission-history.service';
import { SubmissionNumberer } from './submission-numberer';
import { SubmissionsMailer } from './submissions-mailer';
import { SubmissionChanges } from './submission-changes.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';
import { SubmittingRepository } from './submitting.repository';
import { Submitting } from './submitting.service';
import { Withdrawal } from './withdrawal.service';

/**
 * Submissions: the author's drafts, files, submitting and withdrawing; the editors' listing and
 * view; uploads through the anonymisation pipeline (FileIntake, ReviewCopies) for every feature.
 */
@Module({
  imports: [JournalRolesModule],
  controllers: [SubmissionsController, EditorialSubmissionsController],
  providers: [
    SubmissionsService,
    SubmissionDrafts,
    SubmissionFiles,
    Submitting,
    Withdrawal,
    SubmissionCompleteness,
    OpenSections,
    SubmissionNumberer,
    EditorAssigner,
    SubmissionsMailer,
    SubmissionChanges,
    FileIntake,
    ReviewCopies,
    HeldFiles,
    EditorialListing,
    SubmissionHistory,
    SubmissionsRepository,
    SubmissionFilesRepository,
    SubmittingRepository,
    EditorialListingRepository,
    SubmissionHistoryRepository,
  ],
  exports: [
    EditorialListing,
    FileIntake,
    ReviewCopies,
    SubmissionChanges,
    // For the author's web pages.
    SubmissionsService,
    SubmissionHistory,
    SubmissionFiles,
    Withdrawal,
    // For the submission wizard (src/web/submit).
    SubmissionDrafts,
    Submitting,
    SubmissionCompleteness,
  ],
})
export class SubmissionsModule implements OnModuleInit {
  constructor(
    private readonly storedContent: StoredContent,
    private readonly files: SubmissionFilesRepository,
  ) {}

  /** Submission files hold stored content (their originals and their review copies). */
  onModuleInit(): void {
    this.storedContent.register('submissions', (key) => this.files.holds(key));
  }
}
