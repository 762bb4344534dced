import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { httpProblems } from '../common/problems/http.problems';
import { DAY_MS } from '../common/time';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { EditorialListing } from '../submissions';
import type { DueDatesDto } from './dto/review-assignment.dto';
import type { AssignmentState, ReviewAssignment } from './entities/review-assignment.entity';
import { JournalReviewers, messageFacts } from './journal-reviewers.service';
import { OPEN_STATES, ReviewAssignmentsRepository } from './review-assignments.repository';
import { ReviewMailer } from './review-mailer';
import { newResponseNonce } from './review-response-token';
import { ReviewRoundsRepository } from './review-rounds.repository';
import { defaultThanksMessage } from './review-texts';
import { reviewProblems } from './reviews.problems';
import { ReviewsRepository } from './reviews.repository';
import { SubmissionFactsRepository } from './submission-facts.repository';

/** States in which an assignment still asks something of its reviewer, and can be cancelled. */
const CAN_CANCEL: AssignmentState[] = OPEN_STATES;

/**
 * What editors change on an assignment: cancelling and reinstating it, its due dates, unlocking
 * a submitted review, rating it and thanking the reviewer. Each change is one transaction with
 * its history event and its email; each returns the assignment as it became.
 */
@Injectable()
export class AssignmentChanges {
  constructor(
    private readonly listing: EditorialListing,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly rounds: ReviewRoundsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly reviewers: JournalReviewers,
    private readonly submissions: SubmissionFactsRepository,
    private readonly events: SubmissionEvents,
    private readonly mailer: ReviewMailer,
  ) {}

  @Transactional()
  async cancel(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    notify: boolean,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const assignment = await this.assignment(journal, viewer, submissionId, assignmentId);
    if (!CAN_CANCEL.includes(assignment.state))
      throw reviewProblems.raise(
        'not-cancellable',
        `An assignment that is ${assignment.state} cannot be cancelled`,
      );
    await this.assignments.cancel(assignment.id);
    await this.events.record(submissionId, actor, {
      kind: 'review_cancelled',
      data: { assignmentId },
    });
    if (notify) await this.mailer.plain(assignment.id, 'review-cancelled');
    return this.assignments.get(assignmentId);
  }

  /** Undoes a cancellation: back to invited (with a new link) or accepted, as it was. */
  @Transactional()
  async reinstate(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    notify: boolean,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const assignment = await this.assignment(journal, viewer, submissionId, assignmentId);
    if (assignment.state !== 'cancelled')
      throw reviewProblems.raise('not-cancelled', 'Only a cancelled assignment can be reinstated');
    const round = await this.rounds.get(assignment.roundId);
    if (round.status !== 'in_review')
      throw reviewProblems.raise('round-not-in-review', 'Its review round is no longer open');
    const accepted = assignment.respondedAt !== null;
    const now = Date.now();
    await this.assignments.update(assignment.id, {
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
    });
    await this.events.record(submissionId, actor, {
      kind: 'review_reinstated',
      data: { assignmentId },
    });
    if (notify) {
      if (accepted) await this.mailer.withReviewLink(assignment.id, 'review-reinstated');
      else await this.mailer.invitation(assignment.id);
    }
    return this.assignments.get(assignmentId);
  }

  /** New due dates; reminders follow them (their keys include the date). */
  @Transactional()
  async changeDueDates(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    dto: DueDatesDto,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const assignment = await this.assignment(journal, viewer, submissionId, assignmentId);
    if (!CAN_CANCEL.includes(assignment.state))
      throw reviewProblems.raise(
        'not-open',
        `An assignment that is ${assignment.state} has no due dates to change`,
      );
    const responseDueAt = dto.responseDueAt ?? assignment.responseDueAt;
    const reviewDueAt = dto.reviewDueAt ?? assignment.reviewDueAt;
    if (reviewDueAt < responseDueAt)
      throw reviewProblems.raise('due-dates-order', 'The review cannot be due before the response');
    if ((dto.reviewDueAt ?? dto.responseDueAt ?? new Date()).getTime() <= Date.now() - DAY_MS)
      throw reviewProblems.raise('due-date-past', 'A new due date cannot be in the past');
    await this.assignments.update(assignment.id, {
      responseDueAt,
      reviewDueAt,
      overdueReminders: 0,
      escalatedAt: null,
    });
    await this.events.record(submissionId, actor, {
      kind: 'review_due_dates_changed',
      data: { assignmentId, responseDueAt, reviewDueAt },
    });
    return this.assignments.get(assignmentId);
  }

  /** Reopens a submitted review for changes, with at least a week to make them. */
  @Transactional()
  async unlock(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const assignment = await this.assignment(journal, viewer, submissionId, assignmentId);
    const review = await this.reviews.ofAssignment(assignmentId);
    if (assignment.state !== 'completed' || !review?.locked)
      throw reviewProblems.raise('not-locked', 'Only a submitted review can be unlocked');
    await this.reviews.update(review.id, { locked: false });
    const reviewDueAt =
      assignment.reviewDueAt.getTime() > Date.now()
        ? assignment.reviewDueAt
        : new Date(Date.now() + 7 * DAY_MS);
    await this.assignments.update(assignment.id, {
      state: 'accepted',
      completedAt: null,
      reviewDueAt,
      overdueReminders: 0,
      escalatedAt: null,
    });
    await this.events.record(submissionId, actor, {
      kind: 'review_unlocked',
      data: { assignmentId },
    });
    await this.mailer.withReviewLink(assignment.id, 'review-unlocked');
    return this.assignments.get(assignmentId);
  }

  /** The editors' private rating of a completed review, 1–5. */
  @Transactional()
  async rate(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    rating: number,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const assignment = await this.assignment(journal, viewer, submissionId, assignmentId);
    if (assignment.state !== 'completed')
      throw reviewProblems.raise('not-completed', 'Only a completed review can be rated');
    await this.assignments.update(assignment.id, { qualityRating: rating });
    await this.events.record(submissionId, actor, {
      kind: 'review_rated',
      data: { assignmentId, rating },
    });
    return this.assignments.get(assignmentId);
  }

  /** Thanks the reviewer of a completed review by email, once. */
  @Transactional()
  async thank(
    journal: Journal,
    viewer: Viewer,
    editor: Person,
    submissionId: string,
    assignmentId: string,
    message: string | undefined,
    actor: Actor,
  ): Promise<ReviewAssignment> {
    const assignment = await this.assignment(journal, viewer, submissionId, assignmentId);
    if (assignment.state !== 'completed')
      throw reviewProblems.raise('not-completed', 'Reviewers are thanked for completed reviews');
    if (assignment.thankedAt)
      throw reviewProblems.raise('already-thanked', 'This reviewer has already been thanked');
    await this.assignments.update(assignment.id, { thankedAt: new Date() });
    const reviewer = await this.reviewers.account(assignment.reviewerId);
    const facts = await this.submissions.facts(submissionId);
    await this.mailer.thanks(
      assignment.id,
      message ??
        defaultThanksMessage(reviewer.preferredLocale, messageFacts(reviewer, editor, facts)),
    );
    await this.events.record(submissionId, actor, {
      kind: 'reviewer_thanked',
      data: { assignmentId },
    });
    return this.assignments.get(assignmentId);
  }

  /** An assignment of a submission the viewer handles, locked for the change. */
  private async assignment(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
  ): Promise<ReviewAssignment> {
    await this.listing.handled(journal, viewer, submissionId);
    const assignment = await this.assignments.lockOfSubmission(assignmentId, submissionId);
    if (!assignment) throw httpProblems.raise('not-found', 'There is no such review assignment');
    return assignment;
  }
}
