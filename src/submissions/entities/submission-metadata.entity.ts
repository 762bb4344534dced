import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Locale } from '../../common/i18n/locale';
import { Submission } from './submission.entity';

/** Title, subtitle, abstract and keywords in one language. */
@Entity('submission_metadata')
@Unique('submission_metadata_locale_unique', ['submissionId', 'locale'])
export class SubmissionMetadata {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  subtitle: string | null;

  @Column({ type: 'text', nullable: true })
  abstract: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];
}
