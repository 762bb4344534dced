import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
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
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IsIn } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { SUPPORTED_LOCALES, type Locale } from '../common/i18n/locale';
import { CursorQuery } from '../common/pagination/cursor-page';
import { JournalsLookup } from '../journals/journals.lookup';
import {
  ContributorsDto,
  CopyrightAgreementDto,
  CreateSubmissionDto,
  UpdateSubmissionDto,
  WithdrawDto,
} from './dto/submission.dto';
import { FILE_GENRES, type FileGenre } from './entities/submission-file.entity';
import { SubmissionHistory } from './submission-history.service';
import { SubmissionsService } from './submissions.service';

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

/** The author's side: drafts, files, the copyright agreement, submitting and withdrawing. */
@ApiTags('submissions')
@Controller()
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly journals: JournalsLookup,
    private readonly submissionHistory: SubmissionHistory,
  ) {}

  @Post('journals/:slug/submissions')
  @ApiOperation({
    summary: 'Start a submission (a draft); makes the caller an author of the journal',
  })
  async create(
    @Param('slug') slug: string,
    @Body() dto: CreateSubmissionDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.submissions.create(await this.journals.bySlug(slug), user, dto, actor);
  }

  @Get('submissions')
  @ApiOperation({ summary: 'My submissions, newest first' })
  mine(@CurrentUser() user: User, @Query() query: CursorQuery) {
    return this.submissions.listMine(user, query);
  }

  @Get('submissions/:id/history')
  @ApiOperation({
    summary: 'My submission’s history: the events shown to authors and the emails sent to me',
  })
  history(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: User) {
    return this.submissionHistory.forAuthor(id, user);
  }

  @Get('submissions/:id')
  @ApiOperation({
    summary: 'Status page: stage, metadata, contributors, files, history, what is still to do',
  })
  view(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: User) {
    return this.submissions.view(id, user);
  }

  @Patch('submissions/:id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Save draft fields (any subset): section, language, metadata per language, statements, references, checklist',
  })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSubmissionDto,
    @CurrentUser() user: User,
  ): Promise<void> {
    await this.submissions.update(id, user, dto);
  }

  @Put('submissions/:id/contributors')
  @ApiOperation({ summary: 'Set the contributors, in byline order' })
  contributors(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ContributorsDto,
    @CurrentUser() user: User,
  ) {
    return this.submissions.setContributors(id, user, dto);
  }

  @Post('submissions/:id/files')
  @ApiOperation({
    summary: 'Upload a file (multipart field "file"); its type is decided by its content',
  })
  @ApiFileUpload()
  @ApiQuery({ name: 'genre', enum: FILE_GENRES })
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: GenreQuery,
    @Req() request: Request,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.submissions.uploadFile(id, user, query.genre, request, actor);
  }

  @Get('submissions/:id/copyright-terms')
  @ApiOperation({ summary: 'The copyright and licence terms to agree to, with their version' })
  terms(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LocaleQuery,
    @CurrentUser() user: User,
  ) {
    return this.submissions.terms(id, user, query.locale);
  }

  @Post('submissions/:id/copyright-agreement')
  @ApiOperation({ summary: 'Agree to the terms shown (recorded with version, time, user and IP)' })
  agree(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CopyrightAgreementDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.submissions.agree(id, user, dto, actor);
  }

  @Post('submissions/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the draft: 422 lists everything still missing' })
  submit(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.submissions.submit(id, user, actor);
  }

  @Post('submissions/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw before a final decision, with a reason; the editors are told',
  })
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.submissions.withdraw(id, user, dto.reason, actor);
  }

  @Get('submissions/:id/files/:fileId/content')
  @ApiOperation({ summary: 'Download one of my files (as uploaded)' })
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() user: User,
    @Res() response: Response,
  ): Promise<void> {
    await this.submissions.sendOwnFile(id, fileId, user, response);
  }
}
