import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
import { type FileDownload, UploadBody, type UploadSource } from '../common/http/files';
import type { Person } from '../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { MEDIA_TYPES } from '../submissions';
import { DiscussionsService } from './discussions.service';
import {
  DiscussionListResponse,
  DiscussionMessageResponse,
  DiscussionResponse,
  DiscussionThreadResponse,
  toDiscussionListResponse,
  toDiscussionMessageResponse,
  toDiscussionResponse,
  toDiscussionThreadResponse,
} from './dto/production.response';
import { MessageDto, StartDiscussionDto } from './dto/production.dto';

const SUBMISSION = ApiParam({ name: 'id', format: 'uuid', description: 'The submission' });
const DISCUSSION = ApiParam({ name: 'discussionId', format: 'uuid' });

/**
 * Copyediting and production discussions, for their participants only (the author, the
 * editors, the stage's assignees): 404 for everyone else.
 */
@ApiTags('production')
@Controller('submissions/:id/discussions')
@SUBMISSION
export class DiscussionsController {
  constructor(private readonly discussions: DiscussionsService) {}

  @Get()
  @ApiOperation({ summary: 'The copyediting and production discussions I take part in' })
  @ApiOkResponse({ type: DiscussionListResponse })
  async list(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<DiscussionListResponse> {
    return toDiscussionListResponse(await this.discussions.list(user, id));
  }

  @Post()
  @ApiOperation({
    summary: 'Start a discussion of a stage with its first message; the others are emailed',
  })
  @ApiCreatedResponse({ type: DiscussionThreadResponse })
  async start(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StartDiscussionDto,
    @CurrentActor() actor: Actor,
  ): Promise<DiscussionThreadResponse> {
    return toDiscussionThreadResponse(await this.discussions.start(user, id, dto, actor));
  }

  @Get(':discussionId')
  @ApiOperation({ summary: 'A discussion and its messages, in order' })
  @DISCUSSION
  @ApiOkResponse({ type: DiscussionThreadResponse })
  async view(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
  ): Promise<DiscussionThreadResponse> {
    return toDiscussionThreadResponse(await this.discussions.view(user, id, discussionId));
  }

  @Post(':discussionId/messages')
  @ApiOperation({ summary: 'Write in an open discussion; the others are emailed' })
  @DISCUSSION
  @ApiCreatedResponse({ type: DiscussionMessageResponse })
  async post(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Body() dto: MessageDto,
    @CurrentActor() actor: Actor,
  ): Promise<DiscussionMessageResponse> {
    return toDiscussionMessageResponse(
      await this.discussions.post(user, id, discussionId, dto.body, actor),
    );
  }

  @Post(':discussionId/files')
  @ApiFileUpload()
  @ApiOperation({
    summary:
      'Share a file (multipart field "file"): copyedited (DOCX, ODT, PDF, Markdown) or galley (PDF, XML, EPUB)',
  })
  @DISCUSSION
  @ApiCreatedResponse({ type: DiscussionMessageResponse })
  async upload(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @UploadBody() upload: UploadSource,
    @CurrentActor() actor: Actor,
  ): Promise<DiscussionMessageResponse> {
    return toDiscussionMessageResponse(
      await this.discussions.upload(user, id, discussionId, upload, actor),
    );
  }

  @Post(':discussionId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a discussion (editors, or whoever started it)' })
  @DISCUSSION
  @ApiOkResponse({ type: DiscussionResponse })
  async close(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<DiscussionResponse> {
    return toDiscussionResponse(await this.discussions.close(user, id, discussionId, actor));
  }

  @Get(':discussionId/files/:fileId/content')
  @ApiOperation({ summary: 'Download a file shared in the discussion (as uploaded)' })
  @DISCUSSION
  @ApiParam({ name: 'fileId', format: 'uuid' })
  @ApiFileDownload({
    description: 'The file as uploaded, as an attachment',
    mediaTypes: Object.values(MEDIA_TYPES),
  })
  file(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<FileDownload> {
    return this.discussions.file(user, id, discussionId, fileId);
  }
}
