import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { DiscussionsService } from './discussions.service';
import { MessageDto, StartDiscussionDto } from './dto/production.dto';

/**
 * Copyediting and production discussions, for their participants only (the author, the
 * editors, the stage's assignees): 404 for everyone else.
 */
@ApiTags('production')
@Controller('submissions/:id/discussions')
export class DiscussionsController {
  constructor(private readonly discussions: DiscussionsService) {}

  @Get()
  @ApiOperation({ summary: 'The copyediting and production discussions I take part in' })
  list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.discussions.list(user, id);
  }

  @Post()
  @ApiOperation({
    summary: 'Start a discussion of a stage with its first message; the others are emailed',
  })
  start(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StartDiscussionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.discussions.start(user, id, dto, actor);
  }

  @Get(':discussionId')
  @ApiOperation({ summary: 'A discussion and its messages, in order' })
  view(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
  ) {
    return this.discussions.view(user, id, discussionId);
  }

  @Post(':discussionId/messages')
  @ApiOperation({ summary: 'Write in an open discussion; the others are emailed' })
  post(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Body() dto: MessageDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.discussions.post(user, id, discussionId, dto.body, actor);
  }

  @Post(':discussionId/files')
  @ApiFileUpload()
  @ApiOperation({
    summary:
      'Share a file (multipart field "file"): copyedited (DOCX, ODT, PDF, Markdown) or galley (PDF, XML, EPUB)',
  })
  upload(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Req() request: Request,
    @CurrentActor() actor: Actor,
  ) {
    return this.discussions.upload(user, id, discussionId, request, actor);
  }

  @Post(':discussionId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a discussion (editors, or whoever started it)' })
  close(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.discussions.close(user, id, discussionId, actor);
  }

  @Get(':discussionId/files/:fileId/content')
  @ApiOperation({ summary: 'Download a file shared in the discussion (as uploaded)' })
  async file(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.discussions.sendFile(user, id, discussionId, fileId, response);
  }
}
