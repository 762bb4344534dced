import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import { PublicationNotice } from './entities/publication-notice.entity';

/** COPE's notices on published articles: errata, expressions of concern, retractions. */
@Injectable()
export class NoticesRepository extends Repository {
  add(fields: Partial<PublicationNotice>): Promise<PublicationNotice> {
    return this.db.save(this.db.create(PublicationNotice, fields));
  }

  isRetracted(submissionId: string): Promise<boolean> {
    return this.db.existsBy(PublicationNotice, { submissionId, kind: 'retraction' });
  }

  /** An article's notices, oldest first. */
  of(submissionId: string): Promise<PublicationNotice[]> {
    return this.db.find(PublicationNotice, {
      where: { submissionId },
      order: { createdAt: 'ASC' },
    });
  }

  /** The retracted articles of an issue. */
  async retractedIn(issueId: string): Promise<Set<string>> {
    const rows: { submission_id: string }[] = await this.db.query(
      `SELECT n.submission_id FROM publication_notices n JOIN publications p ON p.submission_id = n.submission_id
        WHERE p.issue_id = $1 AND n.kind = 'retraction'`,
      [issueId],
    );
    return new Set(rows.map((row) => row.submission_id));
  }
}
