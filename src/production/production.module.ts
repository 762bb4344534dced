import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DiscussionsController } from './discussions.controller';
import { DiscussionsService } from './discussions.service';
import { StageAssignmentsController } from './stage-assignments.controller';
import { StageAssignmentsService } from './stage-assignments.service';

/** Copyediting and production: stage assignments, discussions with files, the galley source. */
@Module({
  imports: [SubmissionsModule],
  controllers: [StageAssignmentsController, DiscussionsController],
  providers: [StageAssignmentsService, DiscussionsService],
  exports: [DiscussionsService],
})
export class ProductionModule {}
