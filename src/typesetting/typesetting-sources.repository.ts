import { Injectable } from '@nestjs/common';
import type { LocalizedText } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';

/** A submission as typesetting reads it. */
export interface SourceSubmission {
  id: string;
  journalId: string;
  submitterId: string;
  stage: SubmissionStage;
  galleySourceFileId: string | null;
}

/** A file that can be the text of an article. */
export interface SourceFile {
  id: string;
  genre: string;
  storageKey: string;
  mediaType: string;
  originalName: string;
}

/** A review assignment, as its certificate needs it. */
export interface CompletedReview {
  id: string;
  journalId: string;
  state: string;
  completedAt: Date | null;
}

const SUBMISSION_COLUMNS = `id, journal_id AS "journalId", submitter_id AS "submitterId", stage,
  galley_source_file_id AS "galleySourceFileId"`;
const FILE_COLUMNS = `id, genre, storage_key AS "storageKey", media_type AS "mediaType",
  original_name AS "originalName"`;

/**
 * What typesetting reads of the other features' tables: the submissions it typesets and their
 * source files, the sections' titles, and the review assignments certificates are issued for.
 */
@Injectable()
export class TypesettingSourcesRepository extends Repository {
  async submission(id: string): Promise<SourceSubmission | null> {
    const [row]: SourceSubmission[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A submission of this submitter; null for anyone else's. */
  async submissionOf(submitterId: string, id: string): Promise<SourceSubmission | null> {
    const [row]: SourceSubmission[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1 AND submitter_id = $2`,
      [id, submitterId],
    );
    return row ?? null;
  }

  async file(id: string): Promise<SourceFile | null> {
    const [row]: SourceFile[] = await this.db.query(
      `SELECT ${FILE_COLUMNS} FROM submission_files WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The submission's files of these genres, newest version first. */
  files(submissionId: string, genres: readonly string[]): Promise<SourceFile[]> {
    return this.db.query(
      `SELECT ${FILE_COLUMNS} FROM submission_files WHERE submission_id = $1 AND genre = ANY($2)
        ORDER BY version DESC, created_at DESC`,
      [submissionId, genres],
    );
  }

  async sectionTitles(sectionId: string): Promise<LocalizedText> {
    const [row]: { titles: LocalizedText }[] = await this.db.query(
      'SELECT titles FROM sections WHERE id = $1',
      [sectionId],
    );
    if (!row) throw new Error(`no section ${sectionId}`);
    return row.titles;
  }

  /** A review assignment of this reviewer; null for anyone else's. */
  async reviewOf(reviewerId: string, assignmentId: string): Promise<CompletedReview | null> {
    const [row]: CompletedReview[] = await this.db.query(
      `SELECT id, journal_id AS "journalId", state, completed_at AS "completedAt"
         FROM review_assignments WHERE id = $1 AND reviewer_id = $2`,
      [assignmentId, reviewerId],
    );
    return row ?? null;
  }
}
