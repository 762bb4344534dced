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
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { JournalAccess, SiteAdminOnly } from '../editorial/journal-access';
import { Public } from '../editorial/public';
import { type Actor, CurrentActor, CurrentViewer, type Viewer } from '../editorial/request-context';
import { EDITORS, JOURNAL_EDITORS, MANAGERS } from '../editorial/roles';
import { BoardService } from './board.service';
import { CurrentJournal } from './current-journal.decorator';
import { BoardMemberResponse, toBoardMemberResponse } from './dto/board-member.response';
import { JournalResponse, toJournalResponse } from './dto/journal.response';
import {
  CreateJournalDto,
  EditorialBoardDto,
  SectionDto,
  SectionEditorsDto,
  UpdateJournalDto,
  UpdateSectionDto,
} from './dto/journal-settings.dto';
import { SectionResponse, toSectionResponse } from './dto/section.response';
import type { Journal } from './journal.entity';
import { JournalsLookup } from './journals.lookup';
import { JournalsService } from './journals.service';
import { SectionsService } from './sections.service';

const SLUG = { name: 'slug', type: String, description: 'The journal’s slug, e.g. volunteering' };
const SECTION_ID = { name: 'sectionId', format: 'uuid', description: 'A section of the journal' };

@ApiTags('journals')
@Controller('journals')
export class JournalsController {
  constructor(
    private readonly journals: JournalsService,
    private readonly journalSections: SectionsService,
    private readonly editorialBoard: BoardService,
    private readonly lookup: JournalsLookup,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Journals hosted here' })
  @ApiOkResponse({ type: [JournalResponse] })
  async list(): Promise<JournalResponse[]> {
    return (await this.journals.list()).map(toJournalResponse);
  }

  @SiteAdminOnly()
  @Post()
  @ApiOperation({ summary: 'Create a journal (site administrators)' })
  @ApiCreatedResponse({ type: JournalResponse })
  async create(
    @Body() dto: CreateJournalDto,
    @CurrentActor() actor: Actor,
  ): Promise<JournalResponse> {
    return toJournalResponse(await this.journals.create(dto, actor));
  }

  @Public()
  @Get(':slug')
  @ApiParam(SLUG)
  @ApiOperation({ summary: 'A journal and its settings' })
  @ApiOkResponse({ type: JournalResponse })
  async get(@Param('slug') slug: string): Promise<JournalResponse> {
    return toJournalResponse(await this.lookup.bySlug(slug));
  }

  @JournalAccess({ roles: MANAGERS })
  @Patch(':slug')
  @ApiOperation({
    summary: 'Edit journal settings (managers; the slug only by site administrators)',
  })
  @ApiOkResponse({ type: JournalResponse })
  async update(
    @CurrentJournal() journal: Journal,
    @Body() dto: UpdateJournalDto,
    @CurrentViewer() viewer: Viewer,
    @CurrentActor() actor: Actor,
  ): Promise<JournalResponse> {
    return toJournalResponse(await this.journals.update(journal, dto, viewer, actor));
  }

  @Public()
  @Get(':slug/sections')
  @ApiParam(SLUG)
  @ApiOperation({ summary: 'Sections in table-of-contents order' })
  @ApiOkResponse({ type: [SectionResponse] })
  async sections(@Param('slug') slug: string): Promise<SectionResponse[]> {
    return (await this.journalSections.list(await this.lookup.bySlug(slug))).map(toSectionResponse);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post(':slug/sections')
  @ApiOperation({ summary: 'Add a section' })
  @ApiCreatedResponse({ type: SectionResponse })
  async createSection(
    @CurrentJournal() journal: Journal,
    @Body() dto: SectionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SectionResponse> {
    return toSectionResponse(await this.journalSections.create(journal, dto, actor));
  }

  @JournalAccess({ roles: EDITORS, sectionEditorOf: 'sectionId' })
  @Patch(':slug/sections/:sectionId')
  @ApiParam(SECTION_ID)
  @ApiOperation({ summary: 'Edit a section (section editors: only their own)' })
  @ApiOkResponse({ type: SectionResponse })
  async updateSection(
    @CurrentJournal() journal: Journal,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: UpdateSectionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SectionResponse> {
    return toSectionResponse(await this.journalSections.update(journal, sectionId, dto, actor));
  }

  @JournalAccess({ roles: MANAGERS })
  @Delete(':slug/sections/:sectionId')
  @HttpCode(204)
  @ApiParam(SECTION_ID)
  @ApiOperation({ summary: 'Remove a section' })
  @ApiNoContentResponse({ description: 'The section is removed' })
  async deleteSection(
    @CurrentJournal() journal: Journal,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.journalSections.delete(journal, sectionId, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Put(':slug/sections/:sectionId/editors')
  @ApiParam(SECTION_ID)
  @ApiOperation({ summary: 'Set the editors of a section' })
  @ApiOkResponse({ type: SectionResponse })
  async setSectionEditors(
    @CurrentJournal() journal: Journal,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: SectionEditorsDto,
    @CurrentActor() actor: Actor,
  ): Promise<SectionResponse> {
    return toSectionResponse(
      await this.journalSections.setEditors(journal, sectionId, dto.userIds, actor),
    );
  }

  @Public()
  @Get(':slug/board')
  @ApiParam(SLUG)
  @ApiOperation({ summary: 'The editorial board, in masthead order' })
  @ApiOkResponse({ type: [BoardMemberResponse] })
  async board(@Param('slug') slug: string): Promise<BoardMemberResponse[]> {
    const journal = await this.lookup.bySlug(slug);
    return (await this.editorialBoard.list(journal.id)).map(toBoardMemberResponse);
  }

  @JournalAccess({ roles: MANAGERS })
  @Put(':slug/board')
  @ApiOperation({ summary: 'Replace the editorial board' })
  @ApiOkResponse({ type: [BoardMemberResponse] })
  async replaceBoard(
    @CurrentJournal() journal: Journal,
    @Body() dto: EditorialBoardDto,
    @CurrentActor() actor: Actor,
  ): Promise<BoardMemberResponse[]> {
    return (await this.editorialBoard.replace(journal, dto, actor)).map(toBoardMemberResponse);
  }
}
