import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import { SubmissionFile } from './entities/submission-file.entity';
import { Submission } from './entities/submission.entity';

/** The files of submissions (uploads, their review copies and releases). */
@Injectable()
export class SubmissionFilesRepository extends Repository {
  add(file: Partial<SubmissionFile>): Promise<SubmissionFile> {
    return this.db.save(this.db.create(SubmissionFile, file));
  }

  byId(id: string): Promise<SubmissionFile> {
    return this.db.findOneByOrFail(SubmissionFile, { id });
  }

  /** One file of the submission, or null. */
  inSubmission(submissionId: string, fileId: string): Promise<SubmissionFile | null> {
    return this.db.findOneBy(SubmissionFile, { id: fileId, submissionId });
  }

  /** The same, locked until the transaction ends. */
  lockInSubmission(submissionId: string, fileId: string): Promise<SubmissionFile | null> {
    return this.db.findOne(SubmissionFile, {
      where: { id: fileId, submissionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Deletes the row: its anonymisation report and its review copy's key are columns of it. */
  async remove(id: string): Promise<void> {
    await this.db.delete(SubmissionFile, { id });
  }

  /**
   * Moves the lock version of the submission if it is still a draft, false otherwise: a change
   * of a draft's files is a change of the draft, so a submit that read it before fails as stale,
   * and one that went first (holding the row) leaves it no longer a draft here.
   */
  async touchDraft(submissionId: string): Promise<boolean> {
    const result = await this.db.update(
      Submission,
      { id: submissionId, stage: 'draft' },
      { lockVersion: () => 'lock_version + 1' },
    );
    return (result.affected ?? 0) > 0;
  }

  async markReleased(id: string, releasedAt: Date, releasedBy: string | null): Promise<void> {
    await this.db.update(SubmissionFile, { id }, { releasedAt, releasedBy });
  }

  hasManuscript(submissionId: string): Promise<boolean> {
    return this.db.existsBy(SubmissionFile, { submissionId, genre: 'manuscript' });
  }

  /** Whether a submission file holds this content, as its original or its review copy. */
  holds(key: string): Promise<boolean> {
    return this.db.exists(SubmissionFile, {
      where: [{ storageKey: key }, { anonymisedKey: key }],
    });
  }
}
