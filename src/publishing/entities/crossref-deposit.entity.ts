import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Issue } from './issue.entity';

export const DEPOSIT_STATUSES = ['pending', 'built', 'failed', 'registered'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

/**
 * A Crossref metadata deposit for an issue: requested in the transaction that publishes (or
 * corrects) it, built by the worker into a schema 5.4.0 XML file in storage, and marked
 * registered once Crossref has accepted it (which freezes the issue for good).
 */
@Entity('crossref_deposits')
@Index('crossref_deposits_issue_idx', ['issueId', 'createdAt'])
@Index('crossref_deposits_pending_idx', ['createdAt'], { where: `status = 'pending'` })
export class CrossrefDeposit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  issueId: string;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Issue;

  /** Crossref's doi_batch_id: unique per deposit. */
  @Column({ type: 'varchar', length: 100, unique: true })
  batchId: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: DepositStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  storageKey: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'int', default: 0 })
  articles: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  builtAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAt: Date | null;
}
