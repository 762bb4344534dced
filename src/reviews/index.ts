/** The reviews feature's public surface: what the other features may use of peer review. */
export { ReviewsModule } from './reviews.module';
export { ReviewsWorkerModule } from './reviews-worker.module';
export { InvitationAnswers } from './invitation-answers.service';
export { ReviewFormsService } from './review-forms.service';
export { ReviewInvitations } from './review-invitations.service';
export { ReviewWriting } from './review-writing.service';
export { ReviewerDashboard } from './reviewer-dashboard.service';
export { ReviewFilesService } from './review-files.service';
export { assignmentStatus, type AssignmentStatus } from './assignment-status';
export type { ReviewerAssignmentView } from './dto/reviewer-pages.response';
export { DeclineInvitationDto, ReviewDraftDto } from './dto/review.dto';
export { ReviewReleases } from './review-releases.service';
export { ReviewRoundProgress } from './review-round-progress.service';
export { reviewerLabel } from './review-texts';
export { RECOMMENDATIONS, type Recommendation } from './review-vocabulary';
export { day, recipientOf, type EmailRecipient, type SubmissionFacts } from './email-facts';
export { type AssignmentState } from './entities/review-assignment.entity';
export {
  REVISION_KINDS,
  type ReviewRound,
  type RevisionKind,
} from './entities/review-round.entity';
export type { ReviewAnswer } from './entities/review.entity';
export { type ReviewForm, type ReviewFormQuestion } from './entities/review-form.entity';
