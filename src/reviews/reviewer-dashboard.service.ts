import { Injectable } from '@nestjs/common';
import { type FileDownload, fileDownload } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import type { Person } from '../editorial/people';
import { FileStorage } from '../storage/file-storage';
import type { DashboardItem, ReviewerAssignmentView } from './dto/reviewer-pages.response';
import type { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewAssignmentsRepository } from './review-assignments.repository';
import { ReviewFilesRepository } from './review-files.repository';
import { ReviewFormsRepository } from './review-forms.repository';
import { ReviewRoundsRepository } from './review-rounds.repository';
import { ReviewerAccess } from './reviewer-access.service';
import { ReviewerSubmissionRepository } from './reviewer-submission.repository';
import { reviewProblems } from './reviews.problems';
import { ReviewsRepository } from './reviews.repository';
import { type RoundFile, roundFiles } from './round-files';

const working = (assignment: ReviewAssignment) =>
  assignment.state === 'accepted' || assignment.state === 'completed';

/**
 * The reviewer's pages: their invitations and reviews across journals, one assignment with the
 * submission as they may see it (the authors only in anonymous and open review, the files once
 * they accept), and the round's files under neutral names.
 */
@Injectable()
export class ReviewerDashboard {
  constructor(
    private readonly access: ReviewerAccess,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly rounds: ReviewRoundsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly forms: ReviewFormsRepository,
    private readonly files: ReviewFilesRepository,
    private readonly submissions: ReviewerSubmissionRepository,
    private readonly storage: FileStorage,
  ) {}

  /** Pending invitations, active reviews and completed ones, across journals. */
  async dashboard(
    user: Person,
  ): Promise<Record<'invitations' | 'active' | 'completed', DashboardItem[]>> {
    const assignments = await this.assignments.ofReviewerEverywhere(user.id);
    const ids = assignments.map((assignment) => assignment.submissionId);
    const [titles, sections] = await Promise.all([
      this.submissions.titles(ids),
      this.submissions.sectionTitlesOf(ids),
    ]);
    const items = (state: ReviewAssignment['state']) =>
      assignments
        .filter((assignment) => assignment.state === state)
        .map((assignment) => ({
          assignment,
          titles: titles.get(assignment.submissionId) ?? {},
          section: sections.get(assignment.submissionId) ?? {},
        }));
    return {
      invitations: items('invited'),
      active: items('accepted'),
      completed: items('completed'),
    };
  }

  /** What the reviewer may see. Authors only in anonymous/open review; files after accepting. */
  async view(user: Person, assignmentId: string): Promise<ReviewerAssignmentView> {
    const assignment = await this.access.own(user.id, assignmentId);
    const submission = await this.submissions.submission(assignment.submissionId);
    const journal = await this.submissions.journal(assignment.journalId);
    const round = await this.rounds.get(assignment.roundId);
    const metadata = await this.submissions.metadata(assignment.submissionId, true);
    const authorsShown = assignment.method !== 'double_anonymous';
    const contributors = authorsShown
      ? await this.submissions.byline(assignment.submissionId)
      : null;
    const review = await this.reviews.ofAssignment(assignmentId);
    const form =
      !review && assignment.reviewFormId ? await this.forms.byId(assignment.reviewFormId) : null;
    return {
      assignment,
      round: round.number,
      journal: { slug: journal.slug, titles: journal.titles },
      submission: { ...submission, metadata, contributors },
      files: working(assignment) ? await this.roundFiles(assignment, round.fileVersion) : [],
      questions: review?.questions ?? form?.questions ?? [],
      review,
      reviewFiles: working(assignment) ? await this.files.ofAssignment(assignmentId) : [],
    };
  }

  /** A file of the round: what `roundFiles` says this reviewer may receive. */
  async roundFile(user: Person, assignmentId: string, fileId: string): Promise<FileDownload> {
    const assignment = await this.access.own(user.id, assignmentId);
    if (!working(assignment))
      throw reviewProblems.raise(
        'files-before-acceptance',
        'Files become available once you accept the invitation',
      );
    const round = await this.rounds.get(assignment.roundId);
    const file = (await this.roundFiles(assignment, round.fileVersion)).find(
      (candidate) => candidate.id === fileId,
    );
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this review');
    return fileDownload(await this.storage.get(file.key), {
      mediaType: file.mediaType,
      fileName: file.name,
    });
  }

  private async roundFiles(assignment: ReviewAssignment, version: number): Promise<RoundFile[]> {
    return roundFiles(
      await this.submissions.files(assignment.submissionId),
      version,
      assignment.method === 'double_anonymous',
    );
  }
}
