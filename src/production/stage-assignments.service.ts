import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { JournalRoles } from '../access';
import { People } from '../accounts';
import { AuditLog } from '../audit/audit-log.service';
import { type FileDownload, fileDownload } from '../common/http/files';
import { ProblemException } from '../common/http/problem.exception';
import { httpProblems } from '../common/problems/http.problems';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import { ROLE_NAMES } from '../editorial/roles';
import type { Journal } from '../journals';
import { FileStorage } from '../storage/file-storage';
import { EditorialListing, SubmissionChanges } from '../submissions';
import type { StageAssignmentDto } from './dto/production.dto';
import type { StageAssignment } from './entities/stage-assignment.entity';
import { ParticipantsRepository } from './participants.repository';
import { ProductionMailer } from './production-mailer';
import { STAGE_ROLES, WORKING_STAGES } from './production-stages';
import {
  type ProductionSubmission,
  ProductionSubmissionsRepository,
  type StageFile,
} from './production-submissions.repository';
import { productionProblems } from './production.problems';
import { StageAssignmentsRepository } from './stage-assignments.repository';

/** The kinds of file that can be marked as the source for typesetting. */
const GALLEY_SOURCE_GENRES = ['manuscript', 'copyedited'];

/** Who works on which stage, the files they work from, and the version to typeset. */
export interface StageWork {
  stage: ProductionSubmission['stage'];
  /** Removed assignments included. */
  assignments: StageAssignment[];
  galleySource: StageFile | null;
  files: StageFile[];
}

type Reachable = Pick<ProductionSubmission, 'id' | 'stage' | 'galleySourceFileId'>;

const notFound = () =>
  httpProblems.raise('not-found', 'There is no such submission for you to work on in this journal');

/**
 * Copyeditors and production editors on a submission: editors who handle it assign and remove
 * them; the assignees see who works on it, its files and the galley source. The galley source
 * (the version to typeset) is marked by the editors or the production editor, in production.
 */
@Injectable()
export class StageAssignmentsService {
  constructor(
    private readonly assignments: StageAssignmentsRepository,
    private readonly submissions: ProductionSubmissionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly listing: EditorialListing,
    private readonly roles: JournalRoles,
    private readonly people: People,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
    private readonly mailer: ProductionMailer,
    private readonly storage: FileStorage,
    private readonly changes: SubmissionChanges,
  ) {}

  /** Who works on which stage (removed assignments included), the files and the galley source. */
  async list(journal: Journal, viewer: Viewer, submissionId: string): Promise<StageWork> {
    const { submission } = await this.reachable(journal, viewer, submissionId);
    const [assignments, files] = await Promise.all([
      this.assignments.ofSubmission(submissionId),
      this.submissions.workFiles(submissionId),
    ]);
    return {
      stage: submission.stage,
      assignments,
      galleySource: files.find((file) => file.id === submission.galleySourceFileId) ?? null,
      files,
    };
  }

  @Transactional()
  async assign(
    journal: Journal,
    viewer: Viewer,
    assigner: Person,
    submissionId: string,
    dto: StageAssignmentDto,
    actor: Actor,
  ): Promise<StageAssignment> {
    await this.listing.handled(journal, viewer, submissionId);
    // Serialises assignments of one submission; the partial unique index backs it up.
    const submission = await this.submissions.lock(submissionId);
    if (!WORKING_STAGES.includes(submission.stage))
      throw productionProblems.raise(
        'not-in-copyediting-or-production',
        `The submission is ${submission.stage}: people are assigned from copyediting until it is published`,
      );
    const role = STAGE_ROLES[dto.stage];
    const user = (await this.roles.holds(journal.id, dto.userId, role))
      ? await this.people.byId(dto.userId)
      : null;
    if (!user || user.status === 'deleted')
      throw productionProblems.raise(
        'missing-stage-role',
        `This person is not a ${ROLE_NAMES.en[role]} of this journal (enrol them with the ${role} role first)`,
      );
    await this.assertUninvolved(submission, user);
    if (await this.assignments.isAssigned(submissionId, dto.stage, user.id))
      throw productionProblems.raise(
        'already-assigned',
        `This person is already assigned to ${dto.stage}`,
      );

    const assignment = await this.assignments.insert({
      submissionId,
      stage: dto.stage,
      userId: user.id,
      role,
      assignedById: assigner.id,
    });
    // Who copyedits and produces is the editors' business: not shown in the author's history.
    await this.events.record(submissionId, actor, {
      kind: 'stage_assigned',
      data: { assignmentId: assignment.id, stage: dto.stage, userId: user.id },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'stage_assignment',
      objectId: assignment.id,
      action: 'stage.assigned',
      after: { submissionId, stage: dto.stage, userId: user.id, role },
    });
    await this.mailer.assigned(
      await this.submissions.facts(submissionId),
      journal.slug,
      { id: assignment.id, submissionId, stage: dto.stage, role },
      user,
      assigner,
    );
    return this.assignments.withPeople(assignment.id);
  }

  /** Authors, contributors and the submission's reviewers are never its copyeditors. */
  private async assertUninvolved(submission: ProductionSubmission, user: Person): Promise<void> {
    if (
      submission.submitterId === user.id ||
      (await this.submissions.hasContributor(submission.id, user.email))
    )
      throw productionProblems.raise(
        'author-of-submission',
        'An author or contributor of the submission cannot work on it as copyeditor or production editor',
      );
    if (await this.submissions.hasReviewer(submission.id, user.id))
      throw productionProblems.raise(
        'reviewer-of-submission',
        'A reviewer of the submission cannot work on it: the author would no longer be anonymous to them',
      );
  }

  /** Ends an assignment; the row stays for the record. */
  @Transactional()
  async remove(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    actor: Actor,
  ): Promise<void> {
    await this.listing.handled(journal, viewer, submissionId);
    const assignment = await this.assignments.lock(submissionId, assignmentId);
    if (!assignment) throw httpProblems.raise('not-found', 'There is no such stage assignment');
    if (assignment.removedAt)
      throw productionProblems.raise('already-removed', 'This assignment has already been removed');
    await this.assignments.remove(assignmentId, new Date());
    await this.events.record(submissionId, actor, {
      kind: 'stage_unassigned',
      data: { assignmentId, stage: assignment.stage, userId: assignment.userId },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'stage_assignment',
      objectId: assignmentId,
      action: 'stage.unassigned',
      before: { submissionId, stage: assignment.stage, userId: assignment.userId },
    });
  }

  /** Marks the version to typeset: a manuscript or copyedited file, in production only. */
  async markGalleySource(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    fileId: string,
    actor: Actor,
  ): Promise<StageFile> {
    const { handles } = await this.reachable(journal, viewer, submissionId);
    return this.mark(journal, viewer, submissionId, fileId, handles, actor);
  }

  @Transactional()
  private async mark(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    fileId: string,
    handles: boolean,
    actor: Actor,
  ): Promise<StageFile> {
    const submission = await this.submissions.lock(submissionId);
    // Among the assignees, only the production editors: copyeditors hand over, they do not mark.
    if (!handles) {
      const participants = await this.participants.of(submission);
      if (!participants.assigneeIds.production.has(viewer.user!.id))
        throw productionProblems.raise(
          'not-production-editor',
          'Only the editors and the production editor of the submission mark the galley source',
        );
    }
    if (submission.stage !== 'production')
      throw productionProblems.raise(
        'not-in-production',
        `The submission is ${submission.stage}: the galley source is marked in production`,
      );
    const file = await this.submissions.file(submissionId, fileId);
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this submission');
    if (!GALLEY_SOURCE_GENRES.includes(file.genre))
      throw productionProblems.raise(
        'not-a-manuscript',
        `Only a manuscript or copyedited file can be the galley source; this file is ${file.genre}`,
      );
    await this.changes.markGalleySource(submissionId, file.id);
    await this.events.record(submissionId, actor, {
      kind: 'galley_source_marked',
      data: { fileId: file.id, previousFileId: submission.galleySourceFileId },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'submission',
      objectId: submissionId,
      action: 'production.galley_source_marked',
      before: { galleySourceFileId: submission.galleySourceFileId },
      after: { galleySourceFileId: file.id },
    });
    return file;
  }

  /** A file of the submission for the people working on it (cover letters excepted). */
  async file(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    fileId: string,
  ): Promise<FileDownload> {
    await this.reachable(journal, viewer, submissionId);
    const file = (await this.submissions.workFiles(submissionId)).find(
      (candidate) => candidate.id === fileId,
    );
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this submission');
    return fileDownload(await this.storage.get(file.storageKey), {
      mediaType: file.mediaType,
      fileName: file.originalName,
    });
  }

  /**
   * The submission for an editor who handles it, or for one of its active assignees (who still
   * holds the stage's role); 404 for anyone else, so its existence is not revealed.
   */
  private async reachable(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
  ): Promise<{ submission: Reachable; handles: boolean }> {
    try {
      return {
        submission: await this.listing.handled(journal, viewer, submissionId),
        handles: true,
      };
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status !== 404) throw error;
    }
    const submission = viewer.user
      ? await this.submissions.inJournal(submissionId, journal.id)
      : null;
    if (!submission) throw notFound();
    const participants = await this.participants.of(submission);
    const assigned = Object.values(participants.assigneeIds).some((ids) =>
      ids.has(viewer.user!.id),
    );
    if (!assigned) throw notFound();
    return { submission, handles: false };
  }
}
