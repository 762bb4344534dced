import { Module } from '@nestjs/common';
import { WebFoundationModule } from '../foundation/web-foundation.module';

/** The reviewer's workspace: invitations, their reviews, the review form and its certificate. */
@Module({
  imports: [WebFoundationModule],
  controllers: [],
})
export class WebReviewerModule {}
