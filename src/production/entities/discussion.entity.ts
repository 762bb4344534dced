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
import type { ProductionStage } from '../production-stages';

/**
 * A thread of one stage of a submission, between its author, its editors and the stage's
 * assignees. A closed discussion is kept and read, but takes no more messages.
 */
@Entity('discussions')
@Index('discussions_submission_idx', ['submissionId', 'createdAt'])
export class Discussion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'varchar', length: 16 })
  stage: ProductionStage;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
