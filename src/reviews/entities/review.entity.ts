import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Recommendation } from '../review-vocabulary';
import { ReviewAssignment } from './review-assignment.entity';
import type { ReviewFormQuestion } from './review-form.entity';

export type ReviewAnswer = string | number | boolean;

/** What a reviewer wrote: answers to the journal's form plus the fixed parts. */
@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One review per assignment (the one-to-one join makes it unique). */
  @Column({ type: 'uuid' })
  assignmentId: string;

  @OneToOne(() => ReviewAssignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: ReviewAssignment;

  /** The form's questions as they were when the review began: later edits do not change it. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: ReviewFormQuestion[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, ReviewAnswer>;

  @Column({ type: 'varchar', length: 24, nullable: true })
  recommendation: Recommendation | null;

  @Column({ type: 'text', default: '' })
  commentsForAuthor: string;

  /** Never shown to the author, never put in a decision letter. */
  @Column({ type: 'text', default: '' })
  commentsForEditor: string;

  @Column({ type: 'text', default: '' })
  competingInterests: string;

  /** Set on submission; the review is locked until an editor unlocks it. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /**
   * Bumped by every update of the row (TypeORM adds `lock_version + 1` to each UPDATE), so a
   * save that says which version it was made on can be refused when another came first.
   */
  @VersionColumn({ default: 1 })
  lockVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
