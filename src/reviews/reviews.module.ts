import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions';
import { AssignmentChanges } from './assignment-changes.service';
import { InvitationAnswers } from './invitation-answers.service';
import { JournalReviewers } from './journal-reviewers.service';
import { ReviewAssignmentsController } from './review-assignments.controller';
import { ReviewFilesService } from './review-files.service';
import { ReviewFormsController } from './review-forms.controller';
import { ReviewFormsRepository } from './review-forms.repository';
import { ReviewFormsService } from './review-forms.service';
import { ReviewInvitations } from './review-invitations.service';
import { ReviewRoundsService } from './review-rounds.service';
import { ReviewWriting } from './review-writing.service';
import { ReviewerAccess } from './reviewer-access.service';
import { ReviewerController } from './reviewer.controller';
import { ReviewerDashboard } from './reviewer-dashboard.service';
import { ReviewerHistoryService } from './reviewer-history.service';
import { ReviewerRecordsRepository } from './reviewer-records.repository';
import { ReviewerSubmissionRepository } from './reviewer-submission.repository';
import { ReviewerSuggestions } from './reviewer-suggestions.service';
import { ReviewersRepository } from './reviewers.repository';
import { ReviewsCoreModule } from './reviews-core.module';

/** Peer review in the API: editors' tools, reviewers' work, review forms. */
@Module({
  imports: [ReviewsCoreModule, SubmissionsModule],
  controllers: [ReviewAssignmentsController, ReviewerController, ReviewFormsController],
  providers: [
    ReviewRoundsService,
    ReviewInvitations,
    AssignmentChanges,
    ReviewerHistoryService,
    ReviewerSuggestions,
    JournalReviewers,
    ReviewerDashboard,
    InvitationAnswers,
    ReviewWriting,
    ReviewFilesService,
    ReviewerAccess,
    ReviewFormsService,
    ReviewersRepository,
    ReviewerRecordsRepository,
    ReviewerSubmissionRepository,
    ReviewFormsRepository,
  ],
  // ReviewReleases, for decisions (closing a round releases its reviewers); the reviewer's own
  // services, for the reviewer's web pages.
  exports: [
    ReviewsCoreModule,
    ReviewerDashboard,
    InvitationAnswers,
    ReviewWriting,
    ReviewFilesService,
  ],
})
export class ReviewsModule {}
