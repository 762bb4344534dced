import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import type { LocalizedText } from '../common/i18n/locale';
import { Journal } from './journal.entity';

/** A part of the journal (research articles, field reports, reviews…), with its own editors. */
@Entity('sections')
@Index('sections_journal_idx', ['journalId', 'seq'])
export class Section {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'jsonb' })
  titles: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  abbreviations: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  policies: LocalizedText;

  @Column({ type: 'boolean', default: true })
  peerReviewed: boolean;

  @Column({ type: 'int', nullable: true })
  wordLimit: number | null;

  /** Closed sections accept no new submissions (their published articles stay). */
  @Column({ type: 'boolean', default: true })
  openForSubmissions: boolean;

  /** Order in the journal's table of contents. */
  @Column({ type: 'int', default: 0 })
  seq: number;

  @ManyToMany(() => User)
  @JoinTable({
    name: 'section_editors',
    joinColumn: { name: 'section_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'user_id', referencedColumnName: 'id' },
  })
  editors?: User[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
