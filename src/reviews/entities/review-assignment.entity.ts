import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { User } from '../../accounts/user.entity';
import { Journal } from '../../journals/journal.entity';
import { Submission } from '../../submissions/entities/submission.entity';
import type { ReviewMethod } from '../review-vocabulary';
import { ReviewRound } from './review-round.entity';

/** Stored states; "overdue" is derived from the due dates (see `assignmentStatus`). */
export const ASSIGNMENT_STATES = [
  'invited',
  'accepted',
  'declined',
  'completed',
  'cancelled',
] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** What made a reviewer look conflicted when they were invited. */
export interface ConflictOfInterest {
  kind: 'contributor' | 'shared_affiliation' | 'coauthor';
  detail: string;
}

/** One reviewer asked to review one round: the invitation, its answer, due dates, reminders. */
@Entity('review_assignments')
@Unique('review_assignments_round_reviewer_unique', ['roundId', 'reviewerId'])
@Index('review_assignments_reviewer_idx', ['reviewerId', 'state'])
@Index('review_assignments_submission_idx', ['submissionId'])
// The reminder scan walks open assignments only.
@Index('review_assignments_open_idx', ['state', 'reviewDueAt'], {
  where: `state IN ('invited', 'accepted')`,
})
export class ReviewAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: ReviewRound;

  @Column({ type: 'uuid' })
  reviewerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column({ type: 'uuid' })
  invitedById: string;

  @Column({ type: 'varchar', length: 20 })
  method: ReviewMethod;

  @Column({ type: 'varchar', length: 12, default: 'invited' })
  state: AssignmentState;

  @Column({ type: 'timestamptz' })
  responseDueAt: Date;

  @Column({ type: 'timestamptz' })
  reviewDueAt: Date;

  @Column({ type: 'text', default: '' })
  personalMessage: string;

  @Column({ type: 'uuid', nullable: true })
  reviewFormId: string | null;

  /** Conflicts found when inviting; inviting despite them needs a stated reason. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  conflicts: ConflictOfInterest[];

  @Column({ type: 'text', nullable: true })
  conflictOverrideReason: string | null;

  /**
   * Secret half of the accept/decline link; cleared once the link is used or the assignment is
   * cancelled, which makes the link single-use.
   */
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  responseNonce: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  invitedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  suggestedReviewer: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Reminders sent after a due date passed; after the journal's maximum the editor is told. */
  @Column({ type: 'int', default: 0 })
  overdueReminders: number;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** The editor's private rating of the review's quality, 1–5. */
  @Column({ type: 'smallint', nullable: true })
  qualityRating: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  thankedAt: Date | null;

  @VersionColumn()
  lockVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
