import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { AuthorDecisionsService } from './author-decisions.service';
import { DecisionAttachmentsService } from './decision-attachments.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { RecommendationsService } from './recommendations.service';

/**
 * Editorial decisions over the transition table, letters and their attachments, and the
 * author's revisions.
 */
@Module({
  imports: [SubmissionsModule, ReviewsModule],
  controllers: [DecisionsController],
  providers: [
    DecisionsService,
    AuthorDecisionsService,
    RecommendationsService,
    DecisionAttachmentsService,
  ],
})
export class DecisionsModule {}
