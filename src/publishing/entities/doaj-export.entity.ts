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

export const DOAJ_EXPORT_STATUSES = ['pending', 'built', 'failed'] as const;
export type DoajExportStatus = (typeof DOAJ_EXPORT_STATUSES)[number];

/**
 * A DOAJ article upload for an issue: requested in the transaction that publishes (or corrects)
 * it, built by the worker into doajArticles.xsd XML in storage, and downloaded by the editors for
 * DOAJ's upload form.
 */
@Entity('doaj_exports')
@Index('doaj_exports_issue_idx', ['issueId', 'createdAt'])
@Index('doaj_exports_pending_idx', ['createdAt'], { where: `status = 'pending'` })
export class DoajExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  issueId: string;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Issue;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: DoajExportStatus;

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
}
