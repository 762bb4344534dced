import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '../common/i18n/locale';
import { Journal } from './journal.entity';

/**
 * A line of the editorial board as published on the site and the issue masthead. Independent of
 * accounts: boards list honorary members who never log in.
 */
@Entity('editorial_board_members')
@Index('board_members_journal_idx', ['journalId', 'seq'])
export class BoardMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'jsonb' })
  names: LocalizedText;

  /** e.g. { ar: 'رئيس التحرير', en: 'Editor-in-Chief', fr: 'Rédacteur en chef' } */
  @Column({ type: 'jsonb' })
  roleTitles: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  affiliations: LocalizedText;

  @Column({ type: 'varchar', length: 19, nullable: true })
  orcid: string | null;

  @Column({ type: 'int', default: 0 })
  seq: number;
}
