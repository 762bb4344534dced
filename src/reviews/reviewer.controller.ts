import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
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
import { Public } from '../editorial/public';
import { AuthRateLimited } from '../redis/rate-limit';
import type { User } from '../accounts/user.entity';
import {
  DeclineByTokenDto,
  DeclineInvitationDto,
  InvitationTokenDto,
  ReviewDraftDto,
} from './dto/review.dto';
import { ReviewerWorkService } from './reviewer-work.service';

/**
 * The reviewer's own work. Every route acts only on the caller's own assignments: anyone
 * else's answers 404, so not even their existence is revealed.
 */
@ApiTags('reviews')
@Controller()
export class ReviewerController {
  constructor(private readonly work: ReviewerWorkService) {}

  @Get('reviews')
  @ApiOperation({ summary: 'My reviews: pending invitations, active reviews, completed reviews' })
  dashboard(@CurrentUser() user: User) {
    return this.work.dashboard(user);
  }

  @Get('reviews/:assignmentId')
  @ApiOperation({
    summary: 'A review assignment: the submission as I may see it, files, my review',
  })
  view(@CurrentUser() user: User, @Param('assignmentId', ParseUUIDPipe) id: string) {
    return this.work.view(user, id);
  }

  @Post('reviews/:assignmentId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the invitation' })
  accept(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.work.acceptSignedIn(user, id, actor);
  }

  @Post('reviews/:assignmentId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the invitation (reason and a suggested reviewer optional)' })
  decline(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Body() dto: DeclineInvitationDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.work.declineSignedIn(user, id, dto, actor);
  }

  @Get('reviews/:assignmentId/files/:fileId/content')
  @ApiOperation({
    summary: 'Download a file of the round (the anonymised copy in double-anonymous review)',
  })
  async file(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.work.sendFile(user, id, fileId, response);
  }

  @Put('reviews/:assignmentId/review')
  @ApiOperation({ summary: 'Autosave the review draft' })
  save(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Body() dto: ReviewDraftDto,
  ) {
    return this.work.saveDraft(user, id, dto);
  }

  @Post('reviews/:assignmentId/review/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the review (needs a recommendation); it is then locked' })
  submit(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Body() dto: ReviewDraftDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.work.submit(user, id, dto, actor);
  }

  @Post('reviews/:assignmentId/review-files')
  @ApiFileUpload()
  @ApiOperation({
    summary:
      'Attach a file (a document, spreadsheet or image) to my review; its copy for the author is cleaned of my name and its anonymisation report returned (422 for a file that cannot be cleaned)',
  })
  async upload(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Req() request: Request,
  ) {
    const {
      storageKey: _s,
      anonymisedKey: _a,
      ...file
    } = await this.work.uploadFile(user, id, request);
    return file;
  }

  @Get('reviews/:assignmentId/review-files/:fileId/content')
  @ApiOperation({ summary: 'Download a file I attached to my review' })
  async ownFile(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.work.sendOwnFile(user, id, fileId, response);
  }

  @Delete('reviews/:assignmentId/review-files/:fileId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a file from my review (before submitting it)' })
  async deleteFile(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<void> {
    await this.work.deleteFile(user, id, fileId);
  }

  // The email link: no sign-in, the signed single-use token is the credential.

  @Public()
  @AuthRateLimited()
  @Post('review-invitations/view')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the invitation link shows: journal, title, abstract, dates' })
  describe(@Body() dto: InvitationTokenDto) {
    return this.work.describeByToken(dto.token);
  }

  @Public()
  @AuthRateLimited()
  @Post('review-invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept through the invitation link' })
  acceptByToken(@Body() dto: InvitationTokenDto, @CurrentActor() actor: Actor) {
    return this.work.acceptByToken(dto.token, actor);
  }

  @Public()
  @AuthRateLimited()
  @Post('review-invitations/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline through the invitation link' })
  declineByToken(@Body() dto: DeclineByTokenDto, @CurrentActor() actor: Actor) {
    return this.work.declineByToken(dto.token, dto, actor);
  }
}
