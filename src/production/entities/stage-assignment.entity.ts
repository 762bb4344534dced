import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../accounts/user.entity';
import { Submission } from '../../submissions/entities/submission.entity';
import type { ProductionStage, StageRole } from '../production-stages';

/**
 * A copyeditor or production editor assigned to one stage of a submission. Removing an
 * assignment keeps the row (removedAt); the same person can be assigned again afterwards.
 */
@Entity('stage_assignments')
@Index('stage_assignments_submission_idx', ['submissionId', 'stage'])
@Index('stage_assignments_user_idx', ['userId'])
// One active assignment per person and stage: a second one is a 409.
@Index('stage_assignments_active_unique', ['submissionId', 'stage', 'userId'], {
  unique: true,
  where: 'removed_at IS NULL',
})
export class StageAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'varchar', length: 16 })
  stage: ProductionStage;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The journal role the assignment rests on (copyeditor or production_editor). */
  @Column({ type: 'varchar', length: 20 })
  role: StageRole;

  @Column({ type: 'uuid' })
  assignedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by_id' })
  assignedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  assignedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}
