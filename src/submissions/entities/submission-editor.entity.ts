import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { Submission } from './submission.entity';

/** An editor responsible for a submission (the section's editors, or the editor-in-chief). */
@Entity('submission_editors')
export class SubmissionEditor {
  @PrimaryColumn({ type: 'uuid' })
  submissionId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt: Date;
}
