import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import type { Person } from '../editorial/people';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { displayName, type User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { type Locale, isLocale, pickLocalized } from '../common/i18n/locale';
import { AppConfig } from '../config/app-config';
import type { Journal } from '../journals/journal.entity';
import { NotificationService } from '../notifications/notification.service';
import { ReviewAssignment } from '../reviews/entities/review-assignment.entity';
import { ReviewFile } from '../reviews/entities/review-file.entity';
import { ReviewRound } from '../reviews/entities/review-round.entity';
import { Review } from '../reviews/entities/review.entity';
import { authorsOf } from '../reviews/jobs/review-reminders.job';
import { releaseOpenReviews } from '../reviews/open-reviews';
import { ReviewMailer } from '../reviews/review-mailer';
import { problem } from '../reviews/review-problems';
import { reviewerLabel } from '../reviews/review-texts';
import {
  day,
  loadSubmissionFacts,
  recipientOf,
  type SubmissionFacts,
} from '../reviews/submission-facts';
import { EditorialListing } from '../submissions/editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { extensionOf } from '../submissions/file-intake.service';
import { SubmissionEvent } from '../submissions/entities/submission-event.entity';
import { Submission, type SubmissionStage } from '../submissions/entities/submission.entity';
import { DecisionAttachment } from './decision-attachment.entity';
import { DecisionAttachmentsService } from './decision-attachments.service';
import type { DecisionKind } from './decision-kinds';
import { defaultDecisionLetter, OUTCOME_NAMES } from './decision-texts';
import { recommendsOnly, RecommendationsService } from './recommendations.service';
import { Decision } from './decision.entity';
import type { DecisionDraftQuery, DecisionDto } from './dto/decision.dto';
import { decisionsFrom, type Transition, transitionFor } from './stage-transitions';

/** A review as it may reach the author: a neutral label, never a name. */
export interface SharedReview {
  assignmentId: string;
  label: string;
  comments: string;
  answers: { question: string; answer: string | number | boolean }[];
  files: { id: string; name: string }[];
}

/**
 * Editorial decisions, driven by the transition table in stage-transitions.ts: the decision's
 * checks, its stage change (optimistic locking on the submission's lockVersion), its effects on
 * review rounds, the decision record, and the letter to the author with the reviews shared.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly listing: EditorialListing,
    private readonly notifications: NotificationService,
    private readonly mailer: ReviewMailer,
    private readonly audit: AuditLog,
  ) {}

  /** The decisions open now, and the letter and reviews a given one would send. */
  async draft(journal: Journal, viewer: Viewer, submissionId: string, query: DecisionDraftQuery) {
    const kind = query.decision;
    const submission = await this.listing.handled(journal, viewer, submissionId);
    const manager = this.dataSource.manager;
    const facts = await loadSubmissionFacts(manager, submissionId);
    const [author] = await authorsOf(manager, submissionId, submission.submitterId);
    const locale = isLocale(author.preferredLocale)
      ? author.preferredLocale
      : journal.primaryLocale;
    const round = await this.currentRound(manager, submissionId);
    const reviews = round ? await this.completedReviews(manager, round, locale) : [];
    return {
      available: decisionsFrom(submission.stage),
      /** This viewer recommends the decisions marked recommendable rather than taking them. */
      recommendsOnly: recommendsOnly(journal, viewer),
      lockVersion: submission.lockVersion,
      locale,
      // The same letter the decision would send by default: minor revisions say "minor".
      letter: this.defaultLetter(kind, locale, facts, author.name ?? '', viewer.user, query),
      reviews,
    };
  }

  async decide(
    journal: Journal,
    viewer: Viewer,
    editor: User,
    submissionId: string,
    dto: DecisionDto,
    actor: Actor,
  ): Promise<Decision> {
    await this.listing.handled(journal, viewer, submissionId);
    const transition = transitionFor(dto.decision);
    if (!viewer.isSiteAdmin && !transition.roles.some((role) => viewer.roles.includes(role)))
      throw problem(403, 'decision-forbidden', 'Your roles do not allow this decision');
    if (transition.recommendable && recommendsOnly(journal, viewer))
      throw problem(
        403,
        'recommendation-required',
        `This journal asks section editors to recommend “${dto.decision}” to the editors: POST …/recommendations`,
      );
    const notifyAuthor = dto.notifyAuthor ?? transition.lettersAuthor;
    const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
    if (attachmentIds.length && !notifyAuthor)
      throw problem(
        422,
        'attachments-without-letter',
        'Attachments go with the letter to the author: send the letter (notifyAuthor) or leave them out',
      );
    return inTransaction(this.transactions, async (manager) => {
      const submission = await manager.findOneByOrFail(Submission, { id: submissionId });
      if (!transition.from.includes(submission.stage))
        throw problem(
          409,
          'decision-not-allowed',
          `“${dto.decision}” cannot be taken on a submission that is ${submission.stage}; possible: ${decisionsFrom(submission.stage).join(', ') || 'none'}`,
        );
      const round = await this.currentRound(manager, submissionId);
      const stageAfter = await this.check(manager, transition, submission, round, journal, dto);
      const attachments = await DecisionAttachmentsService.claim(
        manager,
        submissionId,
        attachmentIds,
      );

      // Optimistic locking: of two editors deciding at once, the second finds the version moved.
      const updated = await manager.update(
        Submission,
        { id: submissionId, lockVersion: dto.lockVersion },
        { stage: stageAfter, lockVersion: dto.lockVersion + 1 },
      );
      if (updated.affected !== 1)
        throw problem(
          409,
          'stale-submission',
          'The submission changed meanwhile (another decision?): reload it',
        );

      await this.applyEffects(manager, transition, submission, round, stageAfter, dto, actor);

      const facts = await loadSubmissionFacts(manager, submissionId);
      const authors = await authorsOf(manager, submissionId, submission.submitterId);
      const locale = isLocale(authors[0].preferredLocale)
        ? authors[0].preferredLocale
        : journal.primaryLocale;
      const shared =
        round && notifyAuthor && this.afterReview(dto.decision)
          ? await this.sharedReviews(manager, round, locale, dto)
          : [];
      const letter = notifyAuthor
        ? (dto.letter ??
          this.defaultLetter(dto.decision, locale, facts, authors[0].name ?? '', editor, dto))
        : null;
      const decision = await manager.save(
        manager.create(Decision, {
          submissionId,
          roundId: round?.id ?? null,
          kind: dto.decision,
          decidedById: editor.id,
          stageBefore: submission.stage,
          stageAfter,
          reason: dto.reason?.trim() ?? null,
          revisionsDueAt: dto.revisionsDueAt ?? null,
          letterSubject: letter?.subject ?? null,
          letterBody: letter?.body ?? null,
          sharedAssignmentIds: shared.map((review) => review.assignmentId),
          sharedReviewFileIds: shared.flatMap((review) => review.files.map((file) => file.id)),
        }),
      );
      if (attachments.length)
        await manager.update(
          DecisionAttachment,
          { id: In(attachments.map((attachment) => attachment.id)) },
          { decisionId: decision.id },
        );
      await RecommendationsService.answer(manager, submissionId, decision.id);
      await manager.insert(SubmissionEvent, {
        submissionId,
        actorId: editor.id,
        kind: 'decision',
        authorVisible: true,
        data: { decision: dto.decision, decisionId: decision.id, stage: stageAfter } as never,
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'submission',
        objectId: submissionId,
        action: `decision.${dto.decision}`,
        before: { stage: submission.stage },
        after: {
          stage: stageAfter,
          reason: dto.reason ?? null,
          ...(attachments.length ? { attachmentIds: attachments.map(({ id }) => id) } : {}),
        },
      });
      if (letter) {
        for (const author of authors) {
          const authorLocale = isLocale(author.preferredLocale) ? author.preferredLocale : locale;
          await this.notifications.queueEmail(manager, {
            template: 'decision-letter',
            to: author,
            journalId: journal.id,
            submissionId,
            dedupeKey: `decision-letter:${decision.id}:${author.email}`,
            data: {
              submissionNumber: facts.number,
              title: facts.titleIn(authorLocale),
              subject: letter.subject,
              body: letter.body,
              reviews: shared.map((review) => ({
                label: review.label,
                comments: [
                  review.comments,
                  ...review.answers.map((answer) => `${answer.question}: ${String(answer.answer)}`),
                ]
                  .filter(Boolean)
                  .join('\n\n'),
                files: review.files.map((file) => file.name),
              })),
              attachments: attachments.map((attachment) => attachment.originalName),
              revisionsDueDate: dto.revisionsDueAt ? day(dto.revisionsDueAt) : null,
              statusUrl: new URL(`/submissions/${submissionId}`, this.config.PUBLIC_URL).href,
            },
          });
        }
      }
      if (dto.notifyReviewers && round)
        await this.tellReviewers(manager, round, facts, dto.decision);
      return decision;
    });
  }

  private afterReview(kind: DecisionKind): boolean {
    return ['request_revisions', 'resubmit_for_review', 'accept', 'decline'].includes(kind);
  }

  /** Runs the transition's checks; returns the stage to move to. */
  private async check(
    manager: EntityManager,
    transition: Transition,
    submission: Submission,
    round: ReviewRound | null,
    journal: Journal,
    dto: DecisionDto,
  ): Promise<SubmissionStage> {
    for (const requirement of transition.requires) {
      switch (requirement) {
        case 'open_round':
          if (!round || !['in_review', 'revisions_submitted'].includes(round.status))
            throw problem(
              409,
              'round-not-open',
              'The current round is waiting for the author’s revisions: decide once they arrive',
            );
          break;
        case 'revisions_due_date':
          if (!dto.revisionsDueAt || dto.revisionsDueAt.getTime() <= Date.now())
            throw problem(
              422,
              'revisions-due-date',
              'Give a future due date for the revisions (revisionsDueAt)',
            );
          break;
        case 'enough_reviews_or_reason': {
          const completed = round
            ? await manager.countBy(ReviewAssignment, { roundId: round.id, state: 'completed' })
            : 0;
          if (completed < journal.minReviewsPerRound && !dto.reason?.trim())
            throw problem(
              422,
              'too-few-reviews',
              `The journal asks for ${journal.minReviewsPerRound} completed reviews per round and this round has ${completed}: give a reason to decide anyway`,
            );
          break;
        }
        case 'recorded_decline':
          // Checked below, where the decline also gives the stage to go back to.
          break;
      }
    }
    if (transition.to !== 'previous') return transition.to;
    const decline = await manager.findOne(Decision, {
      where: { submissionId: submission.id, stageAfter: 'declined' },
      order: { createdAt: 'DESC' },
    });
    if (!decline)
      throw problem(409, 'no-recorded-decline', 'There is no recorded decline to revert');
    return decline.stageBefore;
  }

  private async applyEffects(
    manager: EntityManager,
    transition: Transition,
    submission: Submission,
    round: ReviewRound | null,
    stageAfter: SubmissionStage,
    dto: DecisionDto,
    actor: Actor,
  ): Promise<void> {
    for (const effect of transition.effects) {
      switch (effect) {
        case 'open_first_round':
          await manager.insert(ReviewRound, {
            submissionId: submission.id,
            number: (round?.number ?? 0) + 1,
            fileVersion: submission.currentVersion,
            status: 'in_review',
          });
          break;
        case 'request_revisions':
        case 'request_new_round':
          await manager.update(
            ReviewRound,
            { id: round!.id },
            {
              status: 'revisions_requested',
              revisionKind:
                effect === 'request_new_round' ? 'new_round' : (dto.revisionKind ?? 'major'),
              revisionsDueAt: dto.revisionsDueAt!,
            },
          );
          break;
        case 'close_round':
          if (round) {
            await releaseOpenReviews(
              manager,
              this.mailer,
              { roundId: round.id },
              actor.userId ?? null,
              'decision',
              true,
            );
          }
          break;
        case 'reopen_round':
          // Back in review after a reverted decline: the round it closed goes on.
          if (round?.status === 'closed' && stageAfter === 'review')
            await manager.update(
              ReviewRound,
              { id: round.id },
              { status: 'in_review', closedAt: null },
            );
          break;
      }
    }
  }

  private async tellReviewers(
    manager: EntityManager,
    round: ReviewRound,
    facts: SubmissionFacts,
    kind: DecisionKind,
  ) {
    const completed = await manager.find(ReviewAssignment, {
      where: { roundId: round.id, state: 'completed' },
      relations: { reviewer: true },
    });
    for (const { reviewer } of completed) {
      const locale = reviewer!.preferredLocale;
      await this.notifications.queueEmail(manager, {
        template: 'decision-outcome-reviewer',
        to: recipientOf(reviewer!),
        journalId: facts.journal.id,
        submissionId: facts.submission.id,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(locale),
          outcome: OUTCOME_NAMES[locale][kind],
        },
      });
    }
  }

  private defaultLetter(
    kind: DecisionKind,
    locale: Locale,
    facts: SubmissionFacts,
    authorName: string,
    editor: Person | null,
    dto: Partial<Pick<DecisionDto, 'revisionsDueAt' | 'revisionKind'>>,
  ) {
    return defaultDecisionLetter(kind, locale, {
      authorName,
      journalTitle: pickLocalized(facts.journal.titles, locale) ?? '',
      title: facts.titleIn(locale),
      submissionNumber: facts.number,
      editorName: editor ? displayName(editor.names, locale) : '',
      revisionsDueDate: dto.revisionsDueAt ? day(dto.revisionsDueAt) : null,
      minor: dto.revisionKind === 'minor',
    });
  }

  private currentRound(manager: EntityManager, submissionId: string): Promise<ReviewRound | null> {
    return manager.findOne(ReviewRound, { where: { submissionId }, order: { number: 'DESC' } });
  }

  /** The round's completed reviews as the author would get them, labelled in order. */
  async completedReviews(
    manager: EntityManager,
    round: ReviewRound,
    locale: Locale,
  ): Promise<(SharedReview & { recommendation: string | null; offeredFileIds: string[] })[]> {
    const assignments = await manager.find(ReviewAssignment, {
      where: { roundId: round.id, state: 'completed' },
      order: { completedAt: 'ASC' },
    });
    if (assignments.length === 0) return [];
    const ids = assignments.map((assignment) => assignment.id);
    const [reviews, files] = await Promise.all([
      manager.findBy(Review, { assignmentId: In(ids) }),
      manager.find(ReviewFile, { where: { assignmentId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    return assignments.map((assignment, index) => {
      const review = reviews.find((candidate) => candidate.assignmentId === assignment.id);
      const label = reviewerLabel(locale, index);
      const own = files.filter((file) => file.assignmentId === assignment.id);
      return {
        assignmentId: assignment.id,
        label,
        recommendation: review?.recommendation ?? null,
        comments: review?.commentsForAuthor ?? '',
        answers: (review?.questions ?? [])
          .filter(
            (question) => question.sharedWithAuthor && review?.answers[question.id] !== undefined,
          )
          .map((question) => ({
            question: pickLocalized(question.label, locale) ?? question.id,
            answer: review!.answers[question.id],
          })),
        files: own.map((file, n) => ({
          id: file.id,
          name: reviewFileName(label, n, file.mediaType),
        })),
        offeredFileIds: own.filter((file) => file.shareWithAuthor).map((file) => file.id),
      };
    });
  }

  private async sharedReviews(
    manager: EntityManager,
    round: ReviewRound,
    locale: Locale,
    dto: DecisionDto,
  ): Promise<SharedReview[]> {
    const all = await this.completedReviews(manager, round, locale);
    const chosen = dto.sharedAssignmentIds
      ? all.filter((review) => dto.sharedAssignmentIds!.includes(review.assignmentId))
      : all;
    if (dto.sharedAssignmentIds && chosen.length !== dto.sharedAssignmentIds.length)
      throw problem(
        422,
        'unknown-review',
        'Only completed reviews of the current round can be shared',
      );
    return chosen.map(({ recommendation: _r, offeredFileIds, ...review }) => ({
      ...review,
      files: review.files.filter((file) =>
        dto.sharedReviewFileIds
          ? dto.sharedReviewFileIds.includes(file.id)
          : offeredFileIds.includes(file.id),
      ),
    }));
  }
}

/** "Reviewer A - 1.pdf": the only name an author sees for a reviewer's file. */
export function reviewFileName(label: string, index: number, mediaType: string): string {
  return `${label} - ${index + 1}.${extensionOf(mediaType)}`;
}
