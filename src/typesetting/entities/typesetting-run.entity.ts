import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Journal } from '../../journals/journal.entity';
import { Issue } from '../../publishing/entities/issue.entity';
import { Submission } from '../../submissions/entities/submission.entity';

export const TYPESETTING_SCOPES = ['issue', 'article'] as const;
/** A whole issue (its PDF, its articles' PDFs, HTML and JATS), or one article's proof. */
export type TypesettingScope = (typeof TYPESETTING_SCOPES)[number];

export const TYPESETTING_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type TypesettingStatus = (typeof TYPESETTING_STATUSES)[number];

/** One file a run made, in storage. */
export interface TypesettingOutput {
  kind: 'issue-pdf' | 'article-pdf' | 'article-html' | 'article-jats';
  publicationId: string | null;
  storageKey: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/**
 * A request to typeset, and what came of it: queued by an editor, run by the worker (which
 * reports its step and percent here as it goes), then succeeded with its outputs or failed with
 * a readable error. The input hash lets an unchanged issue reuse the last result.
 */
@Entity('typesetting_runs')
@Index('typesetting_runs_issue_idx', ['issueId', 'createdAt'])
@Index('typesetting_runs_submission_idx', ['submissionId', 'createdAt'])
@Index('typesetting_runs_queued_idx', ['createdAt'], { where: `status = 'queued'` })
export class TypesettingRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'varchar', length: 12 })
  scope: TypesettingScope;

  @Column({ type: 'uuid', nullable: true })
  issueId: string | null;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Issue | null;

  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission | null;

  @Column({ type: 'varchar', length: 12, default: 'queued' })
  status: TypesettingStatus;

  @Column({ type: 'int', default: 0 })
  percent: number;

  /** What the worker is doing, e.g. "reading manuscript.docx", "laying out 196 pages". */
  @Column({ type: 'varchar', length: 200, default: 'queued' })
  step: string;

  /** SHA-256 of everything the output depends on: data, images, template and engine. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  inputHash: string | null;

  /** The result was the previous run's, inputs being unchanged: nothing was laid out again. */
  @Column({ type: 'boolean', default: false })
  reused: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  outputs: TypesettingOutput[];

  @Column({ type: 'int', nullable: true })
  pages: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
