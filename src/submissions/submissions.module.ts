import { Module } from '@nestjs/common';
import { ReviewMailer } from '../reviews/review-mailer';
import { EditorialListing } from './editorial-listing.service';
import { EditorialSubmissionsController } from './editorial-submissions.controller';
import { FileIntake } from './file-intake.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionHistory } from './submission-history.service';
import { HeldFiles } from './held-files.service';
import { ReviewCopies } from './review-copies.service';
import { SubmissionsService } from './submissions.service';

@Module({
  controllers: [SubmissionsController, EditorialSubmissionsController],
  // ReviewMailer: a withdrawal tells the reviewers still at work (it needs only config and the outbox).
  providers: [
    SubmissionsService,
    FileIntake,
    ReviewCopies,
    HeldFiles,
    EditorialListing,
    ReviewMailer,
    SubmissionHistory,
  ],
  exports: [EditorialListing, FileIntake, ReviewCopies],
})
export class SubmissionsModule {}
