/** The reviews feature's public surface: what the other features may use of peer review. */
export { ReviewsModule } from './reviews.module';
export { ReviewMailer } from './review-mailer';
export { ReviewReleases } from './review-releases.service';
export { ReviewRoundProgress } from './review-round-progress.service';
export { reviewProblems } from './reviews.problems';
export type { ReviewScope } from './review-assignments.repository';
export { reviewerLabel } from './review-texts';
export {
  RECOMMENDATIONS,
  REVIEW_METHODS,
  type Recommendation,
  type ReviewMethod,
} from './review-vocabulary';
export { day, recipientOf, type EmailRecipient, type SubmissionFacts } from './email-facts';
export {
  ASSIGNMENT_STATES,
  type AssignmentState,
  type ConflictOfInterest,
  type ReviewAssignment,
} from './entities/review-assignment.entity';
export {
  REVISION_KINDS,
  ROUND_STATUSES,
  type ReviewRound,
  type RevisionKind,
  type RoundStatus,
} from './entities/review-round.entity';
export type { Review, ReviewAnswer } from './entities/review.entity';
export type { ReviewFile } from './entities/review-file.entity';
export {
  QUESTION_KINDS,
  type QuestionKind,
  type ReviewForm,
  type ReviewFormQuestion,
} from './entities/review-form.entity';

// For decisions, production, publishing and typesetting, until they register their own problems,
// read their own submission's facts and authors, and call ReviewReleases (all do now: nothing
// imports these any more, they can go).
export { problem } from './review-problems';
export { authorsOf, loadSubmissionFacts } from './submission-facts.repository';
export { releaseOpenReviews } from './open-reviews';
