import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PersonNames } from '../../editorial/people';
import { Submission } from './submission.entity';

export const CONTRIBUTOR_ROLES = ['author', 'translator', 'editor'] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/** A person credited on a submission, in byline order. Not necessarily a user. */
@Entity('contributors')
@Index('contributors_submission_idx', ['submissionId', 'seq'])
export class Contributor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'jsonb' })
  names: PersonNames;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  affiliation: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 19, nullable: true })
  orcid: string | null;

  @Column({ type: 'varchar', length: 16, default: 'author' })
  role: ContributorRole;

  @Column({ type: 'boolean', default: false })
  corresponding: boolean;

  @Column({ type: 'boolean', default: true })
  inByline: boolean;
}
