import { Injectable } from '@nestjs/common';
import type { Locale } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';
import type { FileGenre } from '../submissions';

/** A submission as copyediting and production read it. */
export interface ProductionSubmission {
  id: string;
  journalId: string;
  sectionId: string;
  submitterId: string;
  stage: SubmissionStage;
  currentVersion: number;
  galleySourceFileId: string | null;
}

/** A file of a submission as the stage's people work from it. */
export interface StageFile {
  id: string;
  submissionId: string;
  genre: FileGenre;
  version: number;
  originalName: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  createdAt: Date;
  /** Where the content is stored: for downloads, never shown. */
  storageKey: string;
}

/** What emails about a submission quote of it and of its journal. */
export interface ProductionFacts {
  journalId: string;
  maxUploadMb: number;
  number: string;
  titleIn(locale: Locale): string;
}

const SUBMISSION_COLUMNS = `id, journal_id AS "journalId", section_id AS "sectionId",
  submitter_id AS "submitterId", stage, current_version AS "currentVersion",
  galley_source_file_id AS "galleySourceFileId"`;

const FILE_COLUMNS = `id, submission_id AS "submissionId", genre, version,
  original_name AS "originalName", media_type AS "mediaType", size::float8 AS size,
  uploaded_by AS "uploadedBy", created_at AS "createdAt", storage_key AS "storageKey"`;

/**
 * The submissions copyediting and production work on, from the submissions' tables: the
 * submission, its files, who wrote and reviewed it, what its emails quote.
 *
 * Two writes change the submissions feature's tables (a file shared in a discussion joins the
 * submission's files; the galley source is a column of the submission): they are for the
 * submissions feature to take over behind a service of its own (its index exports none yet).
 */
@Injectable()
export class ProductionSubmissionsRepository extends Repository {
  /** A submission past its draft; with `lock`, shared-locked until the transaction ends. */
  async submitted(id: string, lock = false): Promise<ProductionSubmission | null> {
    const [row]: ProductionSubmission[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1 AND stage <> 'draft'
       ${lock ? 'FOR SHARE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** A submission of the journal. */
  async inJournal(id: string, journalId: string): Promise<ProductionSubmission | null> {
    const [row]: ProductionSubmission[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1 AND journal_id = $2`,
      [id, journalId],
    );
    return row ?? null;
  }

  /** The submission, locked until the transaction ends. */
  async lock(id: string): Promise<ProductionSubmission> {
    const [row]: ProductionSubmission[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new Error(`no submission ${id}`);
    return row;
  }

  /** Everything the copyeditor and production editor work from: all files but cover letters. */
  workFiles(submissionId: string): Promise<StageFile[]> {
    return this.db.query(
      `SELECT ${FILE_COLUMNS} FROM submission_files
        WHERE submission_id = $1 AND genre <> 'cover_letter' ORDER BY created_at ASC`,
      [submissionId],
    );
  }

  async file(submissionId: string, id: string): Promise<StageFile | null> {
    const [row]: StageFile[] = await this.db.query(
      `SELECT ${FILE_COLUMNS} FROM submission_files WHERE id = $1 AND submission_id = $2`,
      [id, submissionId],
    );
    return row ?? null;
  }

  /** Whether someone with this address is among the submission's contributors. */
  async hasContributor(submissionId: string, email: string): Promise<boolean> {
    const [row]: unknown[] = await this.db.query(
      'SELECT 1 FROM contributors WHERE submission_id = $1 AND lower(email) = lower($2) LIMIT 1',
      [submissionId, email],
    );
    return !!row;
  }

  /** Whether the person was asked to review the submission and did not decline. */
  async hasReviewer(submissionId: string, userId: string): Promise<boolean> {
    const [row]: unknown[] = await this.db.query(
      `SELECT 1 FROM review_assignments
        WHERE submission_id = $1 AND reviewer_id = $2 AND state <> 'declined' LIMIT 1`,
      [submissionId, userId],
    );
    return !!row;
  }

  /** The submission's number and titles, and its journal's upload limit. */
  async facts(submissionId: string): Promise<ProductionFacts> {
    const [row]: {
      journalId: string;
      maxUploadMb: number;
      number: string | null;
      locale: Locale;
    }[] = await this.db.query(
      `SELECT s.journal_id AS "journalId", j.max_upload_mb AS "maxUploadMb", s.number, s.locale
         FROM submissions s JOIN journals j ON j.id = s.journal_id WHERE s.id = $1`,
      [submissionId],
    );
    if (!row) throw new Error(`no submission ${submissionId}`);
    const titles: { locale: string; title: string }[] = await this.db.query(
      'SELECT locale, title FROM submission_metadata WHERE submission_id = $1',
      [submissionId],
    );
    const titleIn = (locale: Locale) =>
      (
        titles.find((entry) => entry.locale === locale) ??
        titles.find((entry) => entry.locale === row.locale) ??
        titles[0]
      )?.title ?? '';
    return {
      journalId: row.journalId,
      maxUploadMb: row.maxUploadMb,
      number: row.number ?? '',
      titleIn,
    };
  }
}
