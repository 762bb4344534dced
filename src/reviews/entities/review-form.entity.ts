import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { LocalizedText } from '../../common/i18n/locale';
import { Journal } from '../../journals/journal.entity';

export const QUESTION_KINDS = ['text', 'scale', 'yes_no', 'choice'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface ReviewFormQuestion {
  id: string;
  kind: QuestionKind;
  label: LocalizedText;
  description?: LocalizedText;
  required: boolean;
  /** Whether the answer may reach the author (with the comments for the author). */
  sharedWithAuthor: boolean;
  /** `choice` only. */
  options?: { id: string; label: LocalizedText }[];
  /** `scale` only: inclusive bounds, e.g. 1–5. */
  scale?: { min: number; max: number; minLabel?: LocalizedText; maxLabel?: LocalizedText };
}

/** Questions a journal's managers ask reviewers, beside the fixed parts of every review. */
@Entity('review_forms')
@Index('review_forms_journal_idx', ['journalId'])
export class ReviewForm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'jsonb' })
  titles: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: ReviewFormQuestion[];

  /** Inactive forms stay for the reviews that used them but are not offered any more. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The form new invitations use unless the editor picks another. */
  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
