import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';

/** A submission as decisions read it. */
export interface SubmissionRow {
  id: string;
  journalId: string;
  submitterId: string;
  stage: SubmissionStage;
  currentVersion: number;
  lockVersion: number;
}

const SUBMISSION_COLUMNS = `id, journal_id AS "journalId", submitter_id AS "submitterId", stage,
  current_version AS "currentVersion", lock_version AS "lockVersion"`;

/**
 * The submissions decisions act on, from the submissions' tables. The stage itself moves only
 * through the stage machine; `newVersion` (the author's revision) writes the submissions' table
 * and is for the submissions feature to take over behind a service of its own.
 */
@Injectable()
export class DecisionSubmissionsRepository extends Repository {
  async byId(id: string): Promise<SubmissionRow> {
    const [row]: SubmissionRow[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`no submission ${id}`);
    return row;
  }

  /** The submission if `submitterId` submitted it; with `lock`, locked until the transaction ends. */
  async ofSubmitter(id: string, submitterId: string, lock = false): Promise<SubmissionRow | null> {
    const [row]: SubmissionRow[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1 AND submitter_id = $2
       ${lock ? 'FOR UPDATE' : ''}`,
      [id, submitterId],
    );
    return row ?? null;
  }

  /** Whether a manuscript of this version was uploaded. */
  async hasManuscript(id: string, version: number): Promise<boolean> {
    const [row]: { found: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM submission_files
                       WHERE submission_id = $1 AND genre = 'manuscript' AND version = $2) AS found`,
      [id, version],
    );
    return row.found;
  }
}
