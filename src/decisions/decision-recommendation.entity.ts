import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import { Submission } from '../submissions/entities/submission.entity';
import type { DecisionKind } from '../editorial/stages/stage-transitions';
import { Decision } from './decision.entity';

/**
 * A section editor's recommendation to the editors, in journals where section editors
 * recommend rather than decide. Kept apart from decisions: it moves nothing and tells the
 * author nothing; the decision that follows it is linked when an editor takes one.
 */
@Entity('decision_recommendations')
@Index('decision_recommendations_submission_idx', ['submissionId', 'createdAt'])
export class DecisionRecommendation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'uuid', nullable: true })
  roundId: string | null;

  @Column({ type: 'varchar', length: 32 })
  decision: DecisionKind;

  @Column({ type: 'uuid' })
  recommendedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recommended_by_id' })
  recommendedBy?: User;

  /** The section editor's reasons, for the editors only. */
  @Column({ type: 'text', default: '' })
  comment: string;

  /** The editors' decision that answered it; null while it waits. */
  @Column({ type: 'uuid', nullable: true })
  decisionId: string | null;

  @ManyToOne(() => Decision, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decision_id' })
  answeredBy?: Decision | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
