import { EDITORS, PREPARERS, STAGE_STAFF } from '../editorial/roles';
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
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { JournalAccess } from '../editorial/journal-access';
import type { User } from '../accounts/user.entity';
import { viewerOf } from '../editorial/request-context';
import { GalleySourceDto, StageAssignmentDto } from './dto/production.dto';
import { StageAssignmentsService } from './stage-assignments.service';

/** Copyediting and production: who works on a submission, its files, the galley source. */
@ApiTags('production')
@Controller('journals/:slug/submissions/:id')
export class StageAssignmentsController {
  constructor(private readonly assignments: StageAssignmentsService) {}

  @JournalAccess({ roles: STAGE_STAFF })
  @Get('stage-assignments')
  @ApiOperation({
    summary: 'Copyeditors and production editors (removed ones too), the files and galley source',
  })
  list(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.assignments.list(request.journal!, viewerOf(request), id);
  }

  @JournalAccess({ roles: EDITORS })
  @Post('stage-assignments')
  @ApiOperation({
    summary: 'Assign a copyeditor (copyediting) or production editor (production); emails them',
  })
  assign(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StageAssignmentDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.assign(request.journal!, viewerOf(request), user, id, dto, actor);
  }

  @JournalAccess({ roles: EDITORS })
  @Delete('stage-assignments/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an assignment (kept in the record as removed)' })
  async remove(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.assignments.remove(request.journal!, viewerOf(request), id, assignmentId, actor);
  }

  @JournalAccess({ roles: PREPARERS })
  @Put('galley-source')
  @ApiOperation({
    summary: 'Mark the manuscript or copyedited file to typeset (in production only)',
  })
  galleySource(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: GalleySourceDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.markGalleySource(
      request.journal!,
      viewerOf(request),
      id,
      dto.fileId,
      actor,
    );
  }

  @JournalAccess({ roles: STAGE_STAFF })
  @Get('stage-files/:fileId/content')
  @ApiOperation({ summary: 'Download a file of the submission to work on (as uploaded)' })
  async file(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<void> {
    await this.assignments.sendWorkFile(request.journal!, viewerOf(request), id, fileId, response);
  }
}
