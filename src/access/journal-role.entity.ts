import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import { Journal } from '../journals/journal.entity';
import type { JournalRoleName } from '../editorial/roles';

@Entity('journal_roles')
@Unique('journal_roles_unique', ['journalId', 'userId', 'role'])
@Index('journal_roles_user_idx', ['userId'])
export class JournalRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role: JournalRoleName;

  /** Who enrolled this person (null: self-enrolment or seed). */
  @Column({ type: 'uuid', nullable: true })
  grantedBy: string | null;

  /** Millisecond precision, like a JS Date, so keyset cursors compare exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
