import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import type { FileDownload } from '../common/http/files';
import { mapPage } from '../common/pagination/page.dto';
import { JournalAccess } from '../editorial/journal-access';
import {
  type Actor,
  CurrentActor,
  CurrentJournalRef,
  CurrentViewer,
  type JournalRef,
  type Viewer,
} from '../editorial/request-context';
import { EDITORS } from '../editorial/roles';
import {
  EditorialListPage,
  StageCountsResponse,
  toEditorialListItemResponse,
  toStageCountsResponse,
} from './dto/editorial-listing.response';
import { EditorialFilters, EditorialQuery } from './dto/editorial-query.dto';
import {
  HISTORY_RESPONSE,
  type HistoryEntryResponse,
  HistoryModels,
  toHistoryEntryResponse,
} from './dto/history.response';
import { SubmissionFileResponse, toSubmissionFileResponse } from './dto/submission-file.response';
import {
  EditorialSubmissionResponse,
  toEditorialSubmissionResponse,
} from './dto/submission.response';
import { EditorialListing } from './editorial-listing.service';
import { MEDIA_TYPES } from './file-intake.service';
import { HeldFiles } from './held-files.service';
import { type FileCopy, SubmissionFiles } from './submission-files.service';
import { SubmissionHistory } from './submission-history.service';

class CopyQuery {
  @ApiPropertyOptional({ enum: ['original', 'anonymised'], default: 'original' })
  @IsOptional()
  @IsIn(['original', 'anonymised'])
  copy: FileCopy = 'original';
}

const SUBMISSION_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The submission' });
const FILE_ID = ApiParam({ name: 'fileId', format: 'uuid', description: 'One of its files' });

/** The editors' side of a journal's submissions: the list, one submission, its files. */
@ApiTags('submissions')
@HistoryModels()
@Controller('journals/:slug/submissions')
export class EditorialSubmissionsController {
  constructor(
    private readonly listing: EditorialListing,
    private readonly files: SubmissionFiles,
    private readonly history: SubmissionHistory,
    private readonly heldFiles: HeldFiles,
  ) {}

  @JournalAccess({ roles: EDITORS })
  @Get()
  @ApiOperation({
    summary:
      'Submitted manuscripts, newest first: filter by stage, section, editor, language; search titles and abstracts',
  })
  @ApiOkResponse({ type: EditorialListPage })
  async list(
    @CurrentJournalRef() journal: JournalRef,
    @CurrentViewer() viewer: Viewer,
    @Query() query: EditorialQuery,
  ): Promise<EditorialListPage> {
    return mapPage(await this.listing.list(journal, viewer, query), toEditorialListItemResponse);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('counts')
  @ApiOperation({ summary: 'How many submissions are in each stage (same filters)' })
  @ApiOkResponse({ type: StageCountsResponse })
  async counts(
    @CurrentJournalRef() journal: JournalRef,
    @CurrentViewer() viewer: Viewer,
    @Query() query: EditorialFilters,
  ): Promise<StageCountsResponse> {
    return toStageCountsResponse(await this.listing.counts(journal, viewer, query));
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':id')
  @ApiOperation({
    summary:
      'A submission as its editors see it: metadata, contributors, files, agreement, full history',
  })
  @SUBMISSION_ID
  @ApiOkResponse({ type: EditorialSubmissionResponse })
  async view(
    @CurrentJournalRef() journal: JournalRef,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EditorialSubmissionResponse> {
    return toEditorialSubmissionResponse(await this.listing.editorView(journal, viewer, id));
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':id/history')
  @ApiOperation({
    summary:
      'Everything that happened to a submission, in order: decisions, stage changes, assignments, other events and every email about it with its delivery',
  })
  @SUBMISSION_ID
  @ApiOkResponse(HISTORY_RESPONSE)
  async fullHistory(
    @CurrentJournalRef() journal: JournalRef,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<HistoryEntryResponse[]> {
    return (await this.history.forEditors(journal, viewer, id)).map(toHistoryEntryResponse);
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':id/files/:fileId/content')
  @ApiOperation({ summary: 'Download a file: the original or the anonymised review copy' })
  @SUBMISSION_ID
  @FILE_ID
  @ApiFileDownload({
    description: 'The file, as an attachment of its detected type',
    mediaTypes: Object.values(MEDIA_TYPES),
  })
  download(
    @CurrentJournalRef() journal: JournalRef,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Query() query: CopyQuery,
  ): Promise<FileDownload> {
    return this.files.forEditors(journal, viewer, id, fileId, query.copy);
  }

  @JournalAccess({ roles: EDITORS })
  @Post(':id/files/:fileId/release')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Release to double-anonymous reviewers a file held back because it could not be cleaned (after checking it by hand); recorded in the history',
  })
  @SUBMISSION_ID
  @FILE_ID
  @ApiOkResponse({ type: SubmissionFileResponse })
  async release(
    @CurrentJournalRef() journal: JournalRef,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentActor() actor: Actor,
  ): Promise<SubmissionFileResponse> {
    return toSubmissionFileResponse(
      await this.heldFiles.release(journal, viewer, id, fileId, actor),
    );
  }
}
