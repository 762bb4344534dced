import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type Page, paginate } from '../common/pagination/cursor-page';
import { Repository } from '../database/transactions';
import { AuditEvent } from './audit-event.entity';
import type { SiteAuditQuery } from './dto/audit-query.dto';

@Injectable()
export class AuditEventRepository extends Repository {
  async insert(event: Partial<AuditEvent>): Promise<void> {
    await this.db.insert(AuditEvent, event as QueryDeepPartialEntity<AuditEvent>);
  }

  /** Newest first, filtered by journal, object and action. */
  page(query: SiteAuditQuery): Promise<Page<AuditEvent>> {
    const builder = this.db.getRepository(AuditEvent).createQueryBuilder('event');
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
}
