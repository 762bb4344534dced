import { EDITORS } from '../editorial/roles';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { FileStorage } from '../storage/file-storage';
import { ProblemException } from '../common/http/problem.exception';
import { sendSubmissionFile } from './file-download';
import { type Actor, CurrentActor } from '../editorial/request-context';
import { JournalAccess } from '../editorial/journal-access';
import { HeldFiles } from './held-files.service';
import { EditorialFilters, EditorialQuery } from './dto/editorial-query.dto';
import { EditorialListing } from './editorial-listing.service';
import { viewerOf } from '../editorial/request-context';
import { SubmissionHistory } from './submission-history.service';

class CopyQuery {
  @ApiPropertyOptional({ enum: ['original', 'anonymised'], default: 'original' })
  @IsOptional()
  @IsIn(['original', 'anonymised'])
  copy: 'original' | 'anonymised' = 'original';
}

/** The editors' list of a journal's submissions. */
@ApiTags('submissions')
@Controller('journals/:slug/submissions')
export class EditorialSubmissionsController {
  constructor(
    private readonly listing: EditorialListing,
    private readonly storage: FileStorage,
    private readonly history: SubmissionHistory,
    private readonly heldFiles: HeldFiles,
  ) {}

  @JournalAccess({ roles: EDITORS })
  @Get()
  @ApiOperation({
    summary:
      'Submitted manuscripts, newest first: filter by stage, section, editor, language; search titles and abstracts',
  })
  list(@Req() request: Request, @Query() query: EditorialQuery) {
    return this.listing.list(request.journal!, viewerOf(request), query);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('counts')
  @ApiOperation({ summary: 'How many submissions are in each stage (same filters)' })
  counts(@Req() request: Request, @Query() query: EditorialFilters) {
    return this.listing.counts(request.journal!, viewerOf(request), query);
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':id')
  @ApiOperation({
    summary:
      'A submission as its editors see it: metadata, contributors, files, agreement, full history',
  })
  view(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.listing.editorView(request.journal!, viewerOf(request), id);
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':id/history')
  @ApiOperation({
    summary:
      'Everything that happened to a submission, in order: decisions, stage changes, assignments, other events and every email about it with its delivery',
  })
  fullHistory(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.history.forEditors(request.journal!, viewerOf(request), id);
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':id/files/:fileId/content')
  @ApiOperation({ summary: 'Download a file: the original or the anonymised review copy' })
  async download(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Query() query: CopyQuery,
  ): Promise<void> {
    const file = await this.listing.file(request.journal!, viewerOf(request), id, fileId);
    const key = query.copy === 'anonymised' ? file.anonymisedKey : file.storageKey;
    if (!key)
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: 'This file has no anonymised copy',
      });
    await sendSubmissionFile(response, this.storage, file, key);
  }

  @JournalAccess({ roles: EDITORS })
  @Post(':id/files/:fileId/release')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Release to double-anonymous reviewers a file held back because it could not be cleaned (after checking it by hand); recorded in the history',
  })
  release(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.heldFiles.release(request.journal!, viewerOf(request), id, fileId, actor);
  }
}
