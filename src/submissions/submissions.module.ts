import { Module } from '@nestjs/common';
import { EditorialListing } from './editorial-listing.service';
import { EditorialSubmissionsController } from './editorial-submissions.controller';
import { FileIntake } from './file-intake.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

@Module({
  controllers: [SubmissionsController, EditorialSubmissionsController],
  providers: [SubmissionsService, FileIntake, EditorialListing],
  exports: [EditorialListing, FileIntake],
})
export class SubmissionsModule {}
