import { Injectable } from '@nestjs/common';
import { type FileDownload, fileDownload } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import type { Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { FileStorage } from '../storage/file-storage';
import { EditorialListing } from '../submissions';
import type { RoundWithAssignments } from './dto/review-assignment.response';
import type { ReviewAssignment } from './entities/review-assignment.entity';
import type { ReviewFile } from './entities/review-file.entity';
import type { Review } from './entities/review.entity';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { ReviewFilesRepository } from './review-files.repository';
import { ReviewRoundsRepository } from './review-rounds.repository';
import { ReviewsRepository } from './reviews.repository';

/**
 * What the editors of a submission read of its review: the rounds with their assignments, and
 * each review with the reviewer's files, confidential comments included.
 */
@Injectable()
export class ReviewRoundsService {
  constructor(
    private readonly listing: EditorialListing,
    private readonly rounds: ReviewRoundsRepository,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly files: ReviewFilesRepository,
    private readonly storage: FileStorage,
  ) {}

  /** Every round of the submission with its assignments, newest round first. */
  async ofSubmission(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
  ): Promise<RoundWithAssignments[]> {
    await this.listing.handled(journal, viewer, submissionId);
    const rounds = await this.rounds.ofSubmission(submissionId);
    const assignments = await this.assignments.ofSubmission(submissionId);
    const reviews = await this.reviews.ofAssignments(assignments.map((a) => a.id));
    return rounds.map((round) => ({
      round,
      assignments: assignments
        .filter((assignment) => assignment.roundId === round.id)
        .map((assignment) => {
          const review = reviews.find((candidate) => candidate.assignmentId === assignment.id);
          return {
            assignment,
            recommendation: review?.submittedAt ? review.recommendation : null,
          };
        }),
    }));
  }

  /** A review as the editors read it: everything, confidential comments included. */
  async review(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
  ): Promise<{ assignment: ReviewAssignment; review: Review | null; files: ReviewFile[] }> {
    await this.listing.handled(journal, viewer, submissionId);
    const assignment = await this.assignments.ofSubmissionWithReviewer(assignmentId, submissionId);
    if (!assignment) throw httpProblems.raise('not-found', 'There is no such review assignment');
    const [review, files] = await Promise.all([
      this.reviews.ofAssignment(assignmentId),
      this.files.ofAssignment(assignmentId),
    ]);
    return { assignment, review, files };
  }

  /** A reviewer's file as uploaded, for the editors. */
  async reviewerFile(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    fileId: string,
  ): Promise<FileDownload> {
    await this.listing.handled(journal, viewer, submissionId);
    const file = await this.files.ofSubmission(fileId, assignmentId, submissionId);
    if (!file) throw httpProblems.raise('not-found', 'There is no such reviewer file');
    return fileDownload(await this.storage.get(file.storageKey), {
      mediaType: file.mediaType,
      fileName: file.originalName,
    });
  }
}
