import { Injectable } from '@nestjs/common';
import { Repository } from '../../database/transactions';

/** The rows of submission_events, written in the caller's transaction. */
@Injectable()
export class SubmissionEventsRepository extends Repository {
  async append(row: {
    submissionId: string;
    actorId: string | null;
    kind: string;
    authorVisible: boolean;
    data: object;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO submission_events (submission_id, actor_id, kind, author_visible, data)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.submissionId, row.actorId, row.kind, row.authorVisible, JSON.stringify(row.data)],
    );
  }
}
