import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../accounts/user.entity';
import { SubmissionFile } from '../../submissions/entities/submission-file.entity';
import { Discussion } from './discussion.entity';

/**
 * One message of a discussion: text, or a file shared in it (then stored among the
 * submission's files as `copyedited` or `galley`, and the text may be empty).
 */
@Entity('discussion_messages')
@Index('discussion_messages_discussion_idx', ['discussionId', 'createdAt'])
export class DiscussionMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  discussionId: string;

  @ManyToOne(() => Discussion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'discussion_id' })
  discussion?: Discussion;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  fileId: string | null;

  @ManyToOne(() => SubmissionFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: SubmissionFile | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
