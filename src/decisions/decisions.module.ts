import { Module, type OnModuleInit } from '@nestjs/common';
import { StoredContent } from '../editorial/stored-content';
import { ReviewsModule } from '../reviews';
import { SubmissionsModule } from '../submissions';
import { AuthorDecisionsService } from './author-decisions.service';
import { DecisionAttachmentsRepository } from './decision-attachments.repository';
import { DecisionAttachmentsService } from './decision-attachments.service';
import { DecisionFactsRepository } from './decision-facts.repository';
import { DecisionLetters } from './decision-letters.service';
import { DecisionRoundsRepository } from './decision-rounds.repository';
import { DecisionSubmissionsRepository } from './decision-submissions.repository';
import { DecisionsController } from './decisions.controller';
import { DecisionsMailer } from './decisions-mailer';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';
import { SharedReviewsRepository } from './shared-reviews.repository';

/**
 * Editorial decisions over the editorial core's transition table, letters and their
 * attachments, recommendations, and the author's revisions.
 */
@Module({
  imports: [SubmissionsModule, ReviewsModule],
  controllers: [DecisionsController],
  providers: [
    DecisionsService,
    AuthorDecisionsService,
    RecommendationsService,
    DecisionAttachmentsService,
    DecisionLetters,
    DecisionsMailer,
    DecisionsRepository,
    RecommendationsRepository,
    DecisionAttachmentsRepository,
    DecisionSubmissionsRepository,
    DecisionRoundsRepository,
    DecisionFactsRepository,
    SharedReviewsRepository,
  ],
  // For the author's web pages.
  exports: [AuthorDecisionsService],
})
export class DecisionsModule implements OnModuleInit {
  constructor(
    private readonly storedContent: StoredContent,
    private readonly attachments: DecisionAttachmentsRepository,
  ) {}

  /** Letters' attachments hold stored content (the stripped copies). */
  onModuleInit(): void {
    this.storedContent.register('decisions', (key) => this.attachments.holds(key));
  }
}
