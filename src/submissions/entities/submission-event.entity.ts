import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Submission } from './submission.entity';

/** The submission's history: who did what, when; authors see the author-visible part. */
@Entity('submission_events')
@Index('submission_events_submission_idx', ['submissionId', 'occurredAt'])
export class SubmissionEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** clock_timestamp() to the microsecond, not now(): events of one transaction keep their order. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. `submitted`, `file_uploaded`, `withdrawn`, `editor_assigned`. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'boolean', default: false })
  authorVisible: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;
}
