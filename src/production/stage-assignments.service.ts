import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { recordEvent } from '../submissions/submission-events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { JournalRole } from '../access/journal-role.entity';
import { ROLE_NAMES } from '../editorial/roles';
import { displayName, User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { ProblemException } from '../common/http/problem.exception';
import { AppConfig } from '../config/app-config';
import type { Journal } from '../journals/journal.entity';
import { NotificationService } from '../notifications/notification.service';
import { ReviewAssignment } from '../reviews/entities/review-assignment.entity';
import { problem } from '../reviews/review-problems';
import { loadSubmissionFacts, recipientOf } from '../reviews/submission-facts';
import { FileStorage } from '../storage/file-storage';
import { EditorialListing } from '../submissions/editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { SubmissionFile } from '../submissions/entities/submission-file.entity';
import { Submission } from '../submissions/entities/submission.entity';
import { sendSubmissionFile } from '../submissions/file-download';
import type { StageAssignmentDto } from './dto/production.dto';
import { StageAssignment } from './entities/stage-assignment.entity';
import { fileView } from './file-view';
import { loadParticipants } from './participants';
import { STAGE_NAMES, STAGE_ROLES, WORKING_STAGES } from './production-stages';

/** The kinds of file that can be marked as the source for typesetting. */
const GALLEY_SOURCE_GENRES = ['manuscript', 'copyedited'];

const notFound = () =>
  problem(404, 'not-found', 'There is no such submission for you to work on in this journal');

/**
 * Copyeditors and production editors on a submission: editors who handle it assign and remove
 * them; the assignees see who works on it, its files and the galley source. The galley source
 * (the version to typeset) is marked by the editors or the production editor, in production.
 */
@Injectable()
export class StageAssignmentsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly listing: EditorialListing,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly storage: FileStorage,
  ) {}

  /** Who works on which stage (removed assignments included), the files and the galley source. */
  async list(journal: Journal, viewer: Viewer, submissionId: string) {
    const { submission } = await this.reachable(journal, viewer, submissionId);
    const manager = this.dataSource.manager;
    const [assignments, files] = await Promise.all([
      manager.find(StageAssignment, {
        where: { submissionId },
        relations: { user: true, assignedBy: true },
        order: { assignedAt: 'ASC' },
      }),
      this.workFiles(manager, submissionId),
    ]);
    return {
      stage: submission.stage,
      assignments: assignments.map((assignment) => this.assignmentView(assignment)),
      galleySource: this.galleySourceOf(submission, files),
      files: files.map(fileView),
    };
  }

  async assign(
    journal: Journal,
    viewer: Viewer,
    assigner: User,
    submissionId: string,
    dto: StageAssignmentDto,
    actor: Actor,
  ) {
    await this.listing.handled(journal, viewer, submissionId);
    return inTransaction(this.transactions, async (manager) => {
      // Serialises assignments of one submission; the partial unique index backs it up.
      const submission = await manager.findOneOrFail(Submission, {
        where: { id: submissionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!WORKING_STAGES.includes(submission.stage))
        throw problem(
          409,
          'not-in-copyediting-or-production',
          `The submission is ${submission.stage}: people are assigned from copyediting until it is published`,
        );
      const role = STAGE_ROLES[dto.stage];
      const holdsRole = await manager.existsBy(JournalRole, {
        journalId: journal.id,
        userId: dto.userId,
        role,
      });
      const user = holdsRole ? await manager.findOneBy(User, { id: dto.userId }) : null;
      if (!user || user.status === 'deleted')
        throw problem(
          422,
          'missing-stage-role',
          `This person is not a ${ROLE_NAMES.en[role]} of this journal (enrol them with the ${role} role first)`,
        );
      await this.assertUninvolved(manager, submission, user);
      if (
        await manager.existsBy(StageAssignment, {
          submissionId,
          stage: dto.stage,
          userId: user.id,
          removedAt: IsNull(),
        })
      )
        throw problem(409, 'already-assigned', `This person is already assigned to ${dto.stage}`);

      const assignment = await manager.save(
        manager.create(StageAssignment, {
          submissionId,
          stage: dto.stage,
          userId: user.id,
          role,
          assignedById: assigner.id,
        }),
      );
      await this.event(manager, submissionId, actor, 'stage_assigned', {
        assignmentId: assignment.id,
        stage: dto.stage,
        userId: user.id,
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'stage_assignment',
        objectId: assignment.id,
        action: 'stage.assigned',
        after: { submissionId, stage: dto.stage, userId: user.id, role },
      });
      const facts = await loadSubmissionFacts(manager, submissionId);
      const locale = user.preferredLocale;
      await this.notifications.queueEmail(manager, {
        template: 'stage-assignment',
        to: recipientOf(user),
        journalId: journal.id,
        submissionId,
        dedupeKey: `stage-assignment:${assignment.id}`,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(locale),
          stageName: STAGE_NAMES[locale][dto.stage],
          roleName: ROLE_NAMES[locale][role],
          assignerName: displayName(assigner.names, locale),
          workflowUrl: new URL(
            `/journals/${journal.slug}/workflow/${submissionId}`,
            this.config.PUBLIC_URL,
          ).href,
        },
      });
      const saved = await manager.findOneOrFail(StageAssignment, {
        where: { id: assignment.id },
        relations: { user: true, assignedBy: true },
      });
      return this.assignmentView(saved);
    });
  }

  /** Authors, contributors and the submission's reviewers are never its copyeditors. */
  private async assertUninvolved(manager: EntityManager, submission: Submission, user: User) {
    const [contributor]: unknown[] = await manager.query(
      'SELECT 1 FROM contributors WHERE submission_id = $1 AND lower(email) = lower($2) LIMIT 1',
      [submission.id, user.email],
    );
    if (submission.submitterId === user.id || contributor)
      throw problem(
        422,
        'author-of-submission',
        'An author or contributor of the submission cannot work on it as copyeditor or production editor',
      );
    if (
      await manager.existsBy(ReviewAssignment, {
        submissionId: submission.id,
        reviewerId: user.id,
        state: Not('declined'),
      })
    )
      throw problem(
        422,
        'reviewer-of-submission',
        'A reviewer of the submission cannot work on it: the author would no longer be anonymous to them',
      );
  }

  /** Ends an assignment; the row stays for the record. */
  async remove(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    assignmentId: string,
    actor: Actor,
  ): Promise<void> {
    await this.listing.handled(journal, viewer, submissionId);
    await inTransaction(this.transactions, async (manager) => {
      const assignment = await manager.findOne(StageAssignment, {
        where: { id: assignmentId, submissionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!assignment) throw problem(404, 'not-found', 'There is no such stage assignment');
      if (assignment.removedAt)
        throw problem(409, 'already-removed', 'This assignment has already been removed');
      await manager.update(StageAssignment, { id: assignmentId }, { removedAt: new Date() });
      await this.event(manager, submissionId, actor, 'stage_unassigned', {
        assignmentId,
        stage: assignment.stage,
        userId: assignment.userId,
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'stage_assignment',
        objectId: assignmentId,
        action: 'stage.unassigned',
        before: { submissionId, stage: assignment.stage, userId: assignment.userId },
      });
    });
  }

  /** Marks the version to typeset: a manuscript or copyedited file, in production only. */
  async markGalleySource(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    fileId: string,
    actor: Actor,
  ) {
    const { handles } = await this.reachable(journal, viewer, submissionId);
    return inTransaction(this.transactions, async (manager) => {
      const submission = await manager.findOneOrFail(Submission, {
        where: { id: submissionId },
        lock: { mode: 'pessimistic_write' },
      });
      // Among the assignees, only the production editors: copyeditors hand over, they do not mark.
      if (!handles) {
        const participants = await loadParticipants(manager, submission);
        if (!participants.assigneeIds.production.has(viewer.user!.id))
          throw problem(
            403,
            'not-production-editor',
            'Only the editors and the production editor of the submission mark the galley source',
          );
      }
      if (submission.stage !== 'production')
        throw problem(
          409,
          'not-in-production',
          `The submission is ${submission.stage}: the galley source is marked in production`,
        );
      const file = await manager.findOneBy(SubmissionFile, { id: fileId, submissionId });
      if (!file) throw problem(404, 'not-found', 'There is no such file in this submission');
      if (!GALLEY_SOURCE_GENRES.includes(file.genre))
        throw problem(
          422,
          'not-a-manuscript',
          `Only a manuscript or copyedited file can be the galley source; this file is ${file.genre}`,
        );
      await manager.update(Submission, { id: submissionId }, { galleySourceFileId: file.id });
      await this.event(manager, submissionId, actor, 'galley_source_marked', {
        fileId: file.id,
        previousFileId: submission.galleySourceFileId,
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'submission',
        objectId: submissionId,
        action: 'production.galley_source_marked',
        before: { galleySourceFileId: submission.galleySourceFileId },
        after: { galleySourceFileId: file.id },
      });
      return fileView(file);
    });
  }

  /** A file of the submission for the people working on it (cover letters excepted). */
  async sendWorkFile(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    fileId: string,
    response: Response,
  ): Promise<void> {
    await this.reachable(journal, viewer, submissionId);
    const file = (await this.workFiles(this.dataSource.manager, submissionId)).find(
      (candidate) => candidate.id === fileId,
    );
    if (!file) throw problem(404, 'not-found', 'There is no such file in this submission');
    await sendSubmissionFile(response, this.storage, file, file.storageKey);
  }

  /**
   * The submission for an editor who handles it, or for one of its active assignees (who still
   * holds the stage's role); 404 for anyone else, so its existence is not revealed.
   */
  private async reachable(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
  ): Promise<{ submission: Submission; handles: boolean }> {
    try {
      return {
        submission: await this.listing.handled(journal, viewer, submissionId),
        handles: true,
      };
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status !== 404) throw error;
    }
    const submission = viewer.user
      ? await this.dataSource.manager.findOneBy(Submission, {
          id: submissionId,
          journalId: journal.id,
        })
      : null;
    if (!submission) throw notFound();
    const participants = await loadParticipants(this.dataSource.manager, submission);
    const assigned = Object.values(participants.assigneeIds).some((ids) =>
      ids.has(viewer.user!.id),
    );
    if (!assigned) throw notFound();
    return { submission, handles: false };
  }

  /** Everything the copyeditor and production editor work from: all files but cover letters. */
  private workFiles(manager: EntityManager, submissionId: string): Promise<SubmissionFile[]> {
    return manager.find(SubmissionFile, {
      where: { submissionId, genre: Not('cover_letter') },
      order: { createdAt: 'ASC' },
    });
  }

  private galleySourceOf(submission: Submission, files: SubmissionFile[]) {
    const source = files.find((file) => file.id === submission.galleySourceFileId);
    return source ? fileView(source) : null;
  }

  private assignmentView(assignment: StageAssignment) {
    const { user, assignedBy, ...rest } = assignment;
    return {
      ...rest,
      user: user ? { id: user.id, names: user.names, email: user.email } : undefined,
      assignedBy: assignedBy ? { id: assignedBy.id, names: assignedBy.names } : undefined,
    };
  }

  private event(
    manager: EntityManager,
    submissionId: string,
    actor: Actor,
    kind: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    // Who copyedits and produces is the editors' business: not shown in the author's history.
    return recordEvent(manager, submissionId, actor, kind, data, false);
  }
}
