import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { mapPage } from '../common/pagination/page.dto';
import { JournalAccess, SiteAdminOnly } from '../editorial/journal-access';
import { CurrentJournalRef, type JournalRef } from '../editorial/request-context';
import { MANAGERS } from '../editorial/roles';
import { AuditLog } from './audit-log.service';
import { AuditEventPage, toAuditEventResponse } from './dto/audit-event.response';
import { AuditQuery, SiteAuditQuery } from './dto/audit-query.dto';

/** The audit log, newest first: a journal's for its managers, everything for site administrators. */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @JournalAccess({ roles: MANAGERS })
  @Get('journals/:slug/audit-events')
  @ApiOperation({ summary: 'What happened in this journal (managers)' })
  @ApiOkResponse({ type: AuditEventPage })
  async journalEvents(
    @CurrentJournalRef() journal: JournalRef,
    @Query() query: AuditQuery,
  ): Promise<AuditEventPage> {
    return mapPage(
      await this.audit.list({ ...query, journalId: journal.id }),
      toAuditEventResponse,
    );
  }

  @SiteAdminOnly()
  @Get('admin/audit-events')
  @ApiOperation({ summary: 'What happened anywhere in this installation (site administrators)' })
  @ApiOkResponse({ type: AuditEventPage })
  async siteEvents(@Query() query: SiteAuditQuery): Promise<AuditEventPage> {
    return mapPage(await this.audit.list(query), toAuditEventResponse);
  }
}
