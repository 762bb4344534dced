import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { type FileDownload, fileDownload, type UploadSource } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import { type Person, personNameVariants } from '../editorial/people';
import { StoredContent } from '../editorial/stored-content';
import { FileStorage } from '../storage/file-storage';
import { FileIntake, ReviewCopies } from '../submissions';
import type { ReviewAssignment } from './entities/review-assignment.entity';
import type { ReviewFile } from './entities/review-file.entity';
import { ReviewFilesRepository } from './review-files.repository';
import { ReviewerAccess } from './reviewer-access.service';
import { ReviewerSubmissionRepository } from './reviewer-submission.repository';

const noSuchFile = () => httpProblems.raise('not-found', 'There is no such file in your review');

/**
 * The files a reviewer attaches to their review (an annotated manuscript). The copy the author
 * may receive goes through the anonymisation pipeline with the reviewer's names; a file it
 * cannot clean is refused (422), so the reviewer can send it in another form.
 */
@Injectable()
export class ReviewFilesService {
  constructor(
    private readonly access: ReviewerAccess,
    private readonly files: ReviewFilesRepository,
    private readonly submissions: ReviewerSubmissionRepository,
    private readonly intake: FileIntake,
    private readonly copies: ReviewCopies,
    private readonly content: StoredContent,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Attaches the uploaded file to the review. The upload is read only once the review is known
   * to be open for writing, and outside any transaction (it may take a while).
   */
  async upload(user: Person, assignmentId: string, upload: UploadSource): Promise<ReviewFile> {
    const assignment = await this.writable(user, assignmentId);
    const journal = await this.submissions.journal(assignment.journalId);
    const received = await this.intake.receive(
      upload,
      'review_attachment',
      journal.maxUploadMb * 1024 * 1024,
      (key) => this.content.inUse(key),
    );
    const copy = await this.copies.make(received, personNameVariants(user.names), 'refuse');
    if (copy.outcome !== 'cleaned') throw new Error('an uncleanable review file was not refused');
    return this.files.create({
      assignmentId,
      storageKey: received.key,
      anonymisedKey: copy.stored.key,
      anonymisation: copy.report,
      sha256: received.sha256,
      size: received.size,
      mediaType: received.mediaType,
      originalName: received.originalName,
    });
  }

  /** Removes a file from the review, before it is submitted. */
  @Transactional()
  async delete(user: Person, assignmentId: string, fileId: string): Promise<void> {
    await this.access.editable(user.id, assignmentId);
    if (!(await this.files.delete(fileId, assignmentId))) throw noSuchFile();
  }

  /** A file the reviewer attached, as uploaded. */
  async download(user: Person, assignmentId: string, fileId: string): Promise<FileDownload> {
    await this.access.own(user.id, assignmentId);
    const file = await this.files.find(fileId, assignmentId);
    if (!file) throw noSuchFile();
    return fileDownload(await this.storage.get(file.storageKey), {
      mediaType: file.mediaType,
      fileName: file.originalName,
    });
  }

  /** The assignment, once its review is checked open for writing (locks released after). */
  @Transactional()
  private async writable(user: Person, assignmentId: string): Promise<ReviewAssignment> {
    return (await this.access.editable(user.id, assignmentId)).assignment;
  }
}
