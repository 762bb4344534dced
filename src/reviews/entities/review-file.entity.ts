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
import { ReviewAssignment } from './review-assignment.entity';

/**
 * A file a reviewer uploads with the review (an annotated manuscript). The copy the author may
 * receive has the reviewer's document properties removed and is named neutrally.
 */
@Entity('review_files')
@Index('review_files_assignment_idx', ['assignmentId'])
export class ReviewFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => ReviewAssignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: ReviewAssignment;

  @Column({ type: 'varchar', length: 64 })
  storageKey: string;

  /** The copy without the reviewer's name in its properties: the only one an author gets. */
  @Column({ type: 'varchar', length: 64 })
  anonymisedKey: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  size: number;

  @Column({ type: 'varchar', length: 120 })
  mediaType: string;

  /** Shown to the reviewer and editors only. */
  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  /** The anonymisation report of the copy, for the reviewer and the editors. */
  @Column({ type: 'jsonb', nullable: true })
  anonymisation: StoredAnonymisation | null;

  /** Whether the reviewer offers the file to the author (the editor still chooses). */
  @Column({ type: 'boolean', default: true })
  shareWithAuthor: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
