import { Module } from '@nestjs/common';
import { FileIntake } from './file-intake.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

@Module({
  controllers: [SubmissionsController],
  providers: [SubmissionsService, FileIntake],
})
export class SubmissionsModule {}
