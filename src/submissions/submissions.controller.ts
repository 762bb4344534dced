import {
  Body,
  Controller,
  Delete,
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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
import { type FileDownload, UploadBody, type UploadSource } from '../common/http/files';
import { SUPPORTED_LOCALES, type Locale } from '../common/i18n/locale';
import { CursorQuery } from '../common/pagination/cursor-page';
import { mapPage } from '../common/pagination/page.dto';
import type { Person } from '../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { JournalsLookup } from '../journals';
import { SubmissionDrafts } from './drafts.service';
import {
  HISTORY_RESPONSE,
  type HistoryEntryResponse,
  HistoryModels,
  toHistoryEntryResponse,
} from './dto/history.response';
import { SubmissionFileResponse, toSubmissionFileResponse } from './dto/submission-file.response';
import {
  ContributorsDto,
  CopyrightAgreementDto,
  CreateSubmissionDto,
  UpdateSubmissionDto,
  WithdrawDto,
} from './dto/submission.dto';
import {
  ContributorResponse,
  CopyrightAgreementResponse,
  CopyrightTermsResponse,
  SubmissionPage,
  SubmissionResponse,
  SubmissionStatusResponse,
  toContributorResponse,
  toCopyrightAgreementResponse,
  toCopyrightTermsResponse,
  toSubmissionResponse,
  toSubmissionStatusResponse,
} from './dto/submission.response';
import { FILE_GENRES, type FileGenre } from './entities/submission-file.entity';
import { MEDIA_TYPES } from './file-intake.service';
import { SubmissionFiles } from './submission-files.service';
import { SubmissionHistory } from './submission-history.service';
import { SubmissionsService } from './submissions.service';
import { Submitting } from './submitting.service';
import { Withdrawal } from './withdrawal.service';

class GenreQuery {
  @ApiProperty({ enum: FILE_GENRES })
  @IsIn(FILE_GENRES)
  genre: FileGenre;
}

class LocaleQuery {
  @ApiProperty({ enum: SUPPORTED_LOCALES })
  @IsIn(SUPPORTED_LOCALES)
  locale: Locale;
}

/** What a stored upload may be: its download answers in its own type. */
const UPLOADED_MEDIA_TYPES = Object.values(MEDIA_TYPES);
const SUBMISSION_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The submission' });

/** The author's side: drafts, files, the copyright agreement, submitting and withdrawing. */
@ApiTags('submissions')
@HistoryModels()
@Controller()
export class SubmissionsController {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly submissions: SubmissionsService,
    private readonly drafts: SubmissionDrafts,
    private readonly files: SubmissionFiles,
    private readonly submitting: Submitting,
    private readonly withdrawal: Withdrawal,
    private readonly submissionHistory: SubmissionHistory,
  ) {}

  @Post('journals/:slug/submissions')
  @ApiOperation({
    summary: 'Start a submission (a draft); makes the caller an author of the journal',
  })
  @ApiParam({ name: 'slug', type: String, description: 'The journal’s slug, e.g. volunteering' })
  @ApiCreatedResponse({ type: SubmissionResponse })
  async create(
    @Param('slug') slug: string,
    @Body() dto: CreateSubmissionDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<SubmissionResponse> {
    const journal = await this.journals.bySlug(slug);
    return toSubmissionResponse(await this.drafts.create(journal, user, dto, actor));
  }

  @Get('submissions')
  @ApiOperation({ summary: 'My submissions, newest first' })
  @ApiOkResponse({ type: SubmissionPage })
  async mine(@CurrentUser() user: Person, @Query() query: CursorQuery): Promise<SubmissionPage> {
    return mapPage(await this.submissions.listMine(user, query), toSubmissionResponse);
  }

  @Get('submissions/:id/history')
  @ApiOperation({
    summary: 'My submission’s history: the events shown to authors and the emails sent to me',
  })
  @SUBMISSION_ID
  @ApiOkResponse(HISTORY_RESPONSE)
  async history(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<HistoryEntryResponse[]> {
    return (await this.submissionHistory.forAuthor(id, user)).map(toHistoryEntryResponse);
  }

  @Get('submissions/:id')
  @ApiOperation({
    summary: 'Status page: stage, metadata, contributors, files, history, what is still to do',
  })
  @SUBMISSION_ID
  @ApiOkResponse({ type: SubmissionStatusResponse })
  async view(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<SubmissionStatusResponse> {
    return toSubmissionStatusResponse(await this.submissions.view(id, user));
  }

  @Patch('submissions/:id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Save draft fields (any subset): section, language, metadata per language, statements, references, checklist',
  })
  @SUBMISSION_ID
  @ApiNoContentResponse({ description: 'Saved' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSubmissionDto,
    @CurrentUser() user: Person,
  ): Promise<void> {
    await this.drafts.update(id, user, dto);
  }

  @Put('submissions/:id/contributors')
  @ApiOperation({ summary: 'Set the contributors, in byline order' })
  @SUBMISSION_ID
  @ApiOkResponse({ type: [ContributorResponse] })
  async contributors(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ContributorsDto,
    @CurrentUser() user: Person,
  ): Promise<ContributorResponse[]> {
    return (await this.drafts.setContributors(id, user, dto)).map(toContributorResponse);
  }

  @Post('submissions/:id/files')
  @ApiOperation({
    summary: 'Upload a file (multipart field "file"); its type is decided by its content',
  })
  @ApiFileUpload()
  @SUBMISSION_ID
  @ApiQuery({ name: 'genre', enum: FILE_GENRES })
  @ApiCreatedResponse({ type: SubmissionFileResponse })
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: GenreQuery,
    @UploadBody() upload: UploadSource,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<SubmissionFileResponse> {
    return toSubmissionFileResponse(await this.files.upload(id, user, query.genre, upload, actor));
  }

  @Delete('submissions/:id/files/:fileId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove one of my files from the draft, with its anonymised copy; 409 once submitted',
  })
  @SUBMISSION_ID
  @ApiParam({ name: 'fileId', format: 'uuid', description: 'One of the submission’s files' })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeFile(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.files.remove(id, fileId, user, actor);
  }

  @Get('submissions/:id/copyright-terms')
  @ApiOperation({ summary: 'The copyright and licence terms to agree to, with their version' })
  @SUBMISSION_ID
  @ApiOkResponse({ type: CopyrightTermsResponse })
  async terms(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LocaleQuery,
    @CurrentUser() user: Person,
  ): Promise<CopyrightTermsResponse> {
    return toCopyrightTermsResponse(await this.drafts.terms(id, user, query.locale));
  }

  @Post('submissions/:id/copyright-agreement')
  @ApiOperation({ summary: 'Agree to the terms shown (recorded with version, time, user and IP)' })
  @SUBMISSION_ID
  @ApiCreatedResponse({ type: CopyrightAgreementResponse })
  async agree(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CopyrightAgreementDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<CopyrightAgreementResponse> {
    return toCopyrightAgreementResponse(await this.drafts.agree(id, user, dto, actor));
  }

  @Post('submissions/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the draft: 422 lists everything still missing' })
  @SUBMISSION_ID
  @ApiOkResponse({ type: SubmissionResponse })
  async submit(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<SubmissionResponse> {
    return toSubmissionResponse(await this.submitting.submit(id, user, actor));
  }

  @Post('submissions/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw before a final decision, with a reason; the editors are told',
  })
  @SUBMISSION_ID
  @ApiOkResponse({ type: SubmissionResponse })
  async withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<SubmissionResponse> {
    return toSubmissionResponse(await this.withdrawal.withdraw(id, user, dto.reason, actor));
  }

  @Get('submissions/:id/files/:fileId/content')
  @ApiOperation({ summary: 'Download one of my files (as uploaded)' })
  @SUBMISSION_ID
  @ApiParam({ name: 'fileId', format: 'uuid', description: 'One of the submission’s files' })
  @ApiFileDownload({
    description: 'The file, as an attachment of its detected type',
    mediaTypes: UPLOADED_MEDIA_TYPES,
  })
  download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() user: Person,
  ): Promise<FileDownload> {
    return this.files.ownFile(id, fileId, user);
  }
}
