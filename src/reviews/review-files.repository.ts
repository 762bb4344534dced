import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewFile } from './entities/review-file.entity';

/** The rows of review_files: what reviewers attach to their reviews. */
@Injectable()
export class ReviewFilesRepository extends Repository {
  /** An assignment's files, oldest first. */
  ofAssignment(assignmentId: string): Promise<ReviewFile[]> {
    return this.db.find(ReviewFile, { where: { assignmentId }, order: { createdAt: 'ASC' } });
  }

  find(id: string, assignmentId: string): Promise<ReviewFile | null> {
    return this.db.findOneBy(ReviewFile, { id, assignmentId });
  }

  /** A file of an assignment of the submission. */
  ofSubmission(id: string, assignmentId: string, submissionId: string): Promise<ReviewFile | null> {
    return this.db
      .createQueryBuilder(ReviewFile, 'f')
      .innerJoin(ReviewAssignment, 'a', 'a.id = f.assignment_id')
      .where('f.id = :id AND a.id = :assignmentId AND a.submission_id = :submissionId', {
        id,
        assignmentId,
        submissionId,
      })
      .getOne();
  }

  create(values: Partial<ReviewFile>): Promise<ReviewFile> {
    return this.db.save(this.db.create(ReviewFile, values));
  }

  /** Whether a file was deleted. */
  async delete(id: string, assignmentId: string): Promise<boolean> {
    return !!(await this.db.delete(ReviewFile, { id, assignmentId })).affected;
  }

  /** Whether a review file holds this stored content (its original or its cleaned copy). */
  holds(key: string): Promise<boolean> {
    return this.db.exists(ReviewFile, { where: [{ storageKey: key }, { anonymisedKey: key }] });
  }
}
