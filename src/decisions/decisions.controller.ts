import { EDITORS } from '../editorial/roles';
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
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { JournalAccess } from '../editorial/journal-access';
import type { User } from '../accounts/user.entity';
import { viewerOf } from '../editorial/request-context';
import { AuthorDecisionsService } from './author-decisions.service';
import { DecisionAttachmentsService } from './decision-attachments.service';
import { DecisionsService } from './decisions.service';
import {
  DecisionDraftQuery,
  DecisionDto,
  RecommendationDto,
  RevisionDto,
} from './dto/decision.dto';
import { RecommendationsService } from './recommendations.service';

/** Editors decide; authors read the letters and reviews shared, and send revisions. */
@ApiTags('decisions')
@Controller()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly authorSide: AuthorDecisionsService,
    private readonly recommendations: RecommendationsService,
    private readonly attachments: DecisionAttachmentsService,
  ) {}

  @JournalAccess({ roles: EDITORS })
  @Post('journals/:slug/submissions/:id/recommendations')
  @ApiOperation({
    summary:
      'Recommend a decision to the editors (section editors in journals that ask for it); the editors are emailed',
  })
  recommend(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecommendationDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.recommendations.recommend(
      request.journal!,
      viewerOf(request),
      user,
      id,
      dto,
      actor,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('journals/:slug/submissions/:id/recommendations')
  @ApiOperation({
    summary: 'Recommendations made on a submission, and the decisions that answered them',
  })
  listRecommendations(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.recommendations.list(request.journal!, viewerOf(request), id);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('journals/:slug/submissions/:id/decision-draft')
  @ApiOperation({
    summary: 'Decisions open now, the prefilled letter for one, and the reviews it can share',
  })
  draft(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DecisionDraftQuery,
  ) {
    return this.decisions.draft(request.journal!, viewerOf(request), id, query);
  }

  @JournalAccess({ roles: EDITORS })
  @Post('journals/:slug/submissions/:id/decisions')
  @ApiOperation({ summary: 'Take a decision (optimistic locking on lockVersion: 409 if stale)' })
  decide(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.decisions.decide(request.journal!, viewerOf(request), user, id, dto, actor);
  }

  @JournalAccess({ roles: EDITORS })
  @Post('journals/:slug/submissions/:id/decision-attachments')
  @ApiFileUpload()
  @ApiOperation({
    summary:
      'Upload a file to attach to the next decision letter (documents are stored with identifying properties stripped)',
  })
  uploadAttachment(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.attachments.upload(request.journal!, viewerOf(request), user, id, request, actor);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('journals/:slug/submissions/:id/decision-attachments')
  @ApiOperation({
    summary: 'Files attached to decision letters: unsent ones, and sent ones with their decision',
  })
  listAttachments(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.attachments.list(request.journal!, viewerOf(request), id);
  }

  @JournalAccess({ roles: EDITORS })
  @Delete('journals/:slug/submissions/:id/decision-attachments/:attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an unsent decision attachment (409 once sent)' })
  async removeAttachment(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.attachments.remove(request.journal!, viewerOf(request), id, attachmentId, actor);
  }

  @Get('submissions/:id/decisions')
  @ApiOperation({ summary: 'Decisions on my submission, with letters and the reviews shared' })
  mine(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.authorSide.list(user, id);
  }

  @Get('submissions/:id/review-files/:fileId/content')
  @ApiOperation({ summary: 'Download a reviewer’s file shared with a decision (anonymised)' })
  async reviewFile(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.authorSide.sendReviewFile(user, id, fileId, response);
  }

  @Get('submissions/:id/decision-attachments/:attachmentId/content')
  @ApiOperation({ summary: 'Download a file the editor attached to a decision letter sent to me' })
  async attachment(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.authorSide.sendAttachment(user, id, attachmentId, response);
  }

  @Post('submissions/:id/revisions')
  @ApiOperation({
    summary: 'Send the revised version (files uploaded since the decision) with a response',
  })
  revise(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RevisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.authorSide.submitRevision(user, id, dto.response, actor);
  }
}
