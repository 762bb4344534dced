import { Module } from '@nestjs/common';
import { ProductionModule } from '../production/production.module';
import { PublishingModule } from '../publishing/publishing.module';
import { ProofsController } from './proofs.controller';
import { Proofs } from './proofs.service';
import { TypesettingController } from './typesetting.controller';
import { ReviewCertificatesController } from './certificates/review-certificates.controller';
import { ReviewCertificates } from './certificates/review-certificates.service';
import { TypesettingRuns } from './typesetting-runs.service';
import { TypstEngineHost } from './typst-engine.host';

/** The API's half of typesetting: requests, progress, files, certificates of review. */
@Module({
  imports: [PublishingModule, ProductionModule],
  controllers: [TypesettingController, ProofsController, ReviewCertificatesController],
  // The API's engine serves certificates only (one page); it is made on the first one.
  providers: [TypesettingRuns, Proofs, ReviewCertificates, TypstEngineHost],
})
export class TypesettingModule {}
