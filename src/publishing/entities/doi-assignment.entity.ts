import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Journal } from '../../journals/journal.entity';
import { Submission } from '../../submissions/entities/submission.entity';

/**
 * Every DOI ever minted here, kept for good: a DOI is never reused, even if its article never
 * appears. One per article (submission); its publication versions all carry it. Frozen when the
 * article is published; registered once deposited with the registration agency.
 */
@Entity('doi_assignments')
// DOIs compare case-insensitively (DOI Handbook): unique folded.
@Index('doi_assignments_doi_folded_unique', { synchronize: false })
export class DoiAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As minted ("10.32013/jvw.2026.1"); unique regardless of case (an index on lower(doi)). */
  @Column({ type: 'varchar', length: 300 })
  doi: string;

  @Column({ type: 'uuid', unique: true })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAt: Date | null;
}
