import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Locale } from '../../common/i18n/locale';

/**
 * An email Tahkim has decided to send, written in the same transaction as the change that
 * caused it. The relay moves unrelayed rows to the notifications queue, so a rolled-back change
 * never sends mail and an outage of Redis never loses any.
 */
@Entity('outbox_messages')
@Index('outbox_messages_unrelayed_idx', ['createdAt'], { where: 'relayed_at IS NULL' })
@Index('outbox_messages_submission_idx', ['submissionId', 'createdAt'], {
  where: 'submission_id IS NOT NULL',
})
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The email template, e.g. `account-verification` (templates/email/<locale>/<template>.hbs). */
  @Column({ type: 'varchar', length: 100 })
  template: string;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'varchar', length: 320 })
  recipientEmail: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  recipientName: string | null;

  /** Template data: plain values only, never secrets that outlive their use. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  /** The journal the email speaks for: its title and primary language when the user has none. */
  // Named by its table: notifications stand below the journals feature.
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('journals', { onDelete: 'SET NULL' })
  journalId: string | null;

  /**
   * The submission the email is about, for its history. No foreign key: notifications know
   * nothing of submissions, and an email sent stays a fact of the past.
   */
  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;

  /** Set by callers that may retry the same request, so one intent is one email. */
  @Column({ type: 'varchar', length: 200, nullable: true, unique: true })
  dedupeKey: string | null;

  /** clock_timestamp(): after the events of the same transaction, in a submission's history. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;
}
