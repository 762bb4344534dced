import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../../submissions';
import { WebFoundationModule } from '../foundation/web-foundation.module';
import { SubmitAgreementsController } from './submit-agreements.controller';
import { SubmitContributorsController } from './submit-contributors.controller';
import { SubmitFilesController } from './submit-files.controller';
import { SubmitJournalsController } from './submit-journals.controller';
import { SubmitMetadataController } from './submit-metadata.controller';
import { SubmitReviewController } from './submit-review.controller';
import { SubmitStartController } from './submit-start.controller';
import { SubmitWizard } from './submit-wizard.service';
import { WizardMemory } from './wizard-memory';

/** The submission wizard: a new submission, step by step, resumed where it was left. */
@Module({
  imports: [WebFoundationModule, SubmissionsModule],
  controllers: [
    SubmitJournalsController,
    SubmitStartController,
    SubmitMetadataController,
    SubmitContributorsController,
    SubmitFilesController,
    SubmitAgreementsController,
    SubmitReviewController,
  ],
  providers: [SubmitWizard, WizardMemory],
})
export class WebSubmitModule {}
