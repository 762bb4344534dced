import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which object, when and from where. Append-only: a trigger in the migration
 * refuses UPDATE and DELETE, and there are deliberately no foreign keys (deleting or
 * anonymising a user or journal must not rewrite history).
 */
@Entity('audit_events')
@Index('audit_events_journal_idx', ['journalId', 'occurredAt', 'id'])
@Index('audit_events_object_idx', ['objectType', 'objectId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Millisecond precision, like a JS Date, so keyset cursors compare exactly. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** `user`, `operator` (the ADMIN_API_TOKEN) or `system`. */
  @Column({ type: 'varchar', length: 16 })
  actorKind: 'user' | 'operator' | 'system';

  @Column({ type: 'varchar', length: 45, nullable: true })
  actorIp: string | null;

  @Column({ type: 'uuid', nullable: true })
  journalId: string | null;

  @Column({ type: 'varchar', length: 40 })
  objectType: string;

  @Column({ type: 'uuid', nullable: true })
  objectId: string | null;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId: string | null;
}
