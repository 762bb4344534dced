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
import { User } from '../../accounts/user.entity';
import type { Locale } from '../../common/i18n/locale';
import type { SubmissionStage } from '../../editorial/stages/stage-transitions';
import { Journal } from '../../journals/journal.entity';
import { Section } from '../../journals/section.entity';

/** The stages of the domain map (the editorial core's transition table); `draft` comes first. */
export { SUBMISSION_STAGES, type SubmissionStage } from '../../editorial/stages/stage-transitions';

/**
 * A manuscript on its way through the journal. Metadata per language, contributors, files,
 * the copyright agreement and the history hang off it.
 */
@Entity('submissions')
@Unique('submissions_journal_number_unique', ['journalId', 'number'])
@Index('submissions_journal_stage_idx', ['journalId', 'stage', 'createdAt'])
@Index('submissions_submitter_idx', ['submitterId', 'createdAt'])
@Index('submissions_listing_idx', ['journalId', 'submittedAt', 'id'])
// A GIN index over searchVector, written by hand in the migration (TypeORM cannot declare one).
@Index('submissions_search_idx', { synchronize: false })
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'uuid' })
  sectionId: string;

  @ManyToOne(() => Section, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'section_id' })
  section?: Section;

  @Column({ type: 'uuid' })
  submitterId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitter_id' })
  submitter?: User;

  /** Quoted in correspondence, e.g. VOL-2026-0042; given at submission. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  number: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  stage: SubmissionStage;

  /** The manuscript's language. */
  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'text', nullable: true })
  funding: string | null;

  @Column({ type: 'text', nullable: true })
  competingInterests: string | null;

  @Column({ type: 'text', nullable: true })
  dataAvailability: string | null;

  /** One reference per entry, as the author wrote it. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  @Column({ type: 'text', nullable: true })
  commentsToEditor: string | null;

  /** Ids of the journal's checklist items the author confirmed. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  checklistConfirmed: string[];

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** The manuscript version editors and reviewers work on; a revision adds the next one. */
  @Column({ type: 'int', default: 1 })
  currentVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason: string | null;

  /** The manuscript or copyedited file marked galley-ready: the source for typesetting. */
  @Column({ type: 'uuid', nullable: true })
  galleySourceFileId: string | null;

  /**
   * Titles, subtitles, abstracts and keywords in every language, folded (lower case, no Arabic
   * diacritics, one alef) and indexed with PostgreSQL's `simple` text search configuration.
   */
  @Column({ type: 'tsvector', nullable: true, select: false })
  searchVector: string | null;

  /** Optimistic locking: two people changing one submission at once → the second gets 409. */
  @VersionColumn()
  lockVersion: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
