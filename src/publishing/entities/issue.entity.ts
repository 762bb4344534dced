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
import type { LocalizedText } from '../../common/i18n/locale';
import { Journal } from '../../journals/journal.entity';

export const ISSUE_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** A guest editor of a special issue, named as the issue prints it. */
export interface GuestEditor {
  names: LocalizedText;
  affiliation?: string;
}

/**
 * An issue of the journal: volume, number and year, with an optional title per language.
 * Drafts (and scheduled issues) are the editors' alone; a published issue is public, and the
 * newest published one is the journal's current issue.
 */
@Entity('issues')
@Unique('issues_journal_volume_number_unique', ['journalId', 'volume', 'number'])
// One current issue per journal.
@Index('issues_current_unique', ['journalId'], { unique: true, where: 'is_current' })
@Index('issues_journal_published_idx', ['journalId', 'publishedAt'])
export class Issue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'int' })
  volume: number;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  titles: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  descriptions: LocalizedText;

  /** How the issue is identified in print: any of volume, number, year and title. */
  @Column({ type: 'boolean', default: true })
  showVolume: boolean;

  @Column({ type: 'boolean', default: true })
  showNumber: boolean;

  @Column({ type: 'boolean', default: true })
  showYear: boolean;

  @Column({ type: 'boolean', default: false })
  showTitle: boolean;

  @Column({ type: 'boolean', default: false })
  special: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  guestEditors: GuestEditor[];

  /** The cover image in storage (JPEG or PNG), if any. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  coverImageKey: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  coverImageMediaType: string | null;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: IssueStatus;

  /** When a scheduled issue is to be published by the worker. */
  @Column({ type: 'timestamptz', nullable: true })
  scheduledFor: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  isCurrent: boolean;

  @VersionColumn()
  lockVersion: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
