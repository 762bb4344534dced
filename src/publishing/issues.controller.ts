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
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { JournalAccess } from '../editorial/journal-access';
import { type Actor, CurrentActor, CurrentViewer, type Viewer } from '../editorial/request-context';
import { EDITORS, JOURNAL_EDITORS } from '../editorial/roles';
import { CurrentJournal, type Journal } from '../journals';
import {
  IssueDetailResponse,
  IssueListItemResponse,
  IssueResponse,
  toIssueDetailResponse,
  toIssueListItemResponse,
  toIssueResponse,
} from './dto/issue.response';
import {
  CreateIssueDto,
  PublishIssueDto,
  PublishNowDto,
  ScheduleIssueDto,
  TocDto,
  UnpublishIssueDto,
  UpdateIssueDto,
} from './dto/publishing.dto';
import { IssueContents } from './issue-contents.service';
import { IssuePublisher } from './issue-publisher.service';
import { IssuesService } from './issues.service';

const ISSUE_ID = ApiParam({ name: 'issueId', format: 'uuid' });

/** Editors assemble issues and publish them, at once or on a schedule. */
@ApiTags('publishing')
@Controller('journals/:slug/issues')
export class IssuesController {
  constructor(
    private readonly issues: IssuesService,
    private readonly contents: IssueContents,
    private readonly publisher: IssuePublisher,
  ) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post()
  @ApiOperation({ summary: 'Create an issue (a draft until published)' })
  @ApiCreatedResponse({ type: IssueResponse })
  async create(
    @CurrentJournal() journal: Journal,
    @Body() dto: CreateIssueDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssueResponse> {
    return toIssueResponse(await this.issues.create(journal, dto, actor));
  }

  @JournalAccess({ roles: EDITORS })
  @Get()
  @ApiOperation({ summary: 'Every issue, drafts included, newest first' })
  @ApiOkResponse({ type: [IssueListItemResponse] })
  async list(@CurrentJournal() journal: Journal): Promise<IssueListItemResponse[]> {
    return (await this.issues.list(journal)).map(toIssueListItemResponse);
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':issueId')
  @ISSUE_ID
  @ApiOperation({ summary: 'An issue with its table of contents' })
  @ApiOkResponse({ type: IssueDetailResponse })
  async get(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
  ): Promise<IssueDetailResponse> {
    return toIssueDetailResponse(await this.issues.get(journal, id));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Patch(':issueId')
  @ISSUE_ID
  @ApiOperation({ summary: 'Edit an issue (a published one keeps its volume, number and year)' })
  @ApiOkResponse({ type: IssueResponse })
  async update(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: UpdateIssueDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssueResponse> {
    return toIssueResponse(await this.issues.update(journal, id, dto, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Put(':issueId/articles')
  @ISSUE_ID
  @ApiOperation({
    summary:
      'Set the issue’s articles and their order (articles in production; each gets its publication record and DOI)',
  })
  @ApiOkResponse({ type: IssueDetailResponse })
  async setToc(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: TocDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssueDetailResponse> {
    return toIssueDetailResponse(await this.contents.set(journal, viewer, id, dto, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post(':issueId/publish')
  @HttpCode(200)
  @ISSUE_ID
  @ApiOperation({
    summary:
      'Publish the issue and all its articles at once (422 listing each article’s missing fields)',
  })
  @ApiOkResponse({ type: IssueDetailResponse })
  async publish(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: PublishNowDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssueDetailResponse> {
    return toIssueDetailResponse(await this.publisher.publish(journal, viewer, id, dto, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post(':issueId/schedule')
  @HttpCode(200)
  @ISSUE_ID
  @ApiOperation({
    summary:
      'Schedule the issue: the worker publishes it at `publishAt` (same checks as publishing)',
  })
  @ApiOkResponse({ type: IssueDetailResponse })
  async schedule(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: ScheduleIssueDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssueDetailResponse> {
    return toIssueDetailResponse(await this.publisher.schedule(journal, viewer, id, dto, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post(':issueId/unschedule')
  @HttpCode(200)
  @ISSUE_ID
  @ApiOperation({ summary: 'Cancel a scheduled publication: the issue is a draft again' })
  @ApiOkResponse({ type: IssueDetailResponse })
  async unschedule(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: PublishIssueDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssueDetailResponse> {
    return toIssueDetailResponse(await this.publisher.unschedule(journal, viewer, id, dto, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post(':issueId/unpublish')
  @HttpCode(200)
  @ISSUE_ID
  @ApiOperation({
    summary: 'Take a published issue back, with a reason, while no DOI is registered',
  })
  @ApiOkResponse({ type: IssueDetailResponse })
  async unpublish(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Body() dto: UnpublishIssueDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssueDetailResponse> {
    return toIssueDetailResponse(await this.publisher.unpublish(journal, viewer, id, dto, actor));
  }
}
