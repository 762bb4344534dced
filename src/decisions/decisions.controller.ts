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
import { AuthorDecisionsService } from './author-decisions.service';
import { DecisionAttachmentsService } from './decision-attachments.service';
import { DecisionsService } from './decisions.service';
import {
  DecisionAttachmentResponse,
  toDecisionAttachmentResponse,
} from './dto/decision-attachment.response';
import {
  DecisionDraftQuery,
  DecisionDto,
  RecommendationDto,
  RevisionDto,
} from './dto/decision.dto';
import {
  AuthorDecisionsResponse,
  DecisionDraftResponse,
  DecisionResponse,
  RevisionResponse,
  toAuthorDecisionsResponse,
  toDecisionDraftResponse,
  toDecisionResponse,
  toRevisionResponse,
} from './dto/decision.response';
import {
  RecommendationListItemResponse,
  RecommendationResponse,
  toRecommendationListItemResponse,
  toRecommendationResponse,
} from './dto/recommendation.response';
import { RecommendationsService } from './recommendations.service';

const SUBMISSION = ApiParam({ name: 'id', format: 'uuid', description: 'The submission' });
const ATTACHMENT = ApiParam({ name: 'attachmentId', format: 'uuid' });
/** What a stored upload may be: its download answers in its own type. */
const UPLOADED_MEDIA_TYPES = Object.values(MEDIA_TYPES);

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
  @SUBMISSION
  @ApiCreatedResponse({ type: RecommendationResponse })
  async recommend(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecommendationDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<RecommendationResponse> {
    return toRecommendationResponse(
      await this.recommendations.recommend(journal, viewer, user, id, dto, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('journals/:slug/submissions/:id/recommendations')
  @ApiOperation({
    summary: 'Recommendations made on a submission, and the decisions that answered them',
  })
  @SUBMISSION
  @ApiOkResponse({ type: [RecommendationListItemResponse] })
  async listRecommendations(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RecommendationListItemResponse[]> {
    return (await this.recommendations.list(journal, viewer, id)).map(
      toRecommendationListItemResponse,
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('journals/:slug/submissions/:id/decision-draft')
  @ApiOperation({
    summary: 'Decisions open now, the prefilled letter for one, and the reviews it can share',
  })
  @SUBMISSION
  @ApiOkResponse({ type: DecisionDraftResponse })
  async draft(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DecisionDraftQuery,
  ): Promise<DecisionDraftResponse> {
    return toDecisionDraftResponse(await this.decisions.draft(journal, viewer, id, query));
  }

  @JournalAccess({ roles: EDITORS })
  @Post('journals/:slug/submissions/:id/decisions')
  @ApiOperation({ summary: 'Take a decision (optimistic locking on lockVersion: 409 if stale)' })
  @SUBMISSION
  @ApiCreatedResponse({ type: DecisionResponse })
  async decide(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<DecisionResponse> {
    return toDecisionResponse(await this.decisions.decide(journal, viewer, user, id, dto, actor));
  }

  @JournalAccess({ roles: EDITORS })
  @Post('journals/:slug/submissions/:id/decision-attachments')
  @ApiFileUpload()
  @ApiOperation({
    summary:
      'Upload a file to attach to the next decision letter (documents are stored with identifying properties stripped)',
  })
  @SUBMISSION
  @ApiCreatedResponse({ type: DecisionAttachmentResponse })
  async uploadAttachment(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadBody() upload: UploadSource,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<DecisionAttachmentResponse> {
    return toDecisionAttachmentResponse(
      await this.attachments.upload(journal, viewer, user, id, upload, actor),
    );
  }

  @JournalAccess({ roles: EDITORS })
  @Get('journals/:slug/submissions/:id/decision-attachments')
  @ApiOperation({
    summary: 'Files attached to decision letters: unsent ones, and sent ones with their decision',
  })
  @SUBMISSION
  @ApiOkResponse({ type: [DecisionAttachmentResponse] })
  async listAttachments(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<DecisionAttachmentResponse[]> {
    return (await this.attachments.list(journal, viewer, id)).map(toDecisionAttachmentResponse);
  }

  @JournalAccess({ roles: EDITORS })
  @Delete('journals/:slug/submissions/:id/decision-attachments/:attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an unsent decision attachment (409 once sent)' })
  @SUBMISSION
  @ATTACHMENT
  @ApiNoContentResponse({ description: 'Removed' })
  async removeAttachment(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.attachments.remove(journal, viewer, id, attachmentId, actor);
  }

  @Get('submissions/:id/decisions')
  @ApiOperation({ summary: 'Decisions on my submission, with letters and the reviews shared' })
  @SUBMISSION
  @ApiOkResponse({ type: AuthorDecisionsResponse })
  async mine(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AuthorDecisionsResponse> {
    return toAuthorDecisionsResponse(await this.authorSide.list(user, id));
  }

  @Get('submissions/:id/review-files/:fileId/content')
  @ApiOperation({ summary: 'Download a reviewer’s file shared with a decision (anonymised)' })
  @SUBMISSION
  @ApiParam({ name: 'fileId', format: 'uuid', description: 'The reviewer’s file' })
  @ApiFileDownload({
    description: 'The anonymised copy under its neutral name, as an attachment',
    mediaTypes: UPLOADED_MEDIA_TYPES,
  })
  reviewFile(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<FileDownload> {
    return this.authorSide.reviewFile(user, id, fileId);
  }

  @Get('submissions/:id/decision-attachments/:attachmentId/content')
  @ApiOperation({ summary: 'Download a file the editor attached to a decision letter sent to me' })
  @SUBMISSION
  @ATTACHMENT
  @ApiFileDownload({
    description: 'The file as stored (stripped), as an attachment',
    mediaTypes: UPLOADED_MEDIA_TYPES,
  })
  attachment(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<FileDownload> {
    return this.authorSide.attachment(user, id, attachmentId);
  }

  @Post('submissions/:id/revisions')
  @ApiOperation({
    summary: 'Send the revised version (files uploaded since the decision) with a response',
  })
  @SUBMISSION
  @ApiCreatedResponse({ type: RevisionResponse })
  async revise(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RevisionDto,
    @CurrentActor() actor: Actor,
  ): Promise<RevisionResponse> {
    return toRevisionResponse(await this.authorSide.submitRevision(user, id, dto.response, actor));
  }
}
