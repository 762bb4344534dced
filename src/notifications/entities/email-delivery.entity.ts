import {
  Column,
  JoinColumn,
  OneToOne,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale } from '../../common/i18n/locale';
import { OutboxMessage } from './outbox-message.entity';

export const EMAIL_DELIVERY_STATUSES = ['sending', 'retrying', 'sent', 'failed'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/** What happened when the worker sent one outbox message: one row per message, updated per try. */
@Entity('email_deliveries')
export class EmailDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  outboxMessageId: string;

  @OneToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_message_id' })
  outboxMessage?: OutboxMessage;

  @Column({ type: 'varchar', length: 320 })
  recipientEmail: string;

  @Column({ type: 'varchar', length: 100 })
  template: string;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: EmailDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
