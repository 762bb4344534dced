import { Injectable } from '@nestjs/common';
import { ProblemException } from '../common/http/problem.exception';
import type { Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { EditorialListing } from '../submissions';
import type { ReviewerHistory } from './dto/reviewer-record.response';
import { JournalReviewers } from './journal-reviewers.service';
import { ReviewerRecordsRepository } from './reviewer-records.repository';

const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * One reviewer's record in a journal: the assignments and the figures editors weigh (answers,
 * acceptance, time to complete, ratings), over the submissions the viewer may handle.
 */
@Injectable()
export class ReviewerHistoryService {
  constructor(
    private readonly listing: EditorialListing,
    private readonly reviewers: JournalReviewers,
    private readonly records: ReviewerRecordsRepository,
  ) {}

  async of(journal: Journal, viewer: Viewer, reviewerId: string): Promise<ReviewerHistory> {
    const reviewer = await this.reviewers.reviewerOf(journal.id, reviewerId);
    const visible = await this.handledSubmissionsOf(journal, viewer, reviewerId);
    const figures = await this.records.figures(journal.id, reviewerId, visible);
    const assignments = await this.records.assignments(journal.id, reviewerId, visible);
    const answered = figures.accepted + figures.declined;
    return {
      reviewer: {
        id: reviewer.id,
        names: reviewer.names,
        email: reviewer.email,
        interests: reviewer.reviewInterests,
      },
      invitations: figures.invitations,
      accepted: figures.accepted,
      declined: figures.declined,
      completed: figures.completed,
      acceptanceRate: answered ? Math.round((figures.accepted / answered) * 100) / 100 : null,
      medianDaysToComplete: figures.median_days === null ? null : tenth(figures.median_days),
      averageRating: figures.average_rating === null ? null : tenth(figures.average_rating),
      assignments,
    };
  }

  /**
   * The submissions this reviewer was asked to review that the viewer handles (a section editor
   * their sections' only), decided by the editorial listing's own rule (`handled`), so that the
   * history and the listing never disagree.
   */
  private async handledSubmissionsOf(
    journal: Journal,
    viewer: Viewer,
    reviewerId: string,
  ): Promise<string[]> {
    const asked = await this.records.submissionsAsked(journal.id, reviewerId);
    const handled = await Promise.all(
      asked.map((id) =>
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
}
