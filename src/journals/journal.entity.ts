import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale, LocalizedText } from '../common/i18n/locale';

export const REVIEW_POLICIES = ['double_anonymous', 'anonymous', 'open'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];
export const COPYRIGHT_HOLDER_RULES = ['authors', 'publisher'] as const;
export type CopyrightHolderRule = (typeof COPYRIGHT_HOLDER_RULES)[number];

/** One item authors confirm before submitting, in the journal's languages. */
export interface ChecklistItem {
  id: string;
  text: LocalizedText;
}

/**
 * A journal hosted by this installation: its identity, publishing facts (ISSNs, publisher, DOI
 * prefix, copyright and licence) and editorial settings (review policy, deadlines, checklist).
 * Every later feature reads these; site administrators create journals, managers edit them.
 */
@Entity('journals')
export class Journal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  slug: string;

  @Column({ type: 'jsonb' })
  titles: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  abbreviations: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  descriptions: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  focusAndScope: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  authorGuidelines: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  privacyStatements: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  openAccessStatements: LocalizedText;

  /** The journal's publication ethics policy (misconduct, corrections, retractions, COPE). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  publicationEthics: LocalizedText;

  @Column({ type: 'varchar', length: 5 })
  primaryLocale: Locale;

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  additionalLocales: Locale[];

  @Column({ type: 'varchar', length: 9, nullable: true, unique: true })
  onlineIssn: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true, unique: true })
  printIssn: string | null;

  @Column({ type: 'varchar', length: 300 })
  publisherName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  publisherPlace: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  contactEmail: string | null;

  /** e.g. 10.32013; DOIs are minted as <prefix>/<suffix pattern rendered>. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  doiPrefix: string | null;

  @Column({ type: 'varchar', length: 100, default: '{journal}.{year}.{article}' })
  doiSuffixPattern: string;

  @Column({ type: 'varchar', length: 16, default: 'authors' })
  copyrightHolderRule: CopyrightHolderRule;

  /** A Creative Commons licence URL; CC BY 4.0 unless the journal chooses otherwise. */
  @Column({ type: 'varchar', length: 300, default: 'https://creativecommons.org/licenses/by/4.0/' })
  licenceUrl: string;

  @Column({ type: 'varchar', length: 20, default: 'double_anonymous' })
  reviewPolicy: ReviewPolicy;

  @Column({ type: 'int', default: 7 })
  reviewResponseDays: number;

  @Column({ type: 'int', default: 28 })
  reviewDueDays: number;

  /** Days before a due date when the reviewer is reminded. */
  @Column({ type: 'int', default: 3 })
  reviewReminderDays: number;

  /** After a due date passes, the reviewer is reminded every this many days… */
  @Column({ type: 'int', default: 7 })
  reviewOverdueReminderDays: number;

  /** …this many times, and then the editor is told (escalation). */
  @Column({ type: 'int', default: 2 })
  reviewOverdueReminders: number;

  @Column({ type: 'int', default: 2 })
  minReviewsPerRound: number;

  /**
   * Section editors recommend decisions (accept, decline, revisions…) to the editors instead of
   * taking them; sending to review and to production stay theirs.
   */
  @Column({ type: 'boolean', default: false })
  sectionEditorsRecommend: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  submissionChecklist: ChecklistItem[];

  /**
   * Languages in which every submission must also give its title and abstract, besides its own
   * language (e.g. an Arabic journal asking for an English abstract too).
   */
  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  requiredAbstractLocales: Locale[];

  /** Largest file an author may upload, in megabytes. */
  @Column({ type: 'int', default: 50 })
  maxUploadMb: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
