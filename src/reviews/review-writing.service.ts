import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import type { ReviewDraftDto } from './dto/review.dto';
import type { Review } from './entities/review.entity';
import { checkAnswers } from './review-answers';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { ReviewMailer } from './review-mailer';
import { RECOMMENDATION_NAMES } from './review-texts';
import { ReviewerAccess } from './reviewer-access.service';
import { reviewProblems } from './reviews.problems';
import { ReviewsRepository } from './reviews.repository';

/**
 * The review itself, as its reviewer writes it: autosaved drafts of any part while it is open,
 * then submitted complete, which locks it and tells the editors. A save or a submission that
 * carries the `lockVersion` it was made on is refused (409 stale-review, nothing changed) when
 * the review changed since; checked under the review's row lock, so two clients cannot both
 * pass it. Without one it is taken as it comes.
 */
@Injectable()
export class ReviewWriting {
  constructor(
    private readonly access: ReviewerAccess,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly events: SubmissionEvents,
    private readonly mailer: ReviewMailer,
  ) {}

  /** Autosave: any part of the review, while it is not locked. */
  @Transactional()
  async saveDraft(user: Person, assignmentId: string, dto: ReviewDraftDto): Promise<Review> {
    const { review } = await this.access.editable(user.id, assignmentId);
    assertCurrent(review, dto.lockVersion);
    const changes = changesOf(review, dto, false);
    if (Object.keys(changes).length) await this.reviews.update(review.id, changes as never);
    return this.reviews.get(review.id);
  }

  /** Submits the review (with a last set of changes): complete, then locked. */
  @Transactional()
  async submit(
    user: Person,
    assignmentId: string,
    dto: ReviewDraftDto,
    actor: Actor,
  ): Promise<Review> {
    const { assignment, review } = await this.access.editable(user.id, assignmentId);
    assertCurrent(review, dto.lockVersion);
    const merged = { ...review, ...changesOf(review, dto, true) };
    if (!merged.recommendation)
      throw new RequestValidationException([
        { field: 'recommendation', messages: ['a review needs a recommendation'] },
      ]);
    const recommendation = merged.recommendation;
    const now = new Date();
    await this.reviews.update(review.id, {
      answers: merged.answers as never,
      recommendation,
      commentsForAuthor: merged.commentsForAuthor,
      commentsForEditor: merged.commentsForEditor,
      competingInterests: merged.competingInterests,
      submittedAt: now,
      locked: true,
    });
    await this.assignments.update(assignment.id, { state: 'completed', completedAt: now });
    await this.events.record(assignment.submissionId, actor, {
      kind: 'review_submitted',
      data: { assignmentId: assignment.id, recommendation },
    });
    await this.mailer.submittedToEditors(
      assignment.id,
      (locale) => RECOMMENDATION_NAMES[locale][recommendation],
    );
    return this.reviews.get(review.id);
  }
}

/** Refuses a change made on another version of the review than the one locked now. */
function assertCurrent(review: Review, lockVersion: number | undefined): void {
  if (lockVersion !== undefined && lockVersion !== review.lockVersion)
    throw reviewProblems.raise(
      'stale-review',
      `The review changed meanwhile (it is at version ${review.lockVersion}, not ${lockVersion}): reload it`,
      { lockVersion: review.lockVersion },
    );
}

/** What a draft changes of the review; `complete` also checks every required answer. */
function changesOf(review: Review, dto: ReviewDraftDto, complete: boolean): Partial<Review> {
  const changes: Partial<Review> = {};
  const answers = { ...review.answers, ...(dto.answers ?? {}) };
  const checked = checkAnswers(review.questions, answers, complete);
  if (checked.errors.length) throw new RequestValidationException(checked.errors);
  if (dto.answers || complete) changes.answers = checked.answers;
  if (dto.recommendation !== undefined) changes.recommendation = dto.recommendation;
  if (dto.commentsForAuthor !== undefined) changes.commentsForAuthor = dto.commentsForAuthor;
  if (dto.commentsForEditor !== undefined) changes.commentsForEditor = dto.commentsForEditor;
  if (dto.competingInterests !== undefined) changes.competingInterests = dto.competingInterests;
  return changes;
}
