import { ApiProperty } from '@nestjs/swagger';
import { PersonNamesResponse } from '../../accounts';
import type { PersonNames } from '../../editorial/people';
import { DECISION_KINDS, type DecisionKind } from '../../editorial/stages/stage-transitions';
import type { DecisionRecommendation } from '../decision-recommendation.entity';

/** A recommendation as made: the decision recommended and the reasons, for the editors only. */
export class RecommendationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  roundId: string | null;

  @ApiProperty({ enum: DECISION_KINDS })
  decision: DecisionKind;

  @ApiProperty({ format: 'uuid' })
  recommendedById: string;

  @ApiProperty({ description: 'The reasons, for the editors only; may be empty' })
  comment: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The editors’ decision that answered it; null while it waits',
  })
  decisionId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toRecommendationResponse(row: DecisionRecommendation): RecommendationResponse {
  return {
    id: row.id,
    submissionId: row.submissionId,
    roundId: row.roundId,
    decision: row.decision,
    recommendedById: row.recommendedById,
    comment: row.comment,
    decisionId: row.decisionId ?? null,
    createdAt: row.createdAt,
  };
}

export class RecommenderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: PersonNamesResponse, nullable: true })
  names: PersonNames | null;
}

export class RecommendationAnswerResponse {
  @ApiProperty({ format: 'uuid' })
  decisionId: string;

  @ApiProperty({ enum: DECISION_KINDS })
  decision: DecisionKind;

  @ApiProperty({ format: 'date-time' })
  decidedAt: Date;
}

/** A recommendation in the submission's list: who made it, and the decision that answered it. */
export class RecommendationListItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DECISION_KINDS })
  decision: DecisionKind;

  @ApiProperty()
  comment: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  roundId: string | null;

  @ApiProperty({ format: 'date-time' })
  recommendedAt: Date;

  @ApiProperty({ type: RecommenderResponse })
  recommendedBy: RecommenderResponse;

  @ApiProperty({ type: RecommendationAnswerResponse, nullable: true })
  answeredBy: RecommendationAnswerResponse | null;
}

export function toRecommendationListItemResponse(
  row: DecisionRecommendation,
): RecommendationListItemResponse {
  return {
    id: row.id,
    decision: row.decision,
    comment: row.comment,
    roundId: row.roundId,
    recommendedAt: row.createdAt,
    recommendedBy: { id: row.recommendedById, names: row.recommendedBy?.names ?? null },
    answeredBy: row.answeredBy
      ? {
          decisionId: row.answeredBy.id,
          decision: row.answeredBy.kind,
          decidedAt: row.answeredBy.createdAt,
        }
      : null,
  };
}
