import { Module } from '@nestjs/common';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { ReviewFilesRepository } from './review-files.repository';
import { ReviewMailer } from './review-mailer';
import { ReviewReleases } from './review-releases.service';
import { ReviewRoundProgress } from './review-round-progress.service';
import { ReviewRoundsRepository } from './review-rounds.repository';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsRegistrations } from './reviews.registrations';
import { SubmissionFactsRepository } from './submission-facts.repository';

const SHARED = [
  ReviewAssignmentsRepository,
  ReviewRoundsRepository,
  ReviewsRepository,
  ReviewFilesRepository,
  SubmissionFactsRepository,
  ReviewMailer,
  ReviewReleases,
  ReviewRoundProgress,
];

/**
 * What peer review is in both processes: its tables, its emails, the release of open reviews
 * (which answers a withdrawal), and its registrations with the editorial core.
 */
@Module({
  providers: [...SHARED, ReviewsRegistrations],
  exports: SHARED,
})
export class ReviewsCoreModule {}
