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
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
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
import { EDITORS } from '../editorial/roles';
import { CurrentJournal, type Journal } from '../journals';
import { MEDIA_TYPES } from '../submissions';
import { AssignmentChanges } from './assignment-changes.service';
import {
  DueDatesDto,
  InviteReviewerDto,
  NotifyDto,
  RateReviewDto,
  ReinviteReviewersDto,
  SuggestionsQuery,
  ThankReviewerDto,
} from './dto/review-assignment.dto';
import {
  InvitationDraftResponse,
  ReviewAssignmentResponse,
  ReviewRoundResponse,
  toInvitationDraftResponse,
  toReviewAssignmentResponse,
  toReviewRoundResponse,
} from './dto/review-assignment.response';
import {
  ReviewerCandidateResponse,
  ReviewerHistoryResponse,
  toReviewerCandidateResponse,
  toReviewerHistoryResponse,
} from './dto/reviewer-record.response';
import { EditorReviewResponse, toEditorReviewResponse } from './dto/review.response';
import { ReviewInvitations } from './review-invitations.service';
import { ReviewRoundsService } from './review-rounds.service';
import { ReviewerHistoryService } from './reviewer-history.service';
import { ReviewerSuggestions } from './reviewer-suggestions.service';

class ReviewerQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reviewerId: string;
}

const SUBMISSION = ApiParam({ name: 'id', format: 'uuid', description: 'The submission' });
const ASSIGNMENT = ApiParam({ name: 'assignmentId', format: 'uuid' });

/** Editors manage a submission's review: rounds, suggestions, invitations and reviews. */
@ApiTags('reviews')
@Controller('journals/:slug')
export class ReviewAssignmentsController {
  constructor(
    private readonly reading: ReviewRoundsService,
    private readonly suggestions: ReviewerSuggestions,
    private readonly invitations: ReviewInvitations,
    private readonly changes: AssignmentChanges,
    private readonly histories: ReviewerHistoryService,
  ) {}

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-rounds')
  @ApiOperation({
    summary: 'Review rounds with their assignments (states, due dates, recommendations)',
  })
  @SUBMISSION
  @ApiOkResponse({ type: [ReviewRoundResponse] })
  async rounds(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReviewRoundResponse[]> {
    const now = new Date();
    return (await this.reading.ofSubmission(journal, viewer, id)).map((round) =>
      toReviewRoundResponse(round, now),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/reviewer-suggestions')
  @ApiOperation({
    summary:
      'Reviewers ranked for this submission (interests, load, record); conflicts excluded unless asked',
  })
  @SUBMISSION
  @ApiOkResponse({ type: [ReviewerCandidateResponse] })
  async suggest(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SuggestionsQuery,
  ): Promise<ReviewerCandidateResponse[]> {
    return (await this.suggestions.suggest(journal, viewer, id, query)).map(
      toReviewerCandidateResponse,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-invitation-draft')
  @ApiOperation({
    summary: 'The prefilled invitation (message, dates, method, conflicts) for a reviewer',
  })
  @SUBMISSION
  @ApiOkResponse({ type: InvitationDraftResponse })
  async invitationDraft(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReviewerQuery,
  ): Promise<InvitationDraftResponse> {
    return toInvitationDraftResponse(
      await this.invitations.draft(journal, viewer, id, query.reviewerId),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments')
  @ApiOperation({
    summary:
      'Invite a reviewer to the current round (409 for a conflict, a reviewer at capacity or unavailable, unless overridden)',
  })
  @SUBMISSION
  @ApiCreatedResponse({ type: ReviewAssignmentResponse })
  async invite(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InviteReviewerDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse> {
    return toReviewAssignmentResponse(
      await this.invitations.invite(journal, viewer, user, id, dto, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/reinvite')
  @ApiOperation({ summary: 'Invite the previous round’s reviewers again, in one action' })
  @SUBMISSION
  @ApiCreatedResponse({ type: [ReviewAssignmentResponse] })
  async reinvite(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReinviteReviewersDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse[]> {
    return (await this.invitations.reinvite(journal, viewer, user, id, dto, actor)).map(
      toReviewAssignmentResponse,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-assignments/:assignmentId')
  @ApiOperation({ summary: 'An assignment and its review, confidential comments included' })
  @SUBMISSION
  @ASSIGNMENT
  @ApiOkResponse({ type: EditorReviewResponse })
  async review(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
  ): Promise<EditorReviewResponse> {
    return toEditorReviewResponse(await this.reading.review(journal, viewer, id, assignmentId));
  }

  @JournalAccess({ roles: EDITORS })
  @Get('submissions/:id/review-assignments/:assignmentId/files/:fileId/content')
  @ApiOperation({ summary: 'Download a reviewer’s file (as uploaded)' })
  @SUBMISSION
  @ASSIGNMENT
  @ApiParam({ name: 'fileId', format: 'uuid' })
  @ApiFileDownload({
    description: 'The file as the reviewer uploaded it, as an attachment',
    mediaTypes: Object.values(MEDIA_TYPES),
  })
  reviewFile(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<FileDownload> {
    return this.reading.reviewerFile(journal, viewer, id, assignmentId, fileId);
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an invitation or review (email the reviewer unless notify=false)',
  })
  @SUBMISSION
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewAssignmentResponse })
  async cancel(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: NotifyDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse> {
    return toReviewAssignmentResponse(
      await this.changes.cancel(journal, viewer, id, assignmentId, dto.notify ?? true, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/reinstate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a cancelled assignment' })
  @SUBMISSION
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewAssignmentResponse })
  async reinstate(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: NotifyDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse> {
    return toReviewAssignmentResponse(
      await this.changes.reinstate(journal, viewer, id, assignmentId, dto.notify ?? true, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Patch('submissions/:id/review-assignments/:assignmentId/due-dates')
  @ApiOperation({ summary: 'Change the response and review due dates; reminders follow' })
  @SUBMISSION
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewAssignmentResponse })
  async dueDates(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: DueDatesDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse> {
    return toReviewAssignmentResponse(
      await this.changes.changeDueDates(journal, viewer, id, assignmentId, dto, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a submitted review for changes' })
  @SUBMISSION
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewAssignmentResponse })
  async unlock(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse> {
    return toReviewAssignmentResponse(
      await this.changes.unlock(journal, viewer, id, assignmentId, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Put('submissions/:id/review-assignments/:assignmentId/rating')
  @ApiOperation({ summary: 'Rate the review’s quality, 1–5 (private to editors)' })
  @SUBMISSION
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewAssignmentResponse })
  async rate(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: RateReviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse> {
    return toReviewAssignmentResponse(
      await this.changes.rate(journal, viewer, id, assignmentId, dto.rating, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Post('submissions/:id/review-assignments/:assignmentId/thanks')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thank the reviewer by email' })
  @SUBMISSION
  @ASSIGNMENT
  @ApiOkResponse({ type: ReviewAssignmentResponse })
  async thank(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: ThankReviewerDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewAssignmentResponse> {
    return toReviewAssignmentResponse(
      await this.changes.thank(journal, viewer, user, id, assignmentId, dto.message, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('reviewers/:reviewerId/history')
  @ApiOperation({
    summary:
      'A reviewer’s assignments and statistics in this journal, over the submissions you handle',
  })
  @ApiParam({ name: 'reviewerId', format: 'uuid' })
  @ApiOkResponse({ type: ReviewerHistoryResponse })
  async history(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('reviewerId', ParseUUIDPipe) reviewerId: string,
  ): Promise<ReviewerHistoryResponse> {
    return toReviewerHistoryResponse(await this.histories.of(journal, viewer, reviewerId));
  }
}
