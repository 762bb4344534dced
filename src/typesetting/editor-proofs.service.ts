import { Injectable } from '@nestjs/common';
import type { FileDownload } from '../common/http/files';
import type { Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { PublicationsService } from '../publishing';
import type { ProofResponseKind } from './entities/proof-response.entity';
import type { TypesettingRun } from './entities/typesetting-run.entity';
import { Proofs, type ProofView } from './proofs.service';
import { TypesettingRuns } from './typesetting-runs.service';

/**
 * An article's proofs as the people who prepare it see them (its editors and its assigned
 * production editor; 404 for anyone else): asked for, followed, read and answered.
 */
@Injectable()
export class EditorProofs {
  constructor(
    private readonly publications: PublicationsService,
    private readonly runs: TypesettingRuns,
    private readonly proofs: Proofs,
  ) {}

  async request(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    actor: Actor,
  ): Promise<TypesettingRun> {
    await this.publications.prepares(journal, viewer, submissionId);
    return this.runs.requestProof(journal, submissionId, actor);
  }

  async list(journal: Journal, viewer: Viewer, submissionId: string): Promise<TypesettingRun[]> {
    await this.publications.prepares(journal, viewer, submissionId);
    return this.runs.listProofs(journal, submissionId);
  }

  async pdf(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    runId: string,
  ): Promise<FileDownload> {
    await this.publications.prepares(journal, viewer, submissionId);
    return this.runs.proofPdf(journal, runId, submissionId);
  }

  async respond(
    journal: Journal,
    viewer: Viewer,
    user: Person,
    submissionId: string,
    runId: string,
    answer: { response: ProofResponseKind; corrections?: string },
    actor: Actor,
  ): Promise<ProofView> {
    await this.publications.prepares(journal, viewer, submissionId);
    return this.proofs.respond(user, submissionId, runId, answer, actor);
  }
}
