import { Injectable } from '@nestjs/common';
import { Repository } from '../../database/transactions';
import type { SubmissionStage } from './stage-transitions';

export interface StageRow {
  stage: SubmissionStage;
  lockVersion: number;
}

/** A submission's stage and lock version: the only columns the stage machine writes. */
@Injectable()
export class SubmissionStageRepository extends Repository {
  /** Reads and locks the row until the transaction ends; null when there is no such submission. */
  async lock(submissionId: string): Promise<StageRow | null> {
    const [row]: { stage: SubmissionStage; lock_version: number }[] = await this.db.query(
      'SELECT stage, lock_version FROM submissions WHERE id = $1 FOR UPDATE',
      [submissionId],
    );
    return row ? { stage: row.stage, lockVersion: row.lock_version } : null;
  }

  /** Moves the stage if the lock version is still `expected`; false when it moved meanwhile. */
  async move(
    submissionId: string,
    to: SubmissionStage,
    expected: number,
    columns: Record<string, unknown>,
  ): Promise<boolean> {
    const names = Object.keys(columns);
    const assignments = names.map((name, index) => `${name} = $${index + 4}`);
    const result: [unknown[], number] = await this.db.query(
      `UPDATE submissions
          SET ${['stage = $2', 'lock_version = lock_version + 1', ...assignments].join(', ')}
        WHERE id = $1 AND lock_version = $3`,
      [submissionId, to, expected, ...names.map((name) => columns[name])],
    );
    return result[1] === 1;
  }
}
