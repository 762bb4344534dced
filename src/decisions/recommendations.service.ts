import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { JournalRole } from '../access/journal-role.entity';
import { displayName, type User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import type { Journal } from '../journals/journal.entity';
import { NotificationService } from '../notifications/notification.service';
import { ReviewRound } from '../reviews/entities/review-round.entity';
import { ReviewMailer } from '../reviews/review-mailer';
import { problem } from '../reviews/review-problems';
import { loadSubmissionFacts, recipientOf } from '../reviews/submission-facts';
import { EditorialListing } from '../submissions/editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { SubmissionEvent } from '../submissions/entities/submission-event.entity';
import { DecisionRecommendation } from './decision-recommendation.entity';
import { DECISION_NAMES } from './decision-texts';
import type { RecommendationDto } from './dto/decision.dto';
import { decisionsFrom, transitionFor } from './stage-transitions';

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
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listing: EditorialListing,
    private readonly notifications: NotificationService,
    private readonly mailer: ReviewMailer,
    private readonly audit: AuditLog,
  ) {}

  async recommend(
    journal: Journal,
    viewer: Viewer,
    user: User,
    submissionId: string,
    dto: RecommendationDto,
    actor: Actor,
  ): Promise<DecisionRecommendation> {
    await this.listing.handled(journal, viewer, submissionId);
    const transition = transitionFor(dto.decision);
    if (!transition.recommendable)
      throw problem(
        422,
        'not-recommendable',
        `“${dto.decision}” is taken, not recommended: section editors may take it themselves`,
      );
    return inTransaction(this.transactions, async (manager) => {
      const facts = await loadSubmissionFacts(manager, submissionId);
      const stage = facts.submission.stage;
      if (!transition.from.includes(stage))
        throw problem(
          409,
          'decision-not-allowed',
          `“${dto.decision}” cannot be recommended for a submission that is ${stage}; possible: ${decisionsFrom(stage).join(', ') || 'none'}`,
        );
      const round = await manager.findOne(ReviewRound, {
        where: { submissionId },
        order: { number: 'DESC' },
      });
      const recommendation = await manager.save(
        manager.create(DecisionRecommendation, {
          submissionId,
          roundId: round?.id ?? null,
          decision: dto.decision,
          recommendedById: user.id,
          comment: dto.comment?.trim() ?? '',
        }),
      );
      await manager.insert(SubmissionEvent, {
        submissionId,
        actorId: user.id,
        kind: 'decision_recommended',
        authorVisible: false,
        data: { decision: dto.decision, recommendationId: recommendation.id } as never,
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'submission',
        objectId: submissionId,
        action: 'decision.recommended',
        after: { decision: dto.decision },
      });
      for (const editor of await this.decidersOf(
        manager,
        journal,
        user,
        facts.submission.submitterId,
      )) {
        const locale = editor.preferredLocale;
        await this.notifications.queueEmail(manager, {
          template: 'decision-recommended',
          to: recipientOf(editor),
          journalId: journal.id,
          submissionId,
          dedupeKey: `decision-recommended:${recommendation.id}:${editor.id}`,
          data: {
            submissionNumber: facts.number,
            title: facts.titleIn(locale),
            recommenderName: displayName(user.names, locale),
            recommendation: DECISION_NAMES[locale][dto.decision],
            comment: recommendation.comment,
            workflowUrl: this.mailer.workflowUrl(facts),
          },
        });
      }
      return recommendation;
    });
  }

  /** The submission's recommendations, newest first, with who made them and what followed. */
  async list(journal: Journal, viewer: Viewer, submissionId: string) {
    await this.listing.handled(journal, viewer, submissionId);
    const rows = await this.dataSource.getRepository(DecisionRecommendation).find({
      where: { submissionId },
      relations: { recommendedBy: true, answeredBy: true },
      order: { createdAt: 'DESC' },
    });
    return rows.map((row) => ({
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
    }));
  }

  /** Marks the recommendations still open as answered by this decision. */
  static async answer(manager: EntityManager, submissionId: string, decisionId: string) {
    await manager
      .createQueryBuilder()
      .update(DecisionRecommendation)
      .set({ decisionId })
      .where('submission_id = :submissionId AND decision_id IS NULL', { submissionId })
      .execute();
  }

  /** Who takes the decision: the journal's editors, else its managers (never the recommender). */
  private async decidersOf(
    manager: EntityManager,
    journal: Journal,
    recommender: User,
    submitterId: string,
  ): Promise<User[]> {
    for (const role of ['editor', 'manager'] as const) {
      const roles = await manager.find(JournalRole, {
        where: { journalId: journal.id, role, userId: Not(In([recommender.id, submitterId])) },
        relations: { user: true },
      });
      const users = roles.map((row) => row.user!).filter((person) => person.status === 'active');
      if (users.length) return users;
    }
    return [];
  }
}
