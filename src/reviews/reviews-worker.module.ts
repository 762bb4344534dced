import { Module } from '@nestjs/common';
import { ReviewRemindersJob } from './jobs/review-reminders.job';
import { ReviewRemindersRepository } from './review-reminders.repository';
import { ReviewsCoreModule } from './reviews-core.module';
import { ReviewsProcessor } from './reviews.processor';

/** The worker's half of peer review: the scheduled reminder scan. */
@Module({
  imports: [ReviewsCoreModule],
  providers: [ReviewRemindersJob, ReviewRemindersRepository, ReviewsProcessor],
})
export class ReviewsWorkerModule {}
