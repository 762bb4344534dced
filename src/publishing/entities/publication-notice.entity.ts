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
import type { LocalizedText } from '../../common/i18n/locale';
import { Submission } from '../../submissions/entities/submission.entity';

/** COPE's notices on a published article; a retraction keeps the article visible, marked. */
export const NOTICE_KINDS = ['erratum', 'expression_of_concern', 'retraction'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A notice linked to a published article: an erratum, an expression of concern or a
 * retraction, with its text per language. Part of the public record for good.
 */
@Entity('publication_notices')
@Index('publication_notices_submission_idx', ['submissionId', 'createdAt'])
export class PublicationNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'varchar', length: 24 })
  kind: NoticeKind;

  @Column({ type: 'jsonb' })
  texts: LocalizedText;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
