import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { Discussion } from './discussion.entity';

/**
 * How far a participant has read a discussion: the time of the newest message they were shown.
 * The messages of others written after it are their unread ones. Kept as a message's own time,
 * not the time of reading, so that a message written while the thread was being read, and not
 * shown, still counts as unread.
 */
@Entity('discussion_reads')
export class DiscussionRead {
  @PrimaryColumn({ type: 'uuid' })
  discussionId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Discussion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'discussion_id' })
  discussion?: Discussion;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'timestamptz', precision: 3 })
  readUpTo: Date;
}
