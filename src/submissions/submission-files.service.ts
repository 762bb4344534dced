import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { type FileDownload, fileDownload, type UploadSource } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import { StoredContent } from '../editorial/stored-content';
import { type Person, personNameVariants } from '../editorial/people';
import type { Actor, JournalRef, Viewer } from '../editorial/request-context';
import { FileStorage } from '../storage/file-storage';
import { EditorialListing } from './editorial-listing.service';
import {
  type FileGenre,
  REVIEW_ROUND_GENRES,
  type SubmissionFile,
} from './entities/submission-file.entity';
import type { Submission } from './entities/submission.entity';
import { FileIntake } from './file-intake.service';
import { type ReviewCopy, ReviewCopies } from './review-copies.service';
import { SubmissionFilesRepository } from './submission-files.repository';
import { notEditable, notRemovable } from './submissions.problems';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

/** Which stored copy of a file an editor downloads. */
export type FileCopy = 'original' | 'anonymised';

/**
 * The author's files: uploads of a draft (version 1) or of a revision asked for (the next
 * version), each through the anonymisation pipeline when reviewers may receive it, removals
 * from a draft, and downloads of them by the author and by the submission's editors.
 */
@Injectable()
export class SubmissionFiles {
  private readonly logger = new Logger(SubmissionFiles.name);

  constructor(
    private readonly submissions: SubmissionsService,
    private readonly rows: SubmissionsRepository,
    private readonly files: SubmissionFilesRepository,
    private readonly intake: FileIntake,
    private readonly copies: ReviewCopies,
    private readonly storage: FileStorage,
    private readonly stored: StoredContent,
    private readonly events: SubmissionEvents,
    private readonly listing: EditorialListing,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Streams an upload into storage and checks its type by content. Every file reviewers may
   * receive goes through the anonymisation pipeline: the cleaned copy is stored beside the
   * original with its report, or, when the file cannot be cleaned, it is held back from
   * double-anonymous reviewers until an editor releases it.
   */
  async upload(
    id: string,
    user: Person,
    genre: FileGenre,
    source: UploadSource,
    actor: Actor,
  ): Promise<SubmissionFile> {
    const submission = await this.submissions.forSubmitter(id, user);
    // A draft's files are version 1; after a decision asking for revisions, uploads make the
    // next version, which becomes current when the author sends the revision.
    const revising =
      submission.stage === 'review' &&
      (await this.rows.latestRoundStatus(id)) === 'revisions_requested';
    if (submission.stage !== 'draft' && !revising) throw notEditable(submission.stage);
    const version = revising ? submission.currentVersion + 1 : submission.currentVersion;
    const received = await this.intake.receive(
      source,
      genre,
      submission.journal!.maxUploadMb * 1024 * 1024,
      (key) => this.stored.inUse(key),
    );

    let copy: ReviewCopy | null = null;
    if (REVIEW_ROUND_GENRES.includes(genre)) {
      const contributors = await this.rows.contributors(id);
      const names = [
        ...contributors.flatMap((contributor) => personNameVariants(contributor.names)),
        ...personNameVariants(user.names),
      ];
      copy = await this.copies.make(received, names, 'hold');
    } else {
      await this.copies.checkSound(received);
    }

    return this.store(id, actor, {
      submissionId: id,
      genre,
      version,
      storageKey: received.key,
      sha256: received.sha256,
      size: received.size,
      mediaType: received.mediaType,
      originalName: received.originalName,
      uploadedBy: user.id,
      anonymisedKey: copy?.outcome === 'cleaned' ? copy.stored.key : null,
      anonymisation: copy?.report ?? null,
      heldReason: copy?.outcome === 'held' ? copy.report.heldReason : null,
    });
  }

  /** The row of a stored upload, and its line in the history. */
  @Transactional()
  private async store(
    submissionId: string,
    actor: Actor,
    fields: Partial<SubmissionFile>,
  ): Promise<SubmissionFile> {
    const file = await this.files.add(fields);
    await this.events.record(submissionId, actor, {
      kind: 'file_uploaded',
      data: {
        fileId: file.id,
        genre: file.genre,
        originalName: file.originalName,
        ...(file.heldReason ? { heldFromReviewers: file.heldReason } : {}),
      },
    });
    return file;
  }

  /**
   * Takes a file away from the author's own draft. Its row goes (with its anonymisation report
   * and its review copy's key), recorded in the history and the audit log, in one transaction;
   * its stored content (original and cleaned copy) only once that has committed, so that a
   * failure never leaves a row whose content is gone.
   */
  async remove(id: string, fileId: string, user: Person, actor: Actor): Promise<void> {
    const submission = await this.submissions.forSubmitter(id, user);
    if (submission.stage !== 'draft') throw notRemovable(submission.stage);
    const file = await this.removeRow(submission, fileId, actor);
    await this.discard(file);
  }

  @Transactional()
  private async removeRow(
    submission: Submission,
    fileId: string,
    actor: Actor,
  ): Promise<SubmissionFile> {
    // Checked again under the draft's row: a submit may have gone first since it was read.
    if (!(await this.files.touchDraft(submission.id))) throw notRemovable('no longer a draft');
    const file = await this.files.lockInSubmission(submission.id, fileId);
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this submission');
    await this.files.remove(file.id);
    const facts = { fileId: file.id, genre: file.genre, originalName: file.originalName };
    await this.events.record(submission.id, actor, { kind: 'file_removed', data: facts });
    await this.audit.write({
      actor,
      journalId: submission.journalId,
      objectType: 'submission',
      objectId: submission.id,
      action: 'submission_file.removed',
      before: { ...facts, version: file.version, sha256: file.sha256, size: file.size },
    });
    return file;
  }

  /**
   * The removed file's content, unless another row holds the same bytes (storage is
   * content-addressed). The removal stands if storage fails now: the bytes are only left over.
   */
  private async discard(file: SubmissionFile): Promise<void> {
    for (const key of new Set([file.storageKey, file.anonymisedKey])) {
      if (!key) continue;
      try {
        if (!(await this.stored.inUse(key))) await this.storage.delete(key);
      } catch (error) {
        this.logger.warn(
          `The content ${key} of removed file ${file.id} is left in storage: ${String(error)}`,
        );
      }
    }
  }

  /** A file of the author's own submission, as uploaded. */
  async ownFile(id: string, fileId: string, user: Person): Promise<FileDownload> {
    await this.submissions.forSubmitter(id, user);
    const file = await this.files.inSubmission(id, fileId);
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this submission');
    return this.download(file, file.storageKey);
  }

  /** A file of a submission the viewer handles: the original or its anonymised review copy. */
  async forEditors(
    journal: JournalRef,
    viewer: Viewer,
    id: string,
    fileId: string,
    copy: FileCopy,
  ): Promise<FileDownload> {
    const file = await this.listing.file(journal, viewer, id, fileId);
    const key = copy === 'anonymised' ? file.anonymisedKey : file.storageKey;
    if (!key) throw httpProblems.raise('not-found', 'This file has no anonymised copy');
    return this.download(file, key);
  }

  private async download(file: SubmissionFile, key: string): Promise<FileDownload> {
    return fileDownload(await this.storage.get(key), {
      mediaType: file.mediaType,
      fileName: file.originalName,
    });
  }
}
