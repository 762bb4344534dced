import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../../accounts/user.entity';
import { TypesettingRun } from './typesetting-run.entity';

export const PROOF_RESPONSES = ['approved', 'corrections'] as const;
export type ProofResponseKind = (typeof PROOF_RESPONSES)[number];

/**
 * What the author (or an editor) said of a proof: approved, or corrections sent, which open a
 * production discussion holding them. One answer per person and proof; a later one replaces it.
 */
@Entity('proof_responses')
@Unique('proof_responses_run_user_unique', ['runId', 'userId'])
export class ProofResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => TypesettingRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: TypesettingRun;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 12 })
  response: ProofResponseKind;

  /** The production discussion the corrections were posted in. */
  @Column({ type: 'uuid', nullable: true })
  discussionId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
