/** The typesetting feature's public surface: what the rest of Tahkim may use of it. */
export { TypesettingModule } from './typesetting.module';
export { TypesettingWorkerModule } from './typesetting-worker.module';
export { Proofs, type ProofView } from './proofs.service';
export { ReviewCertificates } from './certificates/review-certificates.service';
export { ProofResponseDto } from './dto/proof-response.dto';
