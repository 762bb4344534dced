import { EDITORS, JOURNAL_EDITORS, PREPARERS } from '../editorial/roles';
import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
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
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { FileStorage } from '../storage/file-storage';
import { sendSubmissionFile } from '../submissions/file-download';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { JournalAccess } from '../editorial/journal-access';
import { viewerOf } from '../editorial/request-context';
import {
  CreateIssueDto,
  NewVersionDto,
  NoticeDto,
  PublishIssueDto,
  PublishNowDto,
  ScheduleIssueDto,
  TocDto,
  UnpublishIssueDto,
  UpdateIssueDto,
  UpdatePublicationDto,
} from './dto/publishing.dto';
import { CrossrefDeposits } from './crossref-deposits.service';
import { IssueFiles } from './issue-files.service';
import { IssuePublisher } from './issue-publisher.service';
import { IssuesService } from './issues.service';
import { PublicationsService } from './publications.service';

/** Who prepares an article's record and galleys: its editors and its production editor. */

class GalleyQuery {
  @ApiProperty({ description: 'What readers see on the link, e.g. "PDF"' })
  @IsString()
  @MaxLength(60)
  label: string;

  @ApiProperty({ enum: ['ar', 'en', 'fr'] })
  @IsString()
  @MaxLength(5)
  locale: string;
}

/** Editors assemble issues and publish them; articles' publication records and galleys. */
@ApiTags('publishing')
@Controller('journals/:slug')
export class IssuesController {
  constructor(
    private readonly issues: IssuesService,
    private readonly publisher: IssuePublisher,
    private readonly publications: PublicationsService,
    private readonly files: IssueFiles,
    private readonly deposits: CrossrefDeposits,
    private readonly storage: FileStorage,
  ) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('issues/:issueId/crossref-deposits')
  @ApiOperation({ summary: 'The issue’s Crossref deposits: requested, built, failed, registered' })
  listDeposits(@Req() request: Request, @Param('issueId', ParseUUIDPipe) id: string) {
    return this.deposits.list(request.journal!, id);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/crossref-deposits')
  @ApiOperation({ summary: 'Ask for a new Crossref deposit of a published issue' })
  requestDeposit(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.deposits.requestAgain(request.journal!, id, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('issues/:issueId/crossref-deposits/:depositId/content')
  @ApiOperation({ summary: 'Download a built deposit (Crossref schema 5.4.0 XML)' })
  async depositFile(
    @Req() request: Request,
    @Res() response: Response,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Param('depositId', ParseUUIDPipe) depositId: string,
  ): Promise<void> {
    const deposit = await this.deposits.file(request.journal!, id, depositId);
    await sendSubmissionFile(
      response,
      this.storage,
      { originalName: `${deposit.batchId}.xml`, mediaType: 'application/xml' },
      deposit.storageKey!,
    );
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/crossref-deposits/:depositId/registered')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record that Crossref accepted the deposit: its DOIs are registered, and the issue can no longer be unpublished',
  })
  markRegistered(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Param('depositId', ParseUUIDPipe) depositId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.deposits.markRegistered(request.journal!, id, depositId, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Put('issues/:issueId/cover')
  @ApiFileUpload()
  @ApiOperation({ summary: 'Set the issue’s cover image (JPEG, PNG or WebP)' })
  setCover(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.files.setCover(request.journal!, id, request, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/galleys')
  @ApiFileUpload()
  @ApiOperation({ summary: 'Add a galley of the whole issue (its PDF…), before publishing' })
  async addIssueGalley(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Query() query: GalleyQuery,
    @CurrentActor() actor: Actor,
  ) {
    const { storageKey: _key, ...galley } = await this.files.addGalley(
      request.journal!,
      id,
      request,
      query.label,
      query.locale,
      actor,
    );
    return galley;
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Delete('issues/:issueId/galleys/:galleyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a galley of an unpublished issue' })
  async removeIssueGalley(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Param('galleyId', ParseUUIDPipe) galleyId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.files.removeGalley(request.journal!, id, galleyId, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('submissions/:id/publication/notices')
  @ApiOperation({
    summary: 'Publish an erratum, expression of concern or retraction for a published article',
  })
  addNotice(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NoticeDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    return this.publications.addNotice(request.journal!, viewerOf(request), user, id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues')
  @ApiOperation({ summary: 'Create an issue (a draft until published)' })
  create(@Req() request: Request, @Body() dto: CreateIssueDto, @CurrentActor() actor: Actor) {
    return this.issues.create(request.journal!, dto, actor);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('issues')
  @ApiOperation({ summary: 'Every issue, drafts included, newest first' })
  list(@Req() request: Request) {
    return this.issues.list(request.journal!);
  }

  @JournalAccess({ roles: EDITORS })
  @Get('issues/:issueId')
  @ApiOperation({ summary: 'An issue with its table of contents' })
  get(@Req() request: Request, @Param('issueId', ParseUUIDPipe) id: string) {
    return this.issues.get(request.journal!, id);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Patch('issues/:issueId')
  @ApiOperation({ summary: 'Edit an issue (a published one keeps its volume, number and year)' })
  update(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: UpdateIssueDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.issues.update(request.journal!, id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Put('issues/:issueId/articles')
  @ApiOperation({
    summary:
      'Set the issue’s articles and their order (articles in production; each gets its publication record and DOI)',
  })
  setToc(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: TocDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.issues.setToc(request.journal!, id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/publish')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish the issue and all its articles at once (422 listing each article’s missing fields)',
  })
  publish(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: PublishNowDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.publisher.publish(request.journal!, id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/schedule')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Schedule the issue: the worker publishes it at `publishAt` (same checks as publishing)',
  })
  schedule(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: ScheduleIssueDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.publisher.schedule(request.journal!, id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/unschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a scheduled publication: the issue is a draft again' })
  unschedule(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: PublishIssueDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.publisher.unschedule(request.journal!, id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/unpublish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a published issue back, with a reason, while no DOI is registered',
  })
  unpublish(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: UnpublishIssueDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.publisher.unpublish(request.journal!, id, dto, actor);
  }

  @JournalAccess({ roles: PREPARERS })
  @Get('submissions/:id/publication')
  @ApiOperation({
    summary: 'An article’s publication records (every version), galleys, what is missing',
  })
  records(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.publications.records(request.journal!, viewerOf(request), id);
  }

  @JournalAccess({ roles: PREPARERS })
  @Patch('submissions/:id/publication')
  @ApiOperation({
    summary: 'Correct the record in preparation (metadata, pages, copyright, licence…)',
  })
  updateRecord(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePublicationDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.publications.update(request.journal!, viewerOf(request), id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('submissions/:id/publication/versions')
  @ApiOperation({ summary: 'Start a correction: a new version of a published article (same DOI)' })
  newVersion(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NewVersionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.publications.newVersion(request.journal!, viewerOf(request), id, dto, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('submissions/:id/publication/versions/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the correction in preparation; earlier versions stay public' })
  publishVersion(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.publications.publishVersion(request.journal!, viewerOf(request), id, actor);
  }

  @JournalAccess({ roles: PREPARERS })
  @Post('submissions/:id/publication/galleys')
  @ApiFileUpload()
  @ApiOperation({ summary: 'Add a galley (PDF, JATS XML, EPUB) to the record in preparation' })
  async addGalley(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: GalleyQuery,
    @CurrentActor() actor: Actor,
  ) {
    const { storageKey: _key, ...galley } = await this.publications.addGalley(
      request.journal!,
      viewerOf(request),
      id,
      request,
      query.label,
      query.locale,
      actor,
    );
    return galley;
  }

  @JournalAccess({ roles: PREPARERS })
  @Delete('submissions/:id/publication/galleys/:galleyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a galley of the record in preparation' })
  async removeGalley(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('galleyId', ParseUUIDPipe) galleyId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.publications.removeGalley(request.journal!, viewerOf(request), id, galleyId, actor);
  }
}
