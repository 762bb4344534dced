import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

export const USER_TOKEN_PURPOSES = ['verify_email', 'reset_password', 'invitation'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

/**
 * A single-purpose, single-use, expiring token sent by email. The emailed value is
 * `<id>.<secret>`: the id finds the row, the secret is compared in constant time against its
 * stored SHA-256.
 */
@Entity('user_tokens')
@Index('user_tokens_user_purpose_idx', ['userId', 'purpose'])
export class UserToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  purpose: UserTokenPurpose;

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
