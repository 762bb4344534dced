import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import type { DeclineInvitationDto } from './dto/review.dto';
import type { InvitationDescription } from './dto/reviewer-pages.response';
import type { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { ReviewFormsRepository } from './review-forms.repository';
import { ReviewMailer } from './review-mailer';
import { ReviewRoundsRepository } from './review-rounds.repository';
import { ReviewerAccess } from './reviewer-access.service';
import { ReviewerSubmissionRepository } from './reviewer-submission.repository';
import { reviewProblems } from './reviews.problems';
import { ReviewsRepository } from './reviews.repository';

export interface InvitationAnswer {
  id: string;
  status: 'accepted' | 'declined';
}

/**
 * A reviewer answers an invitation, signed in or through the email link (whose signed,
 * single-use token is then the credential): accepting starts the review with the form's
 * questions, declining tells the editors, and either way the link stops working.
 */
@Injectable()
export class InvitationAnswers {
  constructor(
    private readonly access: ReviewerAccess,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly rounds: ReviewRoundsRepository,
    private readonly forms: ReviewFormsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly submissions: ReviewerSubmissionRepository,
    private readonly events: SubmissionEvents,
    private readonly mailer: ReviewMailer,
  ) {}

  /**
   * The invitation as the email link shows it, before any sign-in: the journal, the section,
   * the anonymised title and abstract, the dates; no author, no file.
   */
  async describeByToken(token: string): Promise<InvitationDescription> {
    const assignment = await this.access.byToken(token);
    const [journal, round, metadata, sectionTitles] = await Promise.all([
      this.submissions.journal(assignment.journalId),
      this.rounds.get(assignment.roundId),
      this.submissions.metadata(assignment.submissionId),
      this.submissions.sectionTitles(assignment.submissionId),
    ]);
    return {
      assignment,
      round: round.number,
      journal: { slug: journal.slug, titles: journal.titles },
      // Only its titles: a section names no author.
      section: { titles: sectionTitles },
      metadata,
    };
  }

  @Transactional()
  async acceptByToken(token: string, actor: Actor): Promise<InvitationAnswer> {
    return this.accept(await this.access.byToken(token, true), actor);
  }

  @Transactional()
  async declineByToken(
    token: string,
    dto: DeclineInvitationDto,
    actor: Actor,
  ): Promise<InvitationAnswer> {
    return this.decline(await this.access.byToken(token, true), dto, actor);
  }

  @Transactional()
  async acceptSignedIn(
    user: Person,
    assignmentId: string,
    actor: Actor,
  ): Promise<InvitationAnswer> {
    return this.accept(await this.access.own(user.id, assignmentId, true), actor);
  }

  @Transactional()
  async declineSignedIn(
    user: Person,
    assignmentId: string,
    dto: DeclineInvitationDto,
    actor: Actor,
  ): Promise<InvitationAnswer> {
    return this.decline(await this.access.own(user.id, assignmentId, true), dto, actor);
  }

  private async accept(assignment: ReviewAssignment, actor: Actor): Promise<InvitationAnswer> {
    assertInvited(assignment);
    await this.assignments.update(assignment.id, {
      state: 'accepted',
      respondedAt: new Date(),
      responseNonce: null,
      overdueReminders: 0,
    });
    const form = assignment.reviewFormId ? await this.forms.byId(assignment.reviewFormId) : null;
    await this.reviews.start(assignment.id, form?.questions ?? []);
    await this.events.record(assignment.submissionId, actor, {
      kind: 'review_accepted',
      data: { assignmentId: assignment.id },
    });
    await this.mailer.withReviewLink(assignment.id, 'review-accepted');
    return { id: assignment.id, status: 'accepted' };
  }

  private async decline(
    assignment: ReviewAssignment,
    dto: DeclineInvitationDto,
    actor: Actor,
  ): Promise<InvitationAnswer> {
    assertInvited(assignment);
    await this.assignments.update(assignment.id, {
      state: 'declined',
      respondedAt: new Date(),
      responseNonce: null,
      declineReason: dto.reason?.trim() || null,
      suggestedReviewer: dto.suggestedReviewer?.trim() || null,
    });
    await this.events.record(assignment.submissionId, actor, {
      kind: 'review_declined',
      data: { assignmentId: assignment.id },
    });
    await this.mailer.plain(assignment.id, 'review-declined');
    await this.mailer.declinedToEditors(assignment.id);
    return { id: assignment.id, status: 'declined' };
  }
}

function assertInvited(assignment: ReviewAssignment): void {
  if (assignment.state !== 'invited')
    throw reviewProblems.raise(
      'invitation-answered',
      `This invitation was already answered or withdrawn (${assignment.state})`,
    );
}
