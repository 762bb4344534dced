import { Module } from '@nestjs/common';
import { ReviewRemindersJob } from './jobs/review-reminders.job';
import { ReviewMailer } from './review-mailer';
import { ReviewsProcessor } from './reviews.processor';

/** The worker's half of peer review: the scheduled reminder scan. */
@Module({
  providers: [ReviewMailer, ReviewRemindersJob, ReviewsProcessor],
})
export class ReviewsWorkerModule {}
