import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
import { CrossrefDeposits } from './crossref-deposits.service';
import { CrossrefDepositResponse, toCrossrefDepositResponse } from './dto/indexing.response';

const ISSUE_ID = ApiParam({ name: 'issueId', format: 'uuid' });
const DEPOSIT_ID = ApiParam({ name: 'depositId', format: 'uuid' });

/** An issue's Crossref deposits, for the editors who publish it. */
@ApiTags('publishing')
@Controller('journals/:slug/issues/:issueId/crossref-deposits')
export class CrossrefDepositsController {
  constructor(private readonly deposits: CrossrefDeposits) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get()
  @ISSUE_ID
  @ApiOperation({ summary: 'The issue’s Crossref deposits: requested, built, failed, registered' })
  @ApiOkResponse({ type: [CrossrefDepositResponse] })
  async list(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
  ): Promise<CrossrefDepositResponse[]> {
    return (await this.deposits.list(journal, id)).map(toCrossrefDepositResponse);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post()
  @ISSUE_ID
  @ApiOperation({ summary: 'Ask for a new Crossref deposit of a published issue' })
  @ApiCreatedResponse({ type: [CrossrefDepositResponse] })
  async request(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<CrossrefDepositResponse[]> {
    return (await this.deposits.requestAgain(journal, id, actor)).map(toCrossrefDepositResponse);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get(':depositId/content')
  @ISSUE_ID
  @DEPOSIT_ID
  @ApiOperation({ summary: 'Download a built deposit (Crossref schema 5.4.0 XML)' })
  @ApiFileDownload({ description: 'The deposit file', mediaTypes: ['application/xml'] })
  file(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Param('depositId', ParseUUIDPipe) depositId: string,
  ): Promise<FileDownload> {
    return this.deposits.file(journal, id, depositId);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post(':depositId/registered')
  @HttpCode(200)
  @ISSUE_ID
  @DEPOSIT_ID
  @ApiOperation({
    summary:
      'Record that Crossref accepted the deposit: its DOIs are registered, and the issue can no longer be unpublished',
  })
  @ApiOkResponse({ type: [CrossrefDepositResponse] })
  async markRegistered(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Param('depositId', ParseUUIDPipe) depositId: string,
    @CurrentActor() actor: Actor,
  ): Promise<CrossrefDepositResponse[]> {
    return (await this.deposits.markRegistered(journal, id, depositId, actor)).map(
      toCrossrefDepositResponse,
    );
  }
}
