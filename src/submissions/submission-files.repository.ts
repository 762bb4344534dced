import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Repository } from '../database/transactions';
import { SubmissionFile } from './entities/submission-file.entity';

/**
 * Whether any file row of any feature holds this stored content (a storage key): submission
 * files and their anonymised copies, review files, decision letters' attachments, galleys and
 * issue covers, read by table name.
 */
export async function anyRowHolds(db: EntityManager, key: string): Promise<boolean> {
  const [row]: { held: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM submission_files WHERE storage_key = $1 OR anonymised_key = $1)
         OR EXISTS (SELECT 1 FROM review_files WHERE storage_key = $1 OR anonymised_key = $1)
         OR EXISTS (SELECT 1 FROM decision_attachments WHERE storage_key = $1)
         OR EXISTS (SELECT 1 FROM galleys WHERE storage_key = $1)
         OR EXISTS (SELECT 1 FROM issues WHERE cover_image_key = $1) AS held`,
    [key],
  );
  return row.held;
}

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

  /** Whether any feature's file row holds it (until every holder is in StoredContent). */
  anyRowHolds(key: string): Promise<boolean> {
    return anyRowHolds(this.db, key);
  }
}
