import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import { Decision } from './decision.entity';

/** The rows of decisions: the record of every decision taken, with the letter sent. */
@Injectable()
export class DecisionsRepository extends Repository {
  insert(values: Partial<Decision>): Promise<Decision> {
    return this.db.save(this.db.create(Decision, values));
  }

  /** The submission's decisions, oldest first. */
  ofSubmission(submissionId: string): Promise<Decision[]> {
    return this.db.find(Decision, { where: { submissionId }, order: { createdAt: 'ASC' } });
  }

  /** The latest decision that declined the submission, if any. */
  latestDecline(submissionId: string): Promise<Decision | null> {
    return this.db.findOne(Decision, {
      where: { submissionId, stageAfter: 'declined' },
      order: { createdAt: 'DESC' },
    });
  }

  /** A decision of the submission that shared this reviewer's file with the author. */
  sharing(submissionId: string, reviewFileId: string): Promise<Decision | null> {
    return this.db
      .createQueryBuilder(Decision, 'd')
      .where('d.submission_id = :submissionId AND :fileId = ANY(d.shared_review_file_ids)', {
        submissionId,
        fileId: reviewFileId,
      })
      .getOne();
  }
}
