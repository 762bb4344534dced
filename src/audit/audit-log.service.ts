import { Injectable } from '@nestjs/common';
import { type Page } from '../common/pagination/cursor-page';
import type { Actor } from '../editorial/request-context';
import type { AuditEvent } from './audit-event.entity';
import { AuditEventRepository } from './audit-event.repository';
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

/** The row of an entry: secrets scrubbed and, for settings, only the fields that changed. */
function eventOf(entry: AuditEntry): Partial<AuditEvent> {
  let before = scrub(entry.before);
  let after = scrub(entry.after);
  if (before && after) {
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => JSON.stringify(before![key]) !== JSON.stringify(after![key]),
    );
    before = Object.fromEntries(changed.map((key) => [key, before![key] ?? null]));
    after = Object.fromEntries(changed.map((key) => [key, after![key] ?? null]));
  }
  return {
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
}

/**
 * Appends to the audit log inside the caller's transaction, so the record exists exactly when
 * the change does. For settings, callers pass `before` and `after`; only the fields that
 * changed are kept.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly events: AuditEventRepository) {}

  /** Newest first, filtered by journal, object and action. */
  list(query: SiteAuditQuery): Promise<Page<AuditEvent>> {
    return this.events.page(query);
  }

  /** Records an entry in the ambient transaction (the service's @Transactional one). */
  write(entry: AuditEntry): Promise<void> {
    return this.events.insert(eventOf(entry));
  }
}
