import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { ReviewAssignmentsController } from './review-assignments.controller';
import { ReviewAssignmentsService } from './review-assignments.service';
import { ReviewFormsController } from './review-forms.controller';
import { ReviewFormsService } from './review-forms.service';
import { ReviewMailer } from './review-mailer';
import { ReviewerController } from './reviewer.controller';
import { ReviewerSuggestions } from './reviewer-suggestions.service';
import { ReviewerWorkService } from './reviewer-work.service';

/** Peer review in the API: editors' tools, reviewers' work, review forms. */
@Module({
  imports: [SubmissionsModule],
  controllers: [ReviewAssignmentsController, ReviewerController, ReviewFormsController],
  providers: [
    ReviewAssignmentsService,
    ReviewerSuggestions,
    ReviewerWorkService,
    ReviewFormsService,
    ReviewMailer,
  ],
  exports: [ReviewMailer],
})
export class ReviewsModule {}
