import { ApiProperty } from '@nestjs/swagger';
import { PROOF_RESPONSES, type ProofResponseKind } from '../entities/proof-response.entity';
import type { ProofView } from '../proofs.service';

/** Someone's answer to a proof. */
export class ProofAnswerResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: PROOF_RESPONSES })
  response: ProofResponseKind;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The production discussion the corrections were posted in',
  })
  discussionId: string | null;

  @ApiProperty({ format: 'date-time' })
  at: Date;
}

/** A proof of an article, and who answered what. */
export class ProofViewResponse {
  @ApiProperty({ format: 'uuid', description: 'The typesetting run that made it' })
  id: string;

  @ApiProperty({ type: Number, nullable: true })
  pages: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: Date | null;

  @ApiProperty({ type: [ProofAnswerResponse] })
  responses: ProofAnswerResponse[];
}

export function toProofViewResponse({ run, responses }: ProofView): ProofViewResponse {
  return {
    id: run.id,
    pages: run.pages,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    responses: responses.map((response) => ({
      userId: response.userId,
      response: response.response,
      discussionId: response.discussionId,
      at: response.createdAt,
    })),
  };
}
