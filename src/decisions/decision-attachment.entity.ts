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
import type { StoredAnonymisation } from '../anonymisation/file-anonymiser';
import { Decision } from './decision.entity';

/**
 * A file an editor attaches to a decision letter. Uploaded before the decision (unsent while
 * `decisionId` is null), then linked to the decision that sends it; a sent attachment is part of
 * the record and is never deleted. DOCX, ODT, PDF and Markdown are stored only as copies with
 * their identifying document properties stripped (an editor may attach a reviewer's file).
 */
@Entity('decision_attachments')
@Index('decision_attachments_submission_idx', ['submissionId', 'createdAt'])
@Index('decision_attachments_decision_idx', ['decisionId'])
export class DecisionAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** The decision whose letter carried it; null while it waits to be sent. */
  @Column({ type: 'uuid', nullable: true })
  decisionId: string | null;

  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Decision | null;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User;

  /** The content as stored and served (the stripped copy for documents); never shown. */
  @Column({ type: 'varchar', length: 64 })
  storageKey: string;

  /** Of the stored content. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  size: number;

  /** Decided from the content (magic bytes), never from the name. */
  @Column({ type: 'varchar', length: 120 })
  mediaType: string;

  /** The name the editor uploaded it under: the name the author sees. Never used as a path. */
  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  /** The anonymisation report: what was stripped, and reviewers still named in the file. */
  @Column({ type: 'jsonb', nullable: true })
  anonymisation: StoredAnonymisation | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
