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
import { ReviewRound } from '../reviews/entities/review-round.entity';
import { Submission, type SubmissionStage } from '../submissions/entities/submission.entity';
import type { DecisionKind } from '../editorial/stages/stage-transitions';

/** An editorial decision, kept for good with the letter the author received. */
@Entity('decisions')
@Index('decisions_submission_idx', ['submissionId', 'createdAt'])
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** The round the decision closes or acts on, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  roundId: string | null;

  @ManyToOne(() => ReviewRound, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'round_id' })
  round?: ReviewRound;

  @Column({ type: 'varchar', length: 32 })
  kind: DecisionKind;

  @Column({ type: 'uuid' })
  decidedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: User;

  @Column({ type: 'varchar', length: 16 })
  stageBefore: SubmissionStage;

  @Column({ type: 'varchar', length: 16 })
  stageAfter: SubmissionStage;

  /** Why the editor overrode a requirement (e.g. accepting with fewer reviews than required). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revisionsDueAt: Date | null;

  /** The letter as sent; null when the editor chose not to notify the author. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  letterSubject: string | null;

  @Column({ type: 'text', nullable: true })
  letterBody: string | null;

  /** Assignments whose reviews went to the author with this decision, in the order shown. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  sharedAssignmentIds: string[];

  /** Review files sent with them (anonymised copies). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  sharedReviewFileIds: string[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
