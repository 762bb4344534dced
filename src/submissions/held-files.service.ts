import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { httpProblems } from '../common/problems/http.problems';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Actor, JournalRef, Viewer } from '../editorial/request-context';
import { EditorialListing } from './editorial-listing.service';
import type { SubmissionFile } from './entities/submission-file.entity';
import { SubmissionFilesRepository } from './submission-files.repository';
import { submissionProblems } from './submissions.problems';

/**
 * Author files the anonymisation pipeline could not clean (an archive, an encrypted PDF, an
 * embedded OLE object): held back from double-anonymous reviewers until an editor, having
 * checked the file by hand, releases the original to them. The release is in the history.
 */
@Injectable()
export class HeldFiles {
  constructor(
    private readonly listing: EditorialListing,
    private readonly files: SubmissionFilesRepository,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
  ) {}

  async release(
    journal: JournalRef,
    viewer: Viewer,
    submissionId: string,
    fileId: string,
    actor: Actor,
  ): Promise<SubmissionFile> {
    await this.listing.handled(journal, viewer, submissionId);
    return this.releaseHandled(journal, submissionId, fileId, actor);
  }

  @Transactional()
  private async releaseHandled(
    journal: JournalRef,
    submissionId: string,
    fileId: string,
    actor: Actor,
  ): Promise<SubmissionFile> {
    const file = await this.files.lockInSubmission(submissionId, fileId);
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this submission');
    if (!file.heldReason)
      throw submissionProblems.raise(
        'file-not-held',
        'This file was cleaned for review: reviewers receive its cleaned copy already',
      );
    if (file.releasedAt)
      throw submissionProblems.raise(
        'file-already-released',
        'This file has already been released to reviewers',
      );
    const releasedAt = new Date();
    await this.files.markReleased(file.id, releasedAt, actor.userId ?? null);
    const facts = { fileId: file.id, genre: file.genre, originalName: file.originalName };
    await this.events.record(submissionId, actor, {
      kind: 'file_released',
      data: { ...facts, heldReason: file.heldReason },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'submission',
      objectId: submissionId,
      action: 'submission_file.released',
      before: { heldReason: file.heldReason },
      after: { ...facts, releasedAt },
    });
    return this.files.byId(file.id);
  }
}
