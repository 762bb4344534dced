import { Module } from '@nestjs/common';
import { ProductionModule } from '../production';
import { PublishingModule } from '../publishing';
import { ReviewCertificatesController } from './certificates/review-certificates.controller';
import { ReviewCertificates } from './certificates/review-certificates.service';
import { EditorProofs } from './editor-proofs.service';
import { ProofResponsesRepository } from './proof-responses.repository';
import { ProofsController } from './proofs.controller';
import { Proofs } from './proofs.service';
import { TypesettingContent } from './typesetting-content';
import { TypesettingController } from './typesetting.controller';
import { TypesettingRunsRepository } from './typesetting-runs.repository';
import { TypesettingRuns } from './typesetting-runs.service';
import { TypesettingSourcesRepository } from './typesetting-sources.repository';
import { TypstEngineHost } from './typst-engine.host';

/** The API's half of typesetting: requests, progress, files, proofs, certificates of review. */
@Module({
  imports: [PublishingModule, ProductionModule],
  controllers: [TypesettingController, ProofsController, ReviewCertificatesController],
  providers: [
    TypesettingRuns,
    EditorProofs,
    Proofs,
    ReviewCertificates,
    TypesettingContent,
    TypesettingRunsRepository,
    ProofResponsesRepository,
    TypesettingSourcesRepository,
    // The API's engine serves certificates only (one page); it is made on the first one.
    TypstEngineHost,
  ],
  // For the author's and the reviewer's web pages.
  exports: [Proofs, ReviewCertificates],
})
export class TypesettingModule {}
