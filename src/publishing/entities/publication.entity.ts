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
import type { PersonNames } from '../../editorial/people';
import type { Locale } from '../../common/i18n/locale';
import { Section } from '../../journals/section.entity';
import { Submission } from '../../submissions/entities/submission.entity';
import { Issue } from './issue.entity';

export const PUBLICATION_STATUSES = ['draft', 'published'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** Title, subtitle, abstract and keywords in one language, as published. */
export interface PublishedMetadata {
  title: string;
  subtitle?: string | null;
  abstract?: string | null;
  keywords?: string[];
}

/** A contributor as the article prints them. */
export interface PublishedContributor {
  names: PersonNames;
  email?: string | null;
  affiliation?: string | null;
  country?: string | null;
  orcid?: string | null;
  corresponding: boolean;
}

/**
 * An article as published: one version of a submission's publication record. What typesetting,
 * the public pages and the indexing exports read. A correction is a new version with a note;
 * the DOI stays the same across versions.
 */
@Entity('publications')
@Unique('publications_submission_version_unique', ['submissionId', 'version'])
@Index('publications_issue_idx', ['issueId', 'sectionId', 'seq'])
export class Publication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: PublicationStatus;

  /** What a correction changed, in the journal's words; null for version 1. */
  @Column({ type: 'text', nullable: true })
  versionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  issueId: string | null;

  @ManyToOne(() => Issue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Issue | null;

  @Column({ type: 'uuid' })
  sectionId: string;

  @ManyToOne(() => Section, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'section_id' })
  section?: Section;

  /** Order within its section in the issue's table of contents. */
  @Column({ type: 'int', default: 0 })
  seq: number;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Partial<Record<Locale, PublishedMetadata>>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contributors: PublishedContributor[];

  @Column({ type: 'int', nullable: true })
  firstPage: number | null;

  @Column({ type: 'int', nullable: true })
  lastPage: number | null;

  /** For journals that number articles rather than pages (e-locator). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  articleNumber: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  doi: string | null;

  @Column({ type: 'varchar', length: 300 })
  copyrightHolder: string;

  @Column({ type: 'int' })
  copyrightYear: number;

  @Column({ type: 'varchar', length: 300 })
  licenceUrl: string;

  @Column({ type: 'text', nullable: true })
  funding: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revisedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @VersionColumn()
  lockVersion: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
