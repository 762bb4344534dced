import { EDITORS } from '../editorial/roles';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { JournalAccess } from '../editorial/journal-access';
import type { User } from '../accounts/user.entity';
import { viewerOf } from '../editorial/request-context';
import {
  DueDatesDto,
  InviteReviewerDto,
  NotifyDto,
  RateReviewDto,
  ReinviteReviewersDto,
  SuggestionsQuery,
  ThankReviewerDto,
} from './dto/review-assignment.dto';
import { ReviewAssignmentsService } from './review-assignments.service';
import { ReviewerSuggestions } from './reviewer-suggestions.service';

class ReviewerQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reviewerId: string;
}

/** Editors manage a submission's review: rounds, suggestions, invitations and reviews. */
@ApiTags('reviews')
@Controller('journals/:slug')
export class ReviewAssignmentsController {
  constructor(
    private readonly assignments: ReviewAssignmentsService,
    private readonly suggestions: ReviewerSuggestions,
  ) {}

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-rounds')
  @ApiOperation({
    summary: 'Review rounds with their assignments (states, due dates, recommendations)',
  })
  rounds(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.assignments.rounds(request.journal!, viewerOf(request), id);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/reviewer-suggestions')
  @ApiOperation({
    summary:
      'Reviewers ranked for this submission (interests, load, record); conflicts excluded unless asked',
  })
  suggest(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SuggestionsQuery,
  ) {
    return this.suggestions.suggest(request.journal!, viewerOf(request), id, query);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-invitation-draft')
  @ApiOperation({
    summary: 'The prefilled invitation (message, dates, method, conflicts) for a reviewer',
  })
  invitationDraft(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReviewerQuery,
  ) {
    return this.assignments.invitationDraft(
      request.journal!,
      viewerOf(request),
      id,
      query.reviewerId,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments')
  @ApiOperation({
    summary:
      'Invite a reviewer to the current round (409 for a conflict, a reviewer at capacity or unavailable, unless overridden)',
  })
  invite(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InviteReviewerDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.invite(request.journal!, viewerOf(request), user, id, dto, actor);
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/reinvite')
  @ApiOperation({ summary: 'Invite the previous round’s reviewers again, in one action' })
  reinvite(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReinviteReviewersDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.reinvite(request.journal!, viewerOf(request), user, id, dto, actor);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-assignments/:assignmentId')
  @ApiOperation({ summary: 'An assignment and its review, confidential comments included' })
  review(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
  ) {
    return this.assignments.review(request.journal!, viewerOf(request), id, assignmentId);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-assignments/:assignmentId/files/:fileId/content')
  @ApiOperation({ summary: 'Download a reviewer’s file (as uploaded)' })
  async reviewFile(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<void> {
    await this.assignments.sendReviewFile(
      request.journal!,
      viewerOf(request),
      id,
      assignmentId,
      fileId,
      response,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an invitation or review (email the reviewer unless notify=false)',
  })
  cancel(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: NotifyDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.cancel(
      request.journal!,
      viewerOf(request),
      id,
      assignmentId,
      dto.notify ?? true,
      actor,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/reinstate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a cancelled assignment' })
  reinstate(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: NotifyDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.reinstate(
      request.journal!,
      viewerOf(request),
      id,
      assignmentId,
      dto.notify ?? true,
      actor,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Patch('submissions/:id/review-assignments/:assignmentId/due-dates')
  @ApiOperation({ summary: 'Change the response and review due dates; reminders follow' })
  dueDates(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: DueDatesDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.changeDueDates(
      request.journal!,
      viewerOf(request),
      id,
      assignmentId,
      dto,
      actor,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a submitted review for changes' })
  unlock(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.unlock(request.journal!, viewerOf(request), id, assignmentId, actor);
  }

  @JournalAccess({ roles: EDITORS })
  @Put('submissions/:id/review-assignments/:assignmentId/rating')
  @ApiOperation({ summary: 'Rate the review’s quality, 1–5 (private to editors)' })
  rate(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: RateReviewDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.rate(
      request.journal!,
      viewerOf(request),
      id,
      assignmentId,
      dto.rating,
      actor,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/thanks')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thank the reviewer by email' })
  thank(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: ThankReviewerDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.assignments.thank(
      request.journal!,
      viewerOf(request),
      user,
      id,
      assignmentId,
      dto.message,
      actor,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('reviewers/:reviewerId/history')
  @ApiOperation({
    summary:
      'A reviewer’s assignments and statistics in this journal, over the submissions you handle',
  })
  history(@Req() request: Request, @Param('reviewerId', ParseUUIDPipe) reviewerId: string) {
    return this.assignments.reviewerHistory(request.journal!, viewerOf(request), reviewerId);
  }
}
