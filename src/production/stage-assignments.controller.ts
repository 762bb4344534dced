import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import type { FileDownload } from '../common/http/files';
import { JournalAccess } from '../editorial/journal-access';
import type { Person } from '../editorial/people';
import {
  type Actor,
  CurrentActor,
  CurrentUser,
  CurrentViewer,
  type Viewer,
} from '../editorial/request-context';
import { EDITORS, PREPARERS, STAGE_STAFF } from '../editorial/roles';
import { CurrentJournal, type Journal } from '../journals';
import { MEDIA_TYPES } from '../submissions';
import { GalleySourceDto, StageAssignmentDto } from './dto/production.dto';
import {
  StageAssignmentResponse,
  StageFileResponse,
  StageWorkResponse,
  toStageAssignmentResponse,
  toStageFileResponse,
  toStageWorkResponse,
} from './dto/production.response';
import { StageAssignmentsService } from './stage-assignments.service';

const SUBMISSION = ApiParam({ name: 'id', format: 'uuid', description: 'The submission' });

/** Copyediting and production: who works on a submission, its files, the galley source. */
@ApiTags('production')
@Controller('journals/:slug/submissions/:id')
@SUBMISSION
export class StageAssignmentsController {
  constructor(private readonly assignments: StageAssignmentsService) {}

  @JournalAccess({ roles: STAGE_STAFF })
  @Get('stage-assignments')
  @ApiOperation({
    summary: 'Copyeditors and production editors (removed ones too), the files and galley source',
  })
  @ApiOkResponse({ type: StageWorkResponse })
  async list(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StageWorkResponse> {
    return toStageWorkResponse(await this.assignments.list(journal, viewer, id));
  }

  @JournalAccess({ roles: EDITORS })
  @Post('stage-assignments')
  @ApiOperation({
    summary: 'Assign a copyeditor (copyediting) or production editor (production); emails them',
  })
  @ApiCreatedResponse({ type: StageAssignmentResponse })
  async assign(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StageAssignmentDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<StageAssignmentResponse> {
    return toStageAssignmentResponse(
      await this.assignments.assign(journal, viewer, user, id, dto, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Delete('stage-assignments/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an assignment (kept in the record as removed)' })
  @ApiParam({ name: 'assignmentId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.assignments.remove(journal, viewer, id, assignmentId, actor);
  }

  @JournalAccess({ roles: PREPARERS })
  @Put('galley-source')
  @ApiOperation({
    summary: 'Mark the manuscript or copyedited file to typeset (in production only)',
  })
  @ApiOkResponse({ type: StageFileResponse })
  async galleySource(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: GalleySourceDto,
    @CurrentActor() actor: Actor,
  ): Promise<StageFileResponse> {
    return toStageFileResponse(
      await this.assignments.markGalleySource(journal, viewer, id, dto.fileId, actor),
    );
  }

  @JournalAccess({ roles: STAGE_STAFF })
  @Get('stage-files/:fileId/content')
  @ApiOperation({ summary: 'Download a file of the submission to work on (as uploaded)' })
  @ApiParam({ name: 'fileId', format: 'uuid' })
  @ApiFileDownload({
    description: 'The file as uploaded, as an attachment',
    mediaTypes: Object.values(MEDIA_TYPES),
  })
  file(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<FileDownload> {
    return this.assignments.file(journal, viewer, id, fileId);
  }
}
