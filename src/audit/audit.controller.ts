import { MANAGERS } from '../editorial/roles';
import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { JournalAccess, SiteAdminOnly } from '../editorial/journal-access';
import type { Page } from '../common/pagination/cursor-page';
import type { AuditEvent } from './audit-event.entity';
import { AuditLog } from './audit-log.service';
import { AuditQuery, SiteAuditQuery } from './dto/audit-query.dto';

/** The audit log, newest first: a journal's for its managers, everything for site administrators. */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @JournalAccess({ roles: MANAGERS })
  @Get('journals/:slug/audit-events')
  @ApiOperation({ summary: 'What happened in this journal (managers)' })
  journalEvents(@Req() request: Request, @Query() query: AuditQuery): Promise<Page<AuditEvent>> {
    return this.audit.list({ ...query, journalId: request.journal!.id });
  }

  @SiteAdminOnly()
  @Get('admin/audit-events')
  @ApiOperation({ summary: 'What happened anywhere in this installation (site administrators)' })
  siteEvents(@Query() query: SiteAuditQuery): Promise<Page<AuditEvent>> {
    return this.audit.list(query);
  }
}
