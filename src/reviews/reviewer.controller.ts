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
import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
import { type FileDownload, UploadBody, type UploadSource } from '../common/http/files';
import type { Person } from '../editorial/people';
import { Public } from '../editorial/public';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { AuthRateLimited } from '../redis/rate-limit';
import { MEDIA_TYPES } from '../submissions';
import {
  DeclineByTokenDto,
  DeclineInvitationDto,
  InvitationTokenDto,
  ReviewDraftDto,
} from './dto/review.dto';
import {
  InvitationAnswerResponse,
  InvitationDescriptionResponse,
  ReviewerAssignmentViewResponse,
  ReviewerDashboardResponse,
  toInvitationAnswerResponse,
  toInvitationDescriptionResponse,
  toReviewerAssignmentViewResponse,
  toReviewerDashboardResponse,
} from './dto/reviewer-pages.response';
import {
  ReviewFileResponse,
  ReviewResponse,
  toReviewFileResponse,
  toReviewResponse,
} from './dto/review.response';
import { InvitationAnswers } from './invitation-answers.service';
import { ReviewFilesService } from './review-files.service';
import { ReviewWriting } from './review-writing.service';
import { ReviewerDashboard } from './reviewer-dashboard.service';

const ASSIGNMENT = ApiParam({ name: 'assignmentId', format: 'uuid', description: 'My assignment' });
const FILE = ApiParam({ name: 'fileId', format: 'uuid' });
/** What a stored upload may be: its download answers in its own type. */
const UPLOADED_MEDIA_TYPES = Object.values(MEDIA_TYPES);

/**
 * The reviewer's own work. Every route acts only on the caller's own assignments: anyone
 * else's answers 404, so not even their existence is revealed.
 */
@ApiTags('reviews')
@Controller()
export class ReviewerController {
  constructor(
    private readonly pages: ReviewerDashboard,
    private readonly answers: InvitationAnswers,
    private readonly writing: ReviewWriting,
    private readonly files: ReviewFilesService,
  ) {}

  @Get('reviews')
  @ApiOperation({ summary: 'My reviews: pending invitations, active reviews, completed reviews' })
  @ApiOkResponse({ type: ReviewerDashboardResponse })
  async dashboard(@CurrentUser() user: Person): Promise<ReviewerDashboardResponse> {
    return toReviewerDashboardResponse(await this.pages.dashboard(user));
  }

  @Get('reviews/:assignmentId')
  @ApiOperation({
    summary: 'A review assignment: the submission as I may see it, files, my review',
  })
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewerAssignmentViewResponse })
  async view(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
  ): Promise<ReviewerAssignmentViewResponse> {
    return toReviewerAssignmentViewResponse(await this.pages.view(user, id));
  }

  @Post('reviews/:assignmentId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the invitation' })
  @ASSIGNMENT
  @ApiOkResponse({ type: InvitationAnswerResponse })
  async accept(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationAnswerResponse> {
    return toInvitationAnswerResponse(await this.answers.acceptSignedIn(user, id, actor));
  }

  @Post('reviews/:assignmentId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the invitation (reason and a suggested reviewer optional)' })
  @ASSIGNMENT
  @ApiOkResponse({ type: InvitationAnswerResponse })
  async decline(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Body() dto: DeclineInvitationDto,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationAnswerResponse> {
    return toInvitationAnswerResponse(await this.answers.declineSignedIn(user, id, dto, actor));
  }

  @Get('reviews/:assignmentId/files/:fileId/content')
  @ApiOperation({
    summary: 'Download a file of the round (the anonymised copy in double-anonymous review)',
  })
  @ASSIGNMENT
  @FILE
  @ApiFileDownload({
    description: 'The file under its neutral name, as an attachment',
    mediaTypes: UPLOADED_MEDIA_TYPES,
  })
  file(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<FileDownload> {
    return this.pages.roundFile(user, id, fileId);
  }

  @Put('reviews/:assignmentId/review')
  @ApiOperation({
    summary:
      'Autosave the review draft (with the lockVersion last read: 409 stale-review if it changed since)',
  })
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewResponse })
  async save(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Body() dto: ReviewDraftDto,
  ): Promise<ReviewResponse> {
    return toReviewResponse(await this.writing.saveDraft(user, id, dto));
  }

  @Post('reviews/:assignmentId/review/submit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit the review (needs a recommendation; with the lockVersion last read, 409 stale-review if it changed since); it is then locked',
  })
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewResponse })
  async submit(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Body() dto: ReviewDraftDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewResponse> {
    return toReviewResponse(await this.writing.submit(user, id, dto, actor));
  }

  @Post('reviews/:assignmentId/review-files')
  @ApiFileUpload()
  @ApiOperation({
    summary:
      'Attach a file (a document, spreadsheet or image) to my review; its copy for the author is cleaned of my name and its anonymisation report returned (422 for a file that cannot be cleaned)',
  })
  @ASSIGNMENT
  @ApiCreatedResponse({ type: ReviewFileResponse })
  async upload(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @UploadBody() upload: UploadSource,
  ): Promise<ReviewFileResponse> {
    return toReviewFileResponse(await this.files.upload(user, id, upload));
  }

  @Get('reviews/:assignmentId/review-files/:fileId/content')
  @ApiOperation({ summary: 'Download a file I attached to my review' })
  @ASSIGNMENT
  @FILE
  @ApiFileDownload({
    description: 'The file as I uploaded it, as an attachment',
    mediaTypes: UPLOADED_MEDIA_TYPES,
  })
  ownFile(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<FileDownload> {
    return this.files.download(user, id, fileId);
  }

  @Delete('reviews/:assignmentId/review-files/:fileId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a file from my review (before submitting it)' })
  @ASSIGNMENT
  @FILE
  @ApiNoContentResponse({ description: 'Removed' })
  async deleteFile(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<void> {
    await this.files.delete(user, id, fileId);
  }

  // The email link: no sign-in, the signed single-use token is the credential.

  @Public()
  @AuthRateLimited()
  @Post('review-invitations/view')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the invitation link shows: journal, title, abstract, dates' })
  @ApiOkResponse({ type: InvitationDescriptionResponse })
  async describe(@Body() dto: InvitationTokenDto): Promise<InvitationDescriptionResponse> {
    return toInvitationDescriptionResponse(await this.answers.describeByToken(dto.token));
  }

  @Public()
  @AuthRateLimited()
  @Post('review-invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept through the invitation link' })
  @ApiOkResponse({ type: InvitationAnswerResponse })
  async acceptByToken(
    @Body() dto: InvitationTokenDto,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationAnswerResponse> {
    return toInvitationAnswerResponse(await this.answers.acceptByToken(dto.token, actor));
  }

  @Public()
  @AuthRateLimited()
  @Post('review-invitations/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline through the invitation link' })
  @ApiOkResponse({ type: InvitationAnswerResponse })
  async declineByToken(
    @Body() dto: DeclineByTokenDto,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationAnswerResponse> {
    return toInvitationAnswerResponse(await this.answers.declineByToken(dto.token, dto, actor));
  }
}
