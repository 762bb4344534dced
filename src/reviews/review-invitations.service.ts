import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { DAY_MS } from '../common/time';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import { displayName, type Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { EditorialListing, type Submission } from '../submissions';
import type { InviteReviewerDto, ReinviteReviewersDto } from './dto/review-assignment.dto';
import type { InvitationDraft } from './dto/review-assignment.response';
import type { ConflictOfInterest, ReviewAssignment } from './entities/review-assignment.entity';
import type { ReviewRound } from './entities/review-round.entity';
import { JournalReviewers, messageFacts } from './journal-reviewers.service';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { ReviewFormsRepository } from './review-forms.repository';
import { ReviewMailer } from './review-mailer';
import { newResponseNonce } from './review-response-token';
import { ReviewRoundsRepository } from './review-rounds.repository';
import { defaultInvitationMessage } from './review-texts';
import { type ReviewerAccount, ReviewersRepository } from './reviewers.repository';
import { reviewProblems } from './reviews.problems';
import { day } from './email-facts';
import { SubmissionFactsRepository } from './submission-facts.repository';

/** What an editor knowingly went past when inviting, as the audit log records it. */
interface CapacityOverrides {
  despiteUnavailable?: true;
  overCapacity?: { openReviews: number; maxReviews: number };
}

/**
 * Inviting reviewers to the current round: one, or the previous round's again, each checked for
 * conflicts of interest, for being available and for the load they accept; the prefilled
 * invitation. Each invitation is recorded, audited and emailed in the inviting transaction.
 */
@Injectable()
export class ReviewInvitations {
  constructor(
    private readonly listing: EditorialListing,
    private readonly reviewers: JournalReviewers,
    private readonly people: ReviewersRepository,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly rounds: ReviewRoundsRepository,
    private readonly forms: ReviewFormsRepository,
    private readonly submissions: SubmissionFactsRepository,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
    private readonly mailer: ReviewMailer,
  ) {}

  /** The prefilled invitation text for a reviewer, in the reviewer's language. */
  async draft(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    reviewerId: string,
  ): Promise<InvitationDraft> {
    await this.listing.handled(journal, viewer, submissionId);
    const reviewer = await this.reviewers.reviewerOf(journal.id, reviewerId);
    const facts = await this.submissions.facts(submissionId);
    const locale = reviewer.preferredLocale;
    const reviewDueAt = new Date(Date.now() + journal.reviewDueDays * DAY_MS);
    const [conflicts] = [...(await this.people.conflicts(submissionId, [reviewerId])).values()];
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

  @Transactional()
  async invite(
    journal: Journal,
    viewer: Viewer,
    editor: Person,
    submissionId: string,
    dto: InviteReviewerDto,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const submission = await this.lockSubmission(journal, viewer, submissionId);
    const round = await this.roundInReview(submission);
    return this.createAssignment(journal, editor, submission, round, dto, actor);
  }

  /** Invites reviewers of the previous round again, in one action. */
  @Transactional()
  async reinvite(
    journal: Journal,
    viewer: Viewer,
    editor: Person,
    submissionId: string,
    dto: ReinviteReviewersDto,
    actor: Actor,
  ): Promise<ReviewAssignment[]> {
    const submission = await this.lockSubmission(journal, viewer, submissionId);
    const round = await this.roundInReview(submission);
    const previous = await this.rounds.numbered(submissionId, round.number - 1);
    if (!previous)
      throw reviewProblems.raise(
        'no-previous-round',
        'This is the first round: nobody to invite again',
      );
    const earlier = await this.assignments.inRound(previous.id);
    const chosen = dto.assignmentIds
      ? earlier.filter((assignment) => dto.assignmentIds!.includes(assignment.id))
      : earlier.filter((assignment) => assignment.state === 'completed');
    if (dto.assignmentIds && chosen.length !== dto.assignmentIds.length)
      throw reviewProblems.raise(
        'unknown-assignment',
        'Some assignments are not of the previous round',
      );
    const current = new Set((await this.assignments.inRound(round.id)).map((a) => a.reviewerId));
    const created: ReviewAssignment[] = [];
    // In reviewer order, so that two re-invitations lock the reviewers in the same order.
    const again = chosen
      .filter((assignment) => !current.has(assignment.reviewerId))
      .sort((a, b) => a.reviewerId.localeCompare(b.reviewerId));
    for (const assignment of again) {
      created.push(
        await this.createAssignment(
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
  }

  private async createAssignment(
    journal: Journal,
    editor: Person,
    submission: Submission,
    round: ReviewRound,
    dto: InviteReviewerDto,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const reviewer = await this.reviewers.reviewerOf(journal.id, dto.reviewerId);
    if (await this.assignments.existsInRound(round.id, reviewer.id))
      throw reviewProblems.raise(
        'already-invited',
        'This reviewer has already been invited in this round (reinstate the assignment instead)',
      );
    const conflicts = (await this.people.conflicts(submission.id, [reviewer.id])).get(reviewer.id)!;
    assertConflictsOverridden(conflicts, dto.conflictOverrideReason);
    const overrides = await this.assertCanTakeAnother(journal, reviewer, dto);

    const now = Date.now();
    const responseDueAt = dto.responseDueAt ?? new Date(now + journal.reviewResponseDays * DAY_MS);
    const reviewDueAt = dto.reviewDueAt ?? new Date(now + journal.reviewDueDays * DAY_MS);
    if (responseDueAt.getTime() <= now || reviewDueAt.getTime() <= now)
      throw reviewProblems.raise('due-date-past', 'Due dates must be in the future');
    if (reviewDueAt < responseDueAt)
      throw reviewProblems.raise('due-dates-order', 'The review cannot be due before the response');
    const reviewFormId = await this.formFor(journal, dto.reviewFormId);

    const facts = await this.submissions.facts(submission.id);
    const personalMessage =
      dto.personalMessage ??
      defaultInvitationMessage(reviewer.preferredLocale, {
        ...messageFacts(reviewer, editor, facts),
        reviewDueDate: day(reviewDueAt),
      });
    const assignment = await this.assignments.create({
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
    });
    await this.events.record(submission.id, actor, {
      kind: 'reviewer_invited',
      data: { assignmentId: assignment.id, round: round.number, reviewerId: reviewer.id },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'review_assignment',
      objectId: assignment.id,
      action: 'review.invited',
      after: { reviewerId: reviewer.id, round: round.number, conflicts, ...overrides },
    });
    await this.mailer.invitation(assignment.id);
    return this.assignments.get(assignment.id);
  }

  /**
   * Refuses a reviewer who said they are unavailable, or whose open reviews in this journal
   * (invited or accepted, the load the suggestions show) already reach their stated maximum,
   * unless the editor says they invite them knowingly. Returns what was overridden, for the
   * audit log.
   */
  private async assertCanTakeAnother(
    journal: Journal,
    reviewer: ReviewerAccount,
    dto: Pick<InviteReviewerDto, 'overCapacity' | 'despiteUnavailable'>,
  ): Promise<CapacityOverrides> {
    const name = displayName(reviewer.names) || 'This reviewer';
    const overrides: CapacityOverrides = {};
    if (!reviewer.availableForReview) {
      if (!dto.despiteUnavailable)
        throw reviewProblems.raise(
          'reviewer-unavailable',
          `${name} is not available for review (their profile says so); set despiteUnavailable: true to invite them anyway`,
          { reviewerId: reviewer.id },
        );
      overrides.despiteUnavailable = true;
    }
    await this.assignments.lockReviewer(reviewer.id);
    const openReviews = await this.assignments.countOpen(journal.id, reviewer.id);
    const maxReviews = reviewer.maxConcurrentReviews;
    if (openReviews >= maxReviews) {
      if (!dto.overCapacity)
        throw reviewProblems.raise(
          'reviewer-at-capacity',
          `${name} has ${openReviews} open review${openReviews === 1 ? '' : 's'} of the ${maxReviews} they accept; set overCapacity: true to invite them anyway`,
          { reviewerId: reviewer.id, openReviews, maxReviews },
        );
      overrides.overCapacity = { openReviews, maxReviews };
    }
    return overrides;
  }

  /** The form the invitation uses: the one asked for (active), else the journal's default. */
  private async formFor(journal: Journal, formId?: string): Promise<string | null> {
    if (formId) {
      const form = await this.forms.active(formId, journal.id);
      if (!form)
        throw reviewProblems.raise(
          'unknown-review-form',
          'No active review form with that id in this journal',
        );
      return form.id;
    }
    return (await this.forms.defaultOf(journal.id))?.id ?? null;
  }

  /** The handled submission, locked so that two invitations of one reviewer cannot race. */
  private async lockSubmission(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
  ): Promise<Submission> {
    const submission = await this.listing.handled(journal, viewer, submissionId);
    await this.assignments.lockSubmission(submission.id);
    return submission;
  }

  private async roundInReview(submission: Submission): Promise<ReviewRound> {
    if (submission.stage !== 'review')
      throw reviewProblems.raise(
        'not-in-review',
        `The submission is ${submission.stage}, not in review`,
      );
    const round = await this.rounds.latest(submission.id);
    if (!round || round.status !== 'in_review')
      throw reviewProblems.raise(
        'round-not-in-review',
        'The current round is waiting for the author’s revisions or a decision',
      );
    return round;
  }
}

/** A contributor never reviews; anyone else conflicted needs the editor's stated reason. */
function assertConflictsOverridden(conflicts: ConflictOfInterest[], reason?: string): void {
  if (conflicts.some((conflict) => conflict.kind === 'contributor'))
    throw reviewProblems.raise(
      'conflict-of-interest',
      'A contributor to the submission cannot review it',
      { conflicts },
    );
  if (conflicts.length && !reason?.trim())
    throw reviewProblems.raise(
      'conflict-of-interest',
      'This reviewer has a conflict of interest; state a reason (conflictOverrideReason) to invite them anyway',
      { conflicts },
    );
}
