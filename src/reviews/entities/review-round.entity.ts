import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Submission } from '../../submissions/entities/submission.entity';

/**
 * `in_review`: reviewers are invited and review; `revisions_requested`: a decision asked the
 * author to revise; `revisions_submitted`: the author has, and the editor decides what next;
 * `closed`: a later round or a final decision ended it.
 */
export const ROUND_STATUSES = [
  'in_review',
  'revisions_requested',
  'revisions_submitted',
  'closed',
] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** `minor`/`major`: the author revises within this round; `new_round`: the revision is reviewed again. */
export const REVISION_KINDS = ['minor', 'major', 'new_round'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/**
 * One round of review of one manuscript version. "Send to review" opens round 1; a
 * "resubmit for review" decision makes the author's next version open the next round.
 */
@Entity('review_rounds')
@Unique('review_rounds_submission_number_unique', ['submissionId', 'number'])
export class ReviewRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** 1, 2, …: the round's number within its submission. */
  @Column({ type: 'int' })
  number: number;

  /** The manuscript version reviewers of this round read. */
  @Column({ type: 'int' })
  fileVersion: number;

  @Column({ type: 'varchar', length: 24, default: 'in_review' })
  status: RoundStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  revisionKind: RevisionKind | null;

  @Column({ type: 'timestamptz', nullable: true })
  revisionsDueAt: Date | null;

  /** The author's response to the reviewers, sent with the revised version. */
  @Column({ type: 'text', nullable: true })
  authorResponse: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revisedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
