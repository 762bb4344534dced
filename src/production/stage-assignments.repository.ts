import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Repository } from '../database/transactions';
import { StageAssignment } from './entities/stage-assignment.entity';
import type { ProductionStage } from './production-stages';

/** The rows of stage_assignments: who copyedits and produces which submission. */
@Injectable()
export class StageAssignmentsRepository extends Repository {
  /** The submission's assignments (removed ones too), oldest first, with the people named. */
  ofSubmission(submissionId: string): Promise<StageAssignment[]> {
    return this.db.find(StageAssignment, {
      where: { submissionId },
      relations: { user: true, assignedBy: true },
      order: { assignedAt: 'ASC' },
    });
  }

  /** One assignment with the people it names. */
  withPeople(id: string): Promise<StageAssignment> {
    return this.db.findOneOrFail(StageAssignment, {
      where: { id },
      relations: { user: true, assignedBy: true },
    });
  }

  /** Whether the person is assigned to the stage now. */
  isAssigned(submissionId: string, stage: ProductionStage, userId: string): Promise<boolean> {
    return this.db.existsBy(StageAssignment, {
      submissionId,
      stage,
      userId,
      removedAt: IsNull(),
    });
  }

  insert(values: Partial<StageAssignment>): Promise<StageAssignment> {
    return this.db.save(this.db.create(StageAssignment, values));
  }

  /** One assignment of the submission, locked until the transaction ends. */
  lock(submissionId: string, id: string): Promise<StageAssignment | null> {
    return this.db.findOne(StageAssignment, {
      where: { id, submissionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async remove(id: string, removedAt: Date): Promise<void> {
    await this.db.update(StageAssignment, { id }, { removedAt });
  }
}
