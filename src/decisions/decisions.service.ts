import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { isLocale, type Locale } from '../common/i18n/locale';
import { DomainEvents } from '../editorial/events/domain-events';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import { StageMachine } from '../editorial/stages/stage-machine';
import {
  arrowOf,
  type DecisionKind,
  decisionsFrom,
  type SubmissionStage,
} from '../editorial/stages/stage-transitions';
import type { Journal } from '../journals';
import { ReviewReleases, ReviewRoundProgress } from '../reviews';
import { EditorialListing } from '../submissions';
import { DecisionAttachmentsService } from './decision-attachments.service';
import type { Decision } from './decision.entity';
import { DecisionFactsRepository } from './decision-facts.repository';
import { DecisionLetters, type CompletedReview } from './decision-letters.service';
import { DecisionRoundsRepository, type RoundRow } from './decision-rounds.repository';
import { type Transition, transitionFor } from './decision-rules';
import {
  DecisionSubmissionsRepository,
  type SubmissionRow,
} from './decision-submissions.repository';
import type { DecisionLetter } from './decision-texts';
import { decisionsProblems } from './decisions.problems';
import { DecisionsMailer } from './decisions-mailer';
import { DecisionsRepository } from './decisions.repository';
import type { DecisionDraftQuery, DecisionDto } from './dto/decision.dto';
import { recommendsOnly } from './recommendations.service';
import { RecommendationsRepository } from './recommendations.repository';

/** The decisions open now, and what one of them would send. */
export interface DecisionDraft {
  available: DecisionKind[];
  /** This viewer recommends the decisions marked recommendable rather than taking them. */
  recommendsOnly: boolean;
  lockVersion: number;
  locale: Locale;
  letter: DecisionLetter;
  reviews: CompletedReview[];
}

/** Decisions taken after review: their letters share the round's reviews. */
const AFTER_REVIEW: readonly DecisionKind[] = [
  'request_revisions',
  'resubmit_for_review',
  'accept',
  'decline',
];

const notAllowed = (decision: DecisionKind, stage: SubmissionStage) =>
  decisionsProblems.raise(
    'decision-not-allowed',
    `“${decision}” cannot be taken on a submission that is ${stage}; possible: ${decisionsFrom(stage).join(', ') || 'none'}`,
  );

/**
 * Editorial decisions, over the editorial core's transition table and the rules of
 * decision-rules.ts: the decision's checks, its stage change (through the stage machine, on the
 * lock version the editor saw), its effects on review rounds, the decision record, and the
 * letter to the author with the reviews shared.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly submissions: DecisionSubmissionsRepository,
    private readonly rounds: DecisionRoundsRepository,
    private readonly facts: DecisionFactsRepository,
    private readonly recommendations: RecommendationsRepository,
    private readonly attachments: DecisionAttachmentsService,
    private readonly letters: DecisionLetters,
    private readonly mailer: DecisionsMailer,
    private readonly listing: EditorialListing,
    private readonly stages: StageMachine,
    private readonly releases: ReviewReleases,
    private readonly roundProgress: ReviewRoundProgress,
    private readonly events: SubmissionEvents,
    private readonly domainEvents: DomainEvents,
    private readonly audit: AuditLog,
  ) {}

  /** The decisions open now, and the letter and reviews a given one would send. */
  async draft(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    query: DecisionDraftQuery,
  ): Promise<DecisionDraft> {
    const submission = await this.listing.handled(journal, viewer, submissionId);
    const facts = await this.facts.facts(submissionId);
    const [author] = await this.facts.authors(submissionId, submission.submitterId);
    const locale = isLocale(author.preferredLocale)
      ? author.preferredLocale
      : journal.primaryLocale;
    const round = await this.rounds.current(submissionId);
    return {
      available: decisionsFrom(submission.stage),
      recommendsOnly: recommendsOnly(journal, viewer),
      lockVersion: submission.lockVersion,
      locale,
      // The same letter the decision would send by default: minor revisions say "minor".
      letter: this.letters.defaultLetter(
        query.decision,
        locale,
        facts,
        author.name ?? '',
        viewer.user,
        query,
      ),
      reviews: round ? await this.letters.completed(round.id, locale) : [],
    };
  }

  @Transactional()
  async decide(
    journal: Journal,
    viewer: Viewer,
    editor: Person,
    submissionId: string,
    dto: DecisionDto,
    actor: Actor,
  ): Promise<Decision> {
    await this.listing.handled(journal, viewer, submissionId);
    const transition = transitionFor(dto.decision);
    if (transition.recommendable && recommendsOnly(journal, viewer))
      throw decisionsProblems.raise(
        'recommendation-required',
        `This journal asks section editors to recommend “${dto.decision}” to the editors: POST …/recommendations`,
      );
    const notifyAuthor = dto.notifyAuthor ?? transition.lettersAuthor;
    const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
    if (attachmentIds.length && !notifyAuthor)
      throw decisionsProblems.raise(
        'attachments-without-letter',
        'Attachments go with the letter to the author: send the letter (notifyAuthor) or leave them out',
      );

    // The arrow first (409), then what the decision requires (422…), then the move itself.
    const submission = await this.submissions.byId(submissionId);
    if (!arrowOf(dto.decision).from.includes(submission.stage))
      throw notAllowed(dto.decision, submission.stage);
    const round = await this.rounds.current(submissionId);
    const stageAfter = await this.check(transition, submission, round, journal, dto);
    const attachments = await this.attachments.claim(submissionId, attachmentIds);

    // Optimistic locking: of two editors deciding at once, the second finds the version moved.
    await this.stages.move(submissionId, {
      step: dto.decision,
      by: { kind: 'staff', roles: viewer.roles, isSiteAdmin: viewer.isSiteAdmin },
      actor,
      lockVersion: dto.lockVersion,
      to: stageAfter,
      columns: { updated_at: new Date() },
      refuse: {
        notAllowed: (from) => notAllowed(dto.decision, from),
        forbidden: () =>
          decisionsProblems.raise('decision-forbidden', 'Your roles do not allow this decision'),
      },
    });
    await this.applyEffects(transition, submission, round, stageAfter, dto, actor);

    const facts = await this.facts.facts(submissionId);
    const authors = await this.facts.authors(submissionId, submission.submitterId);
    const locale = isLocale(authors[0].preferredLocale)
      ? authors[0].preferredLocale
      : journal.primaryLocale;
    const shared =
      round && notifyAuthor && AFTER_REVIEW.includes(dto.decision)
        ? await this.letters.shared(round.id, locale, dto)
        : [];
    const letter = notifyAuthor
      ? (dto.letter ??
        this.letters.defaultLetter(dto.decision, locale, facts, authors[0].name ?? '', editor, dto))
      : null;
    const decision = await this.decisions.insert({
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
    });
    await this.attachments.send(attachments, decision.id);
    await this.recommendations.answerOpen(submissionId, decision.id);
    await this.events.record(submissionId, actor, {
      kind: 'decision',
      data: { decision: dto.decision, decisionId: decision.id, stage: stageAfter },
    });
    await this.audit.write({
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
    if (dto.decision === 'accept')
      await this.domainEvents.publish({ name: 'submission.accepted', submissionId, actor });
    if (letter)
      await this.mailer.letter(facts, authors, {
        decisionId: decision.id,
        letter,
        locale,
        shared,
        attachmentNames: attachments.map((attachment) => attachment.originalName),
        revisionsDueAt: dto.revisionsDueAt ?? null,
      });
    if (dto.notifyReviewers && round)
      await this.mailer.outcomeToReviewers(round.id, facts, dto.decision);
    return decision;
  }

  /** Runs the decision's checks; returns the stage to move to. */
  private async check(
    transition: Transition,
    submission: SubmissionRow,
    round: RoundRow | null,
    journal: Journal,
    dto: DecisionDto,
  ): Promise<SubmissionStage> {
    for (const requirement of transition.requires) {
      switch (requirement) {
        case 'open_round':
          if (!round || !['in_review', 'revisions_submitted'].includes(round.status))
            throw decisionsProblems.raise(
              'round-not-open',
              'The current round is waiting for the author’s revisions: decide once they arrive',
            );
          break;
        case 'revisions_due_date':
          if (!dto.revisionsDueAt || dto.revisionsDueAt.getTime() <= Date.now())
            throw decisionsProblems.raise(
              'revisions-due-date',
              'Give a future due date for the revisions (revisionsDueAt)',
            );
          break;
        case 'enough_reviews_or_reason': {
          const completed = round ? await this.rounds.completedReviews(round.id) : 0;
          if (completed < journal.minReviewsPerRound && !dto.reason?.trim())
            throw decisionsProblems.raise(
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
    const decline = await this.decisions.latestDecline(submission.id);
    if (!decline)
      throw decisionsProblems.raise(
        'no-recorded-decline',
        'There is no recorded decline to revert',
      );
    return decline.stageBefore;
  }

  private async applyEffects(
    transition: Transition,
    submission: SubmissionRow,
    round: RoundRow | null,
    stageAfter: SubmissionStage,
    dto: DecisionDto,
    actor: Actor,
  ): Promise<void> {
    for (const effect of transition.effects) {
      switch (effect) {
        case 'open_first_round':
          await this.roundProgress.open(
            submission.id,
            (round?.number ?? 0) + 1,
            submission.currentVersion,
          );
          break;
        case 'request_revisions':
        case 'request_new_round':
          await this.roundProgress.requestRevisions(
            round!.id,
            effect === 'request_new_round' ? 'new_round' : (dto.revisionKind ?? 'major'),
            dto.revisionsDueAt!,
          );
          break;
        case 'close_round':
          if (round) await this.releases.release({ roundId: round.id }, actor, 'decision', true);
          break;
        case 'reopen_round':
          // Back in review after a reverted decline: the round it closed goes on.
          if (round?.status === 'closed' && stageAfter === 'review')
            await this.roundProgress.reopen(round.id);
          break;
      }
    }
  }
}
