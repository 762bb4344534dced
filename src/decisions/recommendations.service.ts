import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { JournalRoles } from '../access';
import { AuditLog } from '../audit/audit-log.service';
import type { Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import { decisionsFrom } from '../editorial/stages/stage-transitions';
import type { Journal } from '../journals';
import { EditorialListing } from '../submissions';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import { DecisionFactsRepository } from './decision-facts.repository';
import type { DecisionRecommendation } from './decision-recommendation.entity';
import { DecisionRoundsRepository } from './decision-rounds.repository';
import { transitionFor } from './decision-rules';
import { decisionsProblems } from './decisions.problems';
import { DecisionsMailer } from './decisions-mailer';
import type { RecommendationDto } from './dto/decision.dto';
import { RecommendationsRepository } from './recommendations.repository';

/** A section editor and nothing more: in recommending journals, they recommend. */
export function recommendsOnly(journal: Journal, viewer: Viewer): boolean {
  return (
    journal.sectionEditorsRecommend &&
    !viewer.isSiteAdmin &&
    viewer.roles.includes('section_editor') &&
    !viewer.roles.includes('editor') &&
    !viewer.roles.includes('manager')
  );
}

/**
 * Recommendations from section editors to the editors. Any editor handling the submission may
 * recommend (in recommending journals section editors must); the journal's editors are emailed,
 * the author is told nothing, and the next decision answers every recommendation still open.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly recommendations: RecommendationsRepository,
    private readonly rounds: DecisionRoundsRepository,
    private readonly facts: DecisionFactsRepository,
    private readonly listing: EditorialListing,
    private readonly roles: JournalRoles,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
    private readonly mailer: DecisionsMailer,
  ) {}

  @Transactional()
  async recommend(
    journal: Journal,
    viewer: Viewer,
    user: Person,
    submissionId: string,
    dto: RecommendationDto,
    actor: Actor,
  ): Promise<DecisionRecommendation> {
    await this.listing.handled(journal, viewer, submissionId);
    const transition = transitionFor(dto.decision);
    if (!transition.recommendable)
      throw decisionsProblems.raise(
        'not-recommendable',
        `“${dto.decision}” is taken, not recommended: section editors may take it themselves`,
      );
    const facts = await this.facts.facts(submissionId);
    const stage = facts.submission.stage;
    if (!transition.from.includes(stage))
      throw decisionsProblems.raise(
        'decision-not-allowed',
        `“${dto.decision}” cannot be recommended for a submission that is ${stage}; possible: ${decisionsFrom(stage).join(', ') || 'none'}`,
      );
    const round = await this.rounds.current(submissionId);
    const recommendation = await this.recommendations.insert({
      submissionId,
      roundId: round?.id ?? null,
      decision: dto.decision,
      recommendedById: user.id,
      comment: dto.comment?.trim() ?? '',
      decisionId: null,
    });
    await this.events.record(submissionId, actor, {
      kind: 'decision_recommended',
      data: { decision: dto.decision, recommendationId: recommendation.id },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'submission',
      objectId: submissionId,
      action: 'decision.recommended',
      after: { decision: dto.decision },
    });
    const deciders = await this.decidersOf(journal, user, facts.submission.submitterId);
    await this.mailer.recommended(facts, deciders, recommendation, user);
    return recommendation;
  }

  /** The submission's recommendations, newest first, with who made them and what followed. */
  async list(journal: Journal, viewer: Viewer, submissionId: string) {
    await this.listing.handled(journal, viewer, submissionId);
    return this.recommendations.ofSubmission(submissionId);
  }

  /** Who takes the decision: the journal's editors, else its managers (never the recommender). */
  private async decidersOf(journal: Journal, recommender: Person, submitterId: string) {
    for (const role of ['editor', 'manager'] as const) {
      const people = await this.roles.holders(journal.id, [role], [recommender.id, submitterId]);
      if (people.length) return people;
    }
    return [];
  }
}
