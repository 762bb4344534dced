import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import type { FileDownload } from '../common/http/files';
import { JournalAccess } from '../editorial/journal-access';
import { type Actor, CurrentActor } from '../editorial/request-context';
import { JOURNAL_EDITORS } from '../editorial/roles';
import { CurrentJournal, type Journal } from '../journals';
import { DoajExports } from './doaj-exports.service';
import { DoajExportResponse, toDoajExportResponse } from './dto/indexing.response';

const ISSUE_ID = ApiParam({ name: 'issueId', format: 'uuid' });

/** An issue's DOAJ article uploads, for the editors who publish it. */
@ApiTags('publishing')
@Controller('journals/:slug/issues/:issueId/doaj-exports')
export class DoajExportsController {
  constructor(private readonly exports: DoajExports) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get()
  @ISSUE_ID
  @ApiOperation({ summary: 'The issue’s DOAJ exports: requested, built, failed' })
  @ApiOkResponse({ type: [DoajExportResponse] })
  async list(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) issueId: string,
  ): Promise<DoajExportResponse[]> {
    return (await this.exports.list(journal, issueId)).map(toDoajExportResponse);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post()
  @ISSUE_ID
  @ApiOperation({ summary: 'Ask for a new DOAJ export of a published issue' })
  @ApiCreatedResponse({ type: [DoajExportResponse] })
  async request(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @CurrentActor() actor: Actor,
  ): Promise<DoajExportResponse[]> {
    return (await this.exports.requestAgain(journal, issueId, actor)).map(toDoajExportResponse);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get(':exportId/content')
  @ISSUE_ID
  @ApiParam({ name: 'exportId', format: 'uuid' })
  @ApiOperation({ summary: 'Download a built DOAJ export (doajArticles.xsd XML)' })
  @ApiFileDownload({ description: 'The export file', mediaTypes: ['application/xml'] })
  content(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @Param('exportId', ParseUUIDPipe) exportId: string,
  ): Promise<FileDownload> {
    return this.exports.file(journal, issueId, exportId);
  }
}
