import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Locale } from '../../common/i18n/locale';
import { Issue } from './issue.entity';
import { Publication } from './publication.entity';

/**
 * A file readers get: an article's PDF, HTML or JATS XML (of one publication version), or the
 * issue's own (its whole PDF). Uploaded by the production editor, or made by typesetting.
 */
@Entity('galleys')
@Index('galleys_publication_idx', ['publicationId'])
@Index('galleys_issue_idx', ['issueId'])
export class Galley {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  publicationId: string | null;

  @ManyToOne(() => Publication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'publication_id' })
  publication?: Publication | null;

  @Column({ type: 'uuid', nullable: true })
  issueId: string | null;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Issue | null;

  /** What readers see on the link: "PDF", "HTML", «PDF عربي»… */
  @Column({ type: 'varchar', length: 60 })
  label: string;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'varchar', length: 120 })
  mediaType: string;

  @Column({ type: 'varchar', length: 64 })
  storageKey: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  size: number;

  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'int', default: 0 })
  seq: number;

  /**
   * The typesetting run that made this galley; null for an uploaded one. Typesetting again
   * replaces the galleys it made before and leaves uploaded ones alone. A foreign key to
   * typesetting_runs named by its table, not by its entity: typesetting stands above publishing,
   * which never imports it.
   */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('typesetting_runs', { onDelete: 'SET NULL' })
  typesettingRunId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
