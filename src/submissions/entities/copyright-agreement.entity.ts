import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Submission } from './submission.entity';

/** The author's agreement to the journal's copyright and licence terms, exactly as shown. */
@Entity('copyright_agreements')
export class CopyrightAgreement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'uuid' })
  userId: string;

  /** The terms text shown to the author, in the language it was shown in. */
  @Column({ type: 'text' })
  termsText: string;

  /** A hash of the terms: which version of the terms was agreed to. */
  @Column({ type: 'varchar', length: 64 })
  termsVersion: string;

  @Column({ type: 'varchar', length: 300 })
  licenceUrl: string;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  agreedAt: Date;
}
