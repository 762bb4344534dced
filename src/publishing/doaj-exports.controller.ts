import { JOURNAL_EDITORS } from '../editorial/roles';
import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor } from '../editorial/request-context';
import { JournalAccess } from '../editorial/journal-access';
import { FileStorage } from '../storage/file-storage';
import { sendSubmissionFile } from '../submissions/file-download';
import { DoajExports } from './doaj-exports.service';

/** An issue's DOAJ article uploads, for the editors who publish it. */
@ApiTags('publishing')
@Controller('journals/:slug/issues/:issueId/doaj-exports')
export class DoajExportsController {
  constructor(
    private readonly exports: DoajExports,
    private readonly storage: FileStorage,
  ) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get()
  @ApiOperation({ summary: 'The issue’s DOAJ exports: requested, built, failed' })
  list(@Req() request: Request, @Param('issueId', ParseUUIDPipe) issueId: string) {
    return this.exports.list(request.journal!, issueId);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post()
  @ApiOperation({ summary: 'Ask for a new DOAJ export of a published issue' })
  request(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.exports.requestAgain(request.journal!, issueId, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get(':exportId/content')
  @ApiOperation({ summary: 'Download a built DOAJ export (doajArticles.xsd XML)' })
  async content(
    @Req() request: Request,
    @Res() response: Response,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @Param('exportId', ParseUUIDPipe) exportId: string,
  ): Promise<void> {
    const exported = await this.exports.file(request.journal!, issueId, exportId);
    await sendSubmissionFile(
      response,
      this.storage,
      { originalName: `doaj-${exported.id}.xml`, mediaType: 'application/xml' },
      exported.storageKey!,
    );
  }
}
