import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { LocalizedText } from '../common/i18n/locale';
import { Journal } from '../journals/journal.entity';

/**
 * A journal's announcement (a call for papers, news of the forum, a deadline moved), per
 * language. A draft until `publishedAt` is set; public from that moment on, so a time in the
 * future schedules it. After `expiresAt` it leaves the journal's home page and stays in the list.
 */
@Entity('announcements')
// The migration makes it (journal_id, published_at DESC): the public list's order.
@Index('announcements_journal_published_idx', ['journalId', 'publishedAt'])
export class Announcement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  /** At least in the journal's primary language. */
  @Column({ type: 'jsonb' })
  titles: LocalizedText;

  /** Plain text; paragraphs are separated by a blank line. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  bodies: LocalizedText;

  /** A sentence or two for the home page and the list. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  summaries: LocalizedText;

  /** Millisecond precision, like a JS Date, so keyset cursors compare exactly. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;

  @VersionColumn()
  lockVersion: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
