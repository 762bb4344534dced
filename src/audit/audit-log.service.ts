import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../editorial/request-context';
import { type Page, paginate } from '../common/pagination/cursor-page';
import { AuditEvent } from './audit-event.entity';
import type { SiteAuditQuery } from './dto/audit-query.dto';

export interface AuditEntry {
  actor: Actor;
  journalId?: string | null;
  objectType: string;
  objectId?: string | null;
  action: string;
  before?: object | null;
  after?: object | null;
}

/** Fields that never go into the audit log, whatever object they belong to. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash', 'secretHash']);

function scrub(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_FIELDS.has(key)));
}

/**
 * Appends to the audit log inside the caller's transaction, so the record exists exactly when
 * the change does. For settings, callers pass `before` and `after`; only the fields that
 * changed are kept.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, filtered by journal, object and action. */
  list(query: SiteAuditQuery): Promise<Page<AuditEvent>> {
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.journalId)
      builder.andWhere('event.journal_id = :journalId', { journalId: query.journalId });
    if (query.objectType)
      builder.andWhere('event.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId)
      builder.andWhere('event.object_id = :objectId', { objectId: query.objectId });
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    const keys = [
      { property: 'occurredAt' as const, column: 'occurred_at' },
      { property: 'id' as const, column: 'id' },
    ];
    return paginate(builder, { keys, direction: 'DESC' }, query);
  }

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    let before = scrub(entry.before);
    let after = scrub(entry.after);
    if (before && after) {
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
        (key) => JSON.stringify(before![key]) !== JSON.stringify(after![key]),
      );
      before = Object.fromEntries(changed.map((key) => [key, before![key] ?? null]));
      after = Object.fromEntries(changed.map((key) => [key, after![key] ?? null]));
    }
    const event: Partial<AuditEvent> = {
      actorKind: entry.actor.kind,
      actorUserId: entry.actor.userId ?? null,
      actorIp: entry.actor.ip ?? null,
      correlationId: entry.actor.correlationId ?? null,
      journalId: entry.journalId ?? null,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      action: entry.action,
      before,
      after,
    };
    await manager.insert(AuditEvent, event as QueryDeepPartialEntity<AuditEvent>);
  }
}
