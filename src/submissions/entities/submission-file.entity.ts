import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { StoredAnonymisation } from '../../anonymisation/file-anonymiser';
import { Submission } from './submission.entity';

/** What authors upload with a submission and its revisions. */
export const FILE_GENRES = [
  'manuscript',
  'figure',
  'table',
  'dataset',
  'supplementary',
  'cover_letter',
] as const;
/**
 * Files of the stages after acceptance, shared in copyediting and production discussions: the
 * copyedited manuscript and the galleys. Never part of a review round.
 */
export const STAGE_FILE_GENRES = ['copyedited', 'galley'] as const;
export type FileGenre = (typeof FILE_GENRES)[number] | (typeof STAGE_FILE_GENRES)[number];

/** What reviewers receive of a round's files: everything the author uploads but the cover letter. */
export const REVIEW_ROUND_GENRES: readonly FileGenre[] = FILE_GENRES.filter(
  (genre) => genre !== 'cover_letter',
);

/**
 * One uploaded file version. Content lives in FileStorage under its SHA-256; a revision adds a
 * row with the next version number, nothing is overwritten. For double-anonymous review the
 * anonymised copy's key is kept beside the original's.
 */
@Entity('submission_files')
@Index('submission_files_submission_idx', ['submissionId', 'genre', 'version'])
export class SubmissionFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'varchar', length: 16 })
  genre: FileGenre;

  /** The submission's manuscript version this file belongs to (1 at first submission). */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 64 })
  storageKey: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  size: number;

  /** Decided from the content (magic bytes), never from the name. */
  @Column({ type: 'varchar', length: 120 })
  mediaType: string;

  /** Shown to people; never used as a path. */
  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  /** The copy that double-anonymous reviewers receive; null when the file could not be cleaned. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  anonymisedKey: string | null;

  /** The anonymisation report: what the copy had removed, and names left in its text. */
  @Column({ type: 'jsonb', nullable: true })
  anonymisation: StoredAnonymisation | null;

  /**
   * Why the file could not be cleaned (an archive, an encrypted PDF, an OLE object…): it is held
   * back from double-anonymous reviewers until an editor releases it. Null for a cleaned file.
   */
  @Column({ type: 'text', nullable: true })
  heldReason: string | null;

  /** When an editor released a held file to reviewers, who had checked it by hand. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  releasedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  releasedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
