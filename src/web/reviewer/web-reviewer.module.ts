import { Module } from '@nestjs/common';
import { JournalsModule } from '../../journals';
import { ReviewsModule } from '../../reviews';
import { TypesettingModule } from '../../typesetting';
import { WebFoundationModule } from '../foundation/web-foundation.module';
import { ReviewDrafts } from './review-drafts.service';
import { ReviewFilesController } from './review-files.controller';
import { ReviewInvitationController } from './review-invitation.controller';
import { ReviewPagesController } from './review-pages.controller';
import { ReviewerPages } from './reviewer-pages.service';

/** The reviewer's workspace: invitations, their reviews, the review form and its certificate. */
@Module({
  imports: [WebFoundationModule, ReviewsModule, JournalsModule, TypesettingModule],
  // The invitation's routes first: `/reviews/invitation` is not an assignment's id.
  controllers: [ReviewInvitationController, ReviewFilesController, ReviewPagesController],
  providers: [ReviewerPages, ReviewDrafts],
})
export class WebReviewerModule {}
