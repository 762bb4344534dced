import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Repository } from '../database/transactions';
import { ProofResponse, type ProofResponseKind } from './entities/proof-response.entity';

/** The answers to proofs: one per person and proof, a later one replacing it. */
@Injectable()
export class ProofResponsesRepository extends Repository {
  ofRuns(runIds: string[]): Promise<ProofResponse[]> {
    if (runIds.length === 0) return Promise.resolve([]);
    return this.db.findBy(ProofResponse, { runId: In(runIds) });
  }

  async answer(row: {
    runId: string;
    userId: string;
    response: ProofResponseKind;
    discussionId: string | null;
  }): Promise<void> {
    await this.db.upsert(ProofResponse, { ...row, createdAt: new Date() }, ['runId', 'userId']);
  }
}
