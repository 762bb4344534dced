import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import { DecisionRecommendation } from './decision-recommendation.entity';

/** The rows of decision_recommendations. */
@Injectable()
export class RecommendationsRepository extends Repository {
  insert(values: Partial<DecisionRecommendation>): Promise<DecisionRecommendation> {
    return this.db.save(this.db.create(DecisionRecommendation, values));
  }

  /** The submission's recommendations, newest first, with who made them and what answered them. */
  ofSubmission(submissionId: string): Promise<DecisionRecommendation[]> {
    return this.db.find(DecisionRecommendation, {
      where: { submissionId },
      relations: { recommendedBy: true, answeredBy: true },
      order: { createdAt: 'DESC' },
    });
  }

  /** Marks the recommendations still open as answered by this decision. */
  async answerOpen(submissionId: string, decisionId: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(DecisionRecommendation)
      .set({ decisionId })
      .where('submission_id = :submissionId AND decision_id IS NULL', { submissionId })
      .execute();
  }
}
