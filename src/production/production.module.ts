import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions';
import { DiscussionAccess } from './discussion-access';
import { DiscussionsController } from './discussions.controller';
import { DiscussionsRepository } from './discussions.repository';
import { DiscussionsService } from './discussions.service';
import { ParticipantsRepository } from './participants.repository';
import { ProductionMailer } from './production-mailer';
import { ProductionSubmissionsRepository } from './production-submissions.repository';
import { StageAssignmentsController } from './stage-assignments.controller';
import { StageAssignmentsRepository } from './stage-assignments.repository';
import { StageAssignmentsService } from './stage-assignments.service';

/** Copyediting and production: stage assignments, discussions with files, the galley source. */
@Module({
  imports: [SubmissionsModule],
  controllers: [StageAssignmentsController, DiscussionsController],
  providers: [
    StageAssignmentsService,
    DiscussionsService,
    DiscussionAccess,
    ProductionMailer,
    DiscussionsRepository,
    StageAssignmentsRepository,
    ProductionSubmissionsRepository,
    ParticipantsRepository,
  ],
  // For typesetting: a proof's corrections open a production discussion.
  exports: [DiscussionsService],
})
export class ProductionModule {}
