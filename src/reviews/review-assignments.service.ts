import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import type { Person } from '../editorial/people';
import { recordEvent } from '../submissions/submission-events';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { JournalRole } from '../access/journal-role.entity';
import { displayName, User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { pickLocalized } from '../common/i18n/locale';
import { ProblemException } from '../common/http/problem.exception';
import type { Journal } from '../journals/journal.entity';
import { FileStorage } from '../storage/file-storage';
import { EditorialListing } from '../submissions/editorial-listing.service';
import { sendSubmissionFile } from '../submissions/file-download';
import type { Viewer } from '../editorial/request-context';
import type { Submission } from '../submissions/entities/submission.entity';
import type {
  DueDatesDto,
  InviteReviewerDto,
  ReinviteReviewersDto,
} from './dto/review-assignment.dto';
import {
  type AssignmentState,
  assignmentStatus,
  ReviewAssignment,
  type ConflictOfInterest,
} from './entities/review-assignment.entity';
import { ReviewFile } from './entities/review-file.entity';
import { ReviewForm } from './entities/review-form.entity';
import { ReviewRound } from './entities/review-round.entity';
import { Review } from './entities/review.entity';
import { DAY_MS } from '../common/time';
import { problem } from './review-problems';
import { newResponseNonce } from './review-response-token';
import { ReviewMailer } from './review-mailer';
import { defaultInvitationMessage, defaultThanksMessage } from './review-texts';
import { findConflicts } from './reviewer-conflicts';
import { day, loadSubmissionFacts, type SubmissionFacts } from './submission-facts';

const CAN_CANCEL = ['invited', 'accepted'];
/** An assignment that still asks something of its reviewer: it counts against their maximum. */
const OPEN_STATES: AssignmentState[] = ['invited', 'accepted'];

/** What an editor knowingly went past when inviting, as the audit log records it. */
interface CapacityOverrides {
  despiteUnavailable?: true;
  overCapacity?: { openReviews: number; maxReviews: number };
}

/**
 * The editor's side of peer review: rounds and their assignments, inviting (with conflict
 * checks), re-inviting earlier reviewers, cancelling and reinstating, due dates, reading,
 * unlocking, rating and thanking. Every change is one transaction with its emails.
 */
@Injectable()
export class ReviewAssignmentsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listing: EditorialListing,
    private readonly mailer: ReviewMailer,
    private readonly audit: AuditLog,
    private readonly storage: FileStorage,
  ) {}

  /** Every round of the submission with its assignments, newest round first. */
  async rounds(journal: Journal, viewer: Viewer, submissionId: string) {
    await this.listing.handled(journal, viewer, submissionId);
    const manager = this.dataSource.manager;
    const rounds = await manager.find(ReviewRound, {
      where: { submissionId },
      order: { number: 'DESC' },
    });
    const assignments = await manager.find(ReviewAssignment, {
      where: { submissionId },
      relations: { reviewer: true },
      order: { invitedAt: 'ASC' },
    });
    const reviews = assignments.length
      ? await manager.findBy(Review, { assignmentId: In(assignments.map((a) => a.id)) })
      : [];
    const now = new Date();
    return rounds.map((round) => ({
      ...round,
      assignments: assignments
        .filter((assignment) => assignment.roundId === round.id)
        .map((assignment) => {
          const review = reviews.find((candidate) => candidate.assignmentId === assignment.id);
          return {
            ...this.assignmentView(assignment, now),
            recommendation: review?.submittedAt ? review.recommendation : null,
          };
        }),
    }));
  }

  private assignmentView(assignment: ReviewAssignment, now = new Date()) {
    const { reviewer, responseNonce: _nonce, ...rest } = assignment;
    return {
      ...rest,
      status: assignmentStatus(assignment, now),
      reviewer: reviewer
        ? {
            id: reviewer.id,
            names: reviewer.names,
            email: reviewer.email,
            affiliation: reviewer.affiliation,
          }
        : undefined,
    };
  }

  /** The prefilled invitation text for a reviewer, in the reviewer's language. */
  async invitationDraft(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    reviewerId: string,
  ) {
    await this.listing.handled(journal, viewer, submissionId);
    const manager = this.dataSource.manager;
    const reviewer = await this.reviewerOf(manager, journal, reviewerId);
    const facts = await loadSubmissionFacts(manager, submissionId);
    const locale = reviewer.preferredLocale;
    const reviewDueAt = new Date(Date.now() + journal.reviewDueDays * DAY_MS);
    const [conflicts] = [...(await findConflicts(manager, submissionId, [reviewerId])).values()];
    return {
      locale,
      method: journal.reviewPolicy,
      responseDueAt: new Date(Date.now() + journal.reviewResponseDays * DAY_MS),
      reviewDueAt,
      conflicts,
      personalMessage: defaultInvitationMessage(locale, {
        ...messageFacts(reviewer, viewer.user, facts),
        reviewDueDate: day(reviewDueAt),
      }),
    };
  }

  async invite(
    journal: Journal,
    viewer: Viewer,
    editor: User,
    submissionId: string,
    dto: InviteReviewerDto,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    return inTransaction(this.transactions, async (manager) => {
      const submission = await this.lockSubmission(manager, journal, viewer, submissionId);
      const round = await this.roundInReview(manager, submission);
      return this.createAssignment(manager, journal, editor, submission, round, dto, actor);
    });
  }

  /** Invites reviewers of the previous round again, in one action. */
  async reinvite(
    journal: Journal,
    viewer: Viewer,
    editor: User,
    submissionId: string,
    dto: ReinviteReviewersDto,
    actor: Actor,
  ): Promise<ReviewAssignment[]> {
    return inTransaction(this.transactions, async (manager) => {
      const submission = await this.lockSubmission(manager, journal, viewer, submissionId);
      const round = await this.roundInReview(manager, submission);
      const previous = await manager.findOneBy(ReviewRound, {
        submissionId,
        number: round.number - 1,
      });
      if (!previous)
        throw problem(409, 'no-previous-round', 'This is the first round: nobody to invite again');
      const earlier = await manager.findBy(ReviewAssignment, { roundId: previous.id });
      const chosen = dto.assignmentIds
        ? earlier.filter((assignment) => dto.assignmentIds!.includes(assignment.id))
        : earlier.filter((assignment) => assignment.state === 'completed');
      if (dto.assignmentIds && chosen.length !== dto.assignmentIds.length)
        throw problem(422, 'unknown-assignment', 'Some assignments are not of the previous round');
      const current = new Set(
        (await manager.findBy(ReviewAssignment, { roundId: round.id })).map((a) => a.reviewerId),
      );
      const created: ReviewAssignment[] = [];
      // In reviewer order, so that two re-invitations lock the reviewers in the same order.
      const again = chosen
        .filter((assignment) => !current.has(assignment.reviewerId))
        .sort((a, b) => a.reviewerId.localeCompare(b.reviewerId));
      for (const assignment of again) {
        created.push(
          await this.createAssignment(
            manager,
            journal,
            editor,
            submission,
            round,
            {
              reviewerId: assignment.reviewerId,
              method: assignment.method,
              responseDueAt: dto.responseDueAt,
              reviewDueAt: dto.reviewDueAt,
              reviewFormId: assignment.reviewFormId ?? undefined,
              // Whoever was accepted despite a conflict before keeps the stated reason.
              conflictOverrideReason: assignment.conflictOverrideReason ?? undefined,
              overCapacity: dto.overCapacity,
              despiteUnavailable: dto.despiteUnavailable,
            },
            actor,
          ),
        );
      }
      return created;
    });
  }

  private async createAssignment(
    manager: EntityManager,
    journal: Journal,
    editor: User,
    submission: Submission,
    round: ReviewRound,
    dto: InviteReviewerDto,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const reviewer = await this.reviewerOf(manager, journal, dto.reviewerId);
    if (await manager.existsBy(ReviewAssignment, { roundId: round.id, reviewerId: reviewer.id }))
      throw problem(
        409,
        'already-invited',
        'This reviewer has already been invited in this round (reinstate the assignment instead)',
      );
    const conflicts = (await findConflicts(manager, submission.id, [reviewer.id])).get(
      reviewer.id,
    )!;
    this.assertConflictsOverridden(conflicts, dto.conflictOverrideReason);
    const overrides = await this.assertCanTakeAnother(manager, journal, reviewer, dto);

    const now = Date.now();
    const responseDueAt = dto.responseDueAt ?? new Date(now + journal.reviewResponseDays * DAY_MS);
    const reviewDueAt = dto.reviewDueAt ?? new Date(now + journal.reviewDueDays * DAY_MS);
    if (responseDueAt.getTime() <= now || reviewDueAt.getTime() <= now)
      throw problem(422, 'due-date-past', 'Due dates must be in the future');
    if (reviewDueAt < responseDueAt)
      throw problem(422, 'due-dates-order', 'The review cannot be due before the response');
    const reviewFormId = await this.formFor(manager, journal, dto.reviewFormId);

    const facts = await loadSubmissionFacts(manager, submission.id);
    const locale = reviewer.preferredLocale;
    const personalMessage =
      dto.personalMessage ??
      defaultInvitationMessage(locale, {
        ...messageFacts(reviewer, editor, facts),
        reviewDueDate: day(reviewDueAt),
      });
    const assignment = await manager.save(
      manager.create(ReviewAssignment, {
        journalId: journal.id,
        submissionId: submission.id,
        roundId: round.id,
        reviewerId: reviewer.id,
        invitedById: editor.id,
        method: dto.method ?? journal.reviewPolicy,
        responseDueAt,
        reviewDueAt,
        personalMessage,
        reviewFormId,
        conflicts,
        conflictOverrideReason: conflicts.length ? dto.conflictOverrideReason!.trim() : null,
        responseNonce: newResponseNonce(),
      }),
    );
    await this.event(manager, submission.id, actor, 'reviewer_invited', {
      assignmentId: assignment.id,
      round: round.number,
      reviewerId: reviewer.id,
    });
    await this.audit.record(manager, {
      actor,
      journalId: journal.id,
      objectType: 'review_assignment',
      objectId: assignment.id,
      action: 'review.invited',
      after: { reviewerId: reviewer.id, round: round.number, conflicts, ...overrides },
    });
    await this.mailer.invitation(manager, assignment.id);
    return manager.findOneByOrFail(ReviewAssignment, { id: assignment.id });
  }

  /**
   * Refuses a reviewer who said they are unavailable, or whose open reviews in this journal
   * (invited or accepted, the load the suggestions show) already reach their stated maximum,
   * unless the editor says they invite them knowingly. Returns what was overridden, for the
   * audit log.
   */
  private async assertCanTakeAnother(
    manager: EntityManager,
    journal: Journal,
    reviewer: User,
    dto: Pick<InviteReviewerDto, 'overCapacity' | 'despiteUnavailable'>,
  ): Promise<CapacityOverrides> {
    const name = displayName(reviewer.names) || 'This reviewer';
    const overrides: CapacityOverrides = {};
    if (!reviewer.availableForReview) {
      if (!dto.despiteUnavailable)
        throw new ProblemException({
          status: 409,
          type: 'urn:tahkim:problem:reviewer-unavailable',
          title: 'Reviewer unavailable',
          detail: `${name} is not available for review (their profile says so); set despiteUnavailable: true to invite them anyway`,
          extensions: { reviewerId: reviewer.id },
        });
      overrides.despiteUnavailable = true;
    }
    // Serialises invitations of one reviewer, so two editors cannot both take the last place.
    await manager.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [reviewer.id]);
    const openReviews = await manager.countBy(ReviewAssignment, {
      journalId: journal.id,
      reviewerId: reviewer.id,
      state: In(OPEN_STATES),
    });
    const maxReviews = reviewer.maxConcurrentReviews;
    if (openReviews >= maxReviews) {
      if (!dto.overCapacity)
        throw new ProblemException({
          status: 409,
          type: 'urn:tahkim:problem:reviewer-at-capacity',
          title: 'Reviewer at capacity',
          detail: `${name} has ${openReviews} open review${openReviews === 1 ? '' : 's'} of the ${maxReviews} they accept; set overCapacity: true to invite them anyway`,
          extensions: { reviewerId: reviewer.id, openReviews, maxReviews },
        });
      overrides.overCapacity = { openReviews, maxReviews };
    }
    return overrides;
  }

  private assertConflictsOverridden(conflicts: ConflictOfInterest[], reason?: string): void {
    if (conflicts.some((conflict) => conflict.kind === 'contributor'))
      throw new ProblemException({
        status: 409,
        type: 'urn:tahkim:problem:conflict-of-interest',
        title: 'Conflict of interest',
        detail: 'A contributor to the submission cannot review it',
        extensions: { conflicts },
      });
    if (conflicts.length && !reason?.trim())
      throw new ProblemException({
        status: 409,
        type: 'urn:tahkim:problem:conflict-of-interest',
        title: 'Conflict of interest',
        detail:
          'This reviewer has a conflict of interest; state a reason (conflictOverrideReason) to invite them anyway',
        extensions: { conflicts },
      });
  }

  async cancel(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    notify: boolean,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    return this.change(journal, viewer, submissionId, assignmentId, async (manager, assignment) => {
      if (!CAN_CANCEL.includes(assignment.state))
        throw problem(
          409,
          'not-cancellable',
          `An assignment that is ${assignment.state} cannot be cancelled`,
        );
      await manager.update(
        ReviewAssignment,
        { id: assignment.id },
        { state: 'cancelled', cancelledAt: new Date(), responseNonce: null },
      );
      await this.event(manager, submissionId, actor, 'review_cancelled', { assignmentId });
      if (notify) await this.mailer.simple(manager, assignment.id, 'review-cancelled');
    });
  }

  /** Undoes a cancellation: back to invited (with a new link) or accepted, as it was. */
  async reinstate(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    notify: boolean,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    return this.change(journal, viewer, submissionId, assignmentId, async (manager, assignment) => {
      if (assignment.state !== 'cancelled')
        throw problem(409, 'not-cancelled', 'Only a cancelled assignment can be reinstated');
      const round = await manager.findOneByOrFail(ReviewRound, { id: assignment.roundId });
      if (round.status !== 'in_review')
        throw problem(409, 'round-not-in-review', 'Its review round is no longer open');
      const accepted = assignment.respondedAt !== null;
      const now = Date.now();
      await manager.update(
        ReviewAssignment,
        { id: assignment.id },
        {
          state: accepted ? 'accepted' : 'invited',
          cancelledAt: null,
          responseNonce: accepted ? null : newResponseNonce(),
          // A date that passed while cancelled moves forward, or reminders would fire at once.
          responseDueAt:
            assignment.responseDueAt.getTime() > now
              ? assignment.responseDueAt
              : new Date(now + journal.reviewResponseDays * DAY_MS),
          reviewDueAt:
            assignment.reviewDueAt.getTime() > now
              ? assignment.reviewDueAt
              : new Date(now + journal.reviewDueDays * DAY_MS),
          overdueReminders: 0,
          escalatedAt: null,
        },
      );
      await this.event(manager, submissionId, actor, 'review_reinstated', { assignmentId });
      if (notify) {
        if (accepted) await this.mailer.withReviewLink(manager, assignment.id, 'review-reinstated');
        else await this.mailer.invitation(manager, assignment.id);
      }
    });
  }

  /** New due dates; reminders follow them (their keys include the date). */
  async changeDueDates(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    dto: DueDatesDto,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    return this.change(journal, viewer, submissionId, assignmentId, async (manager, assignment) => {
      if (!CAN_CANCEL.includes(assignment.state))
        throw problem(
          409,
          'not-open',
          `An assignment that is ${assignment.state} has no due dates to change`,
        );
      const responseDueAt = dto.responseDueAt ?? assignment.responseDueAt;
      const reviewDueAt = dto.reviewDueAt ?? assignment.reviewDueAt;
      if (reviewDueAt < responseDueAt)
        throw problem(422, 'due-dates-order', 'The review cannot be due before the response');
      if ((dto.reviewDueAt ?? dto.responseDueAt ?? new Date()).getTime() <= Date.now() - DAY_MS)
        throw problem(422, 'due-date-past', 'A new due date cannot be in the past');
      await manager.update(
        ReviewAssignment,
        { id: assignment.id },
        { responseDueAt, reviewDueAt, overdueReminders: 0, escalatedAt: null },
      );
      await this.event(manager, submissionId, actor, 'review_due_dates_changed', {
        assignmentId,
        responseDueAt,
        reviewDueAt,
      });
    });
  }

  /** A completed review as the editor reads it: everything, confidential comments included. */
  async review(journal: Journal, viewer: Viewer, submissionId: string, assignmentId: string) {
    await this.listing.handled(journal, viewer, submissionId);
    const assignment = await this.dataSource.manager.findOne(ReviewAssignment, {
      where: { id: assignmentId, submissionId },
      relations: { reviewer: true },
    });
    if (!assignment) throw problem(404, 'not-found', 'There is no such review assignment');
    const [review, files] = await Promise.all([
      this.dataSource.manager.findOneBy(Review, { assignmentId }),
      this.dataSource.manager.find(ReviewFile, {
        where: { assignmentId },
        order: { createdAt: 'ASC' },
      }),
    ]);
    return { assignment: this.assignmentView(assignment), review, files };
  }

  /** A reviewer's file as uploaded, for the editors. */
  async sendReviewFile(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    fileId: string,
    response: Response,
  ): Promise<void> {
    await this.listing.handled(journal, viewer, submissionId);
    const file = await this.dataSource.manager
      .createQueryBuilder(ReviewFile, 'f')
      .innerJoin(ReviewAssignment, 'a', 'a.id = f.assignment_id')
      .where('f.id = :fileId AND a.id = :assignmentId AND a.submission_id = :submissionId', {
        fileId,
        assignmentId,
        submissionId,
      })
      .getOne();
    if (!file) throw problem(404, 'not-found', 'There is no such reviewer file');
    await sendSubmissionFile(response, this.storage, file, file.storageKey);
  }

  async unlock(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    return this.change(journal, viewer, submissionId, assignmentId, async (manager, assignment) => {
      const review = await manager.findOneBy(Review, { assignmentId });
      if (assignment.state !== 'completed' || !review?.locked)
        throw problem(409, 'not-locked', 'Only a submitted review can be unlocked');
      await manager.update(Review, { id: review.id }, { locked: false });
      const reviewDueAt =
        assignment.reviewDueAt.getTime() > Date.now()
          ? assignment.reviewDueAt
          : new Date(Date.now() + 7 * DAY_MS);
      await manager.update(
        ReviewAssignment,
        { id: assignment.id },
        {
          state: 'accepted',
          completedAt: null,
          reviewDueAt,
          overdueReminders: 0,
          escalatedAt: null,
        },
      );
      await this.event(manager, submissionId, actor, 'review_unlocked', { assignmentId });
      await this.mailer.withReviewLink(manager, assignment.id, 'review-unlocked');
    });
  }

  async rate(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    rating: number,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    return this.change(journal, viewer, submissionId, assignmentId, async (manager, assignment) => {
      if (assignment.state !== 'completed')
        throw problem(409, 'not-completed', 'Only a completed review can be rated');
      await manager.update(ReviewAssignment, { id: assignment.id }, { qualityRating: rating });
      await this.event(manager, submissionId, actor, 'review_rated', { assignmentId, rating });
    });
  }

  async thank(
    journal: Journal,
    viewer: Viewer,
    editor: User,
    submissionId: string,
    assignmentId: string,
    message: string | undefined,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    return this.change(journal, viewer, submissionId, assignmentId, async (manager, assignment) => {
      if (assignment.state !== 'completed')
        throw problem(409, 'not-completed', 'Reviewers are thanked for completed reviews');
      if (assignment.thankedAt)
        throw problem(409, 'already-thanked', 'This reviewer has already been thanked');
      await manager.update(ReviewAssignment, { id: assignment.id }, { thankedAt: new Date() });
      const reviewer = await manager.findOneByOrFail(User, { id: assignment.reviewerId });
      const facts = await loadSubmissionFacts(manager, submissionId);
      await this.mailer.thanks(
        manager,
        assignment.id,
        message ??
          defaultThanksMessage(reviewer.preferredLocale, messageFacts(reviewer, editor, facts)),
      );
      await this.event(manager, submissionId, actor, 'reviewer_thanked', { assignmentId });
    });
  }

  /**
   * One reviewer's record in this journal: the assignments and the figures editors weigh, over
   * the submissions this viewer may handle (a section editor sees their sections' only).
   */
  async reviewerHistory(journal: Journal, viewer: Viewer, reviewerId: string) {
    const reviewer = await this.reviewerOf(this.dataSource.manager, journal, reviewerId);
    const visible = await this.handledSubmissionsOf(journal, viewer, reviewerId);
    const [stats]: {
      invitations: number;
      accepted: number;
      declined: number;
      completed: number;
      median_days: number | null;
      average_rating: number | null;
    }[] = await this.dataSource.query(
      `SELECT count(*)::int AS invitations,
              count(*) FILTER (WHERE responded_at IS NOT NULL AND state <> 'declined')::int AS accepted,
              count(*) FILTER (WHERE state = 'declined')::int AS declined,
              count(*) FILTER (WHERE state = 'completed')::int AS completed,
              percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM completed_at - responded_at) / 86400
              ) FILTER (WHERE state = 'completed')::float8 AS median_days,
              avg(quality_rating)::float8 AS average_rating
         FROM review_assignments
        WHERE journal_id = $1 AND reviewer_id = $2 AND submission_id = ANY($3::uuid[])`,
      [journal.id, reviewerId, visible],
    );
    const assignments = await this.dataSource.manager.find(ReviewAssignment, {
      where: { journalId: journal.id, reviewerId, submissionId: In(visible) },
      order: { invitedAt: 'DESC' },
      take: 200,
    });
    const answered = stats.accepted + stats.declined;
    return {
      reviewer: {
        id: reviewer.id,
        names: reviewer.names,
        email: reviewer.email,
        interests: reviewer.reviewInterests,
      },
      invitations: stats.invitations,
      accepted: stats.accepted,
      declined: stats.declined,
      completed: stats.completed,
      acceptanceRate: answered ? Math.round((stats.accepted / answered) * 100) / 100 : null,
      medianDaysToComplete:
        stats.median_days === null ? null : Math.round(stats.median_days * 10) / 10,
      averageRating:
        stats.average_rating === null ? null : Math.round(stats.average_rating * 10) / 10,
      assignments: assignments.map((assignment) => this.assignmentView(assignment)),
    };
  }

  /**
   * The submissions this reviewer was asked to review that the viewer handles, decided by the
   * editorial listing's own rule (`handled`), so that the history and the listing never disagree.
   */
  private async handledSubmissionsOf(
    journal: Journal,
    viewer: Viewer,
    reviewerId: string,
  ): Promise<string[]> {
    const rows: { submission_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT submission_id FROM review_assignments WHERE journal_id = $1 AND reviewer_id = $2',
      [journal.id, reviewerId],
    );
    const handled = await Promise.all(
      rows.map(({ submission_id: id }) =>
        this.listing.handled(journal, viewer, id).then(
          () => id,
          (error: unknown) => {
            if (error instanceof ProblemException && error.problem.status === 404) return null;
            throw error;
          },
        ),
      ),
    );
    return handled.filter((id): id is string => id !== null);
  }

  /** Loads an assignment of a handled submission, applies `apply` and returns the result. */
  private async change(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    apply: (manager: EntityManager, assignment: ReviewAssignment) => Promise<void>,
  ): Promise<ReviewAssignment> {
    await this.listing.handled(journal, viewer, submissionId);
    return inTransaction(this.transactions, async (manager) => {
      const assignment = await manager.findOne(ReviewAssignment, {
        where: { id: assignmentId, submissionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!assignment) throw problem(404, 'not-found', 'There is no such review assignment');
      await apply(manager, assignment);
      return manager.findOneByOrFail(ReviewAssignment, { id: assignmentId });
    });
  }

  private async lockSubmission(
    manager: EntityManager,
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
  ): Promise<Submission> {
    const submission = await this.listing.handled(journal, viewer, submissionId);
    // Serialises invitations of one submission, so "twice in a round" cannot race.
    await manager.query('SELECT 1 FROM submissions WHERE id = $1 FOR UPDATE', [submission.id]);
    return submission;
  }

  private async roundInReview(
    manager: EntityManager,
    submission: Submission,
  ): Promise<ReviewRound> {
    if (submission.stage !== 'review')
      throw problem(409, 'not-in-review', `The submission is ${submission.stage}, not in review`);
    const round = await manager.findOne(ReviewRound, {
      where: { submissionId: submission.id },
      order: { number: 'DESC' },
    });
    if (!round || round.status !== 'in_review')
      throw problem(
        409,
        'round-not-in-review',
        'The current round is waiting for the author’s revisions or a decision',
      );
    return round;
  }

  /** A person with the reviewer role in this journal; 422 otherwise. */
  private async reviewerOf(
    manager: EntityManager,
    journal: Journal,
    reviewerId: string,
  ): Promise<User> {
    const isReviewer = await manager.existsBy(JournalRole, {
      journalId: journal.id,
      userId: reviewerId,
      role: 'reviewer',
    });
    const reviewer = isReviewer ? await manager.findOneBy(User, { id: reviewerId }) : null;
    if (!reviewer || reviewer.status === 'deleted')
      throw problem(
        422,
        'not-a-reviewer',
        'This person is not a reviewer of this journal (enrol them with the reviewer role first)',
      );
    return reviewer;
  }

  private async formFor(
    manager: EntityManager,
    journal: Journal,
    formId?: string,
  ): Promise<string | null> {
    if (formId) {
      const form = await manager.findOneBy(ReviewForm, {
        id: formId,
        journalId: journal.id,
        active: true,
      });
      if (!form)
        throw problem(
          422,
          'unknown-review-form',
          'No active review form with that id in this journal',
        );
      return form.id;
    }
    // The form a manager marked default, else the newest active one: a journal with a form
    // never sends a reviewer an empty one because nobody ticked "default".
    const fallback = await manager.findOne(ReviewForm, {
      where: { journalId: journal.id, active: true },
      order: { isDefault: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
    return fallback?.id ?? null;
  }

  private event(
    manager: EntityManager,
    submissionId: string,
    actor: Actor,
    kind: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    // Review events are never author-visible: they would tell who reviews.
    return recordEvent(manager, submissionId, actor, kind, data, false);
  }
}

/** What the prefilled invitation and thanks say, in the reviewer's language. */
function messageFacts(reviewer: User, editor: Person | null, facts: SubmissionFacts) {
  const locale = reviewer.preferredLocale;
  return {
    reviewerName: displayName(reviewer.names, locale),
    journalTitle: pickLocalized(facts.journal.titles, locale) ?? '',
    title: facts.titleIn(locale),
    editorName: editor ? displayName(editor.names, locale) : '',
  };
}
