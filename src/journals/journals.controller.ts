import { EDITORS, JOURNAL_EDITORS, MANAGERS } from '../editorial/roles';
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
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type Actor, CurrentActor, isSiteAdmin } from '../editorial/request-context';
import { JournalAccess, SiteAdminOnly } from '../editorial/journal-access';
import { Public } from '../editorial/public';
import { ProblemException } from '../common/http/problem.exception';
import {
  CreateJournalDto,
  EditorialBoardDto,
  SectionDto,
  SectionEditorsDto,
  UpdateJournalDto,
  UpdateSectionDto,
} from './dto/journal-settings.dto';
import type { Journal } from './journal.entity';
import { boardView, journalView, sectionView } from './journal.views';
import { JournalsService } from './journals.service';
import { JournalsLookup } from './journals.lookup';

/** The journal loaded by JournalAccessGuard for routes that carry @JournalAccess. */
const journalOf = (request: Request): Journal => request.journal!;

@ApiTags('journals')
@Controller('journals')
export class JournalsController {
  constructor(
    private readonly journals: JournalsService,
    private readonly lookup: JournalsLookup,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Journals hosted here' })
  async list() {
    return (await this.journals.list()).map(journalView);
  }

  @SiteAdminOnly()
  @Post()
  @ApiOperation({ summary: 'Create a journal (site administrators)' })
  async create(@Body() dto: CreateJournalDto, @CurrentActor() actor: Actor) {
    return journalView(await this.journals.create(dto, actor));
  }

  @Public()
  @Get(':slug')
  @ApiOperation({ summary: 'A journal and its settings' })
  async get(@Param('slug') slug: string) {
    return journalView(await this.lookup.bySlug(slug));
  }

  @JournalAccess({ roles: MANAGERS })
  @Patch(':slug')
  @ApiOperation({
    summary: 'Edit journal settings (managers; the slug only by site administrators)',
  })
  async update(
    @Req() request: Request,
    @Body() dto: UpdateJournalDto,
    @CurrentActor() actor: Actor,
  ) {
    if (
      dto.slug !== undefined &&
      dto.slug !== journalOf(request).slug &&
      !isSiteAdmin(request.principal)
    ) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: 'Only site administrators may change a journal’s slug',
      });
    }
    return journalView(await this.journals.update(journalOf(request), dto, actor));
  }

  @Public()
  @Get(':slug/sections')
  @ApiOperation({ summary: 'Sections in table-of-contents order' })
  async sections(@Param('slug') slug: string) {
    return (await this.journals.sections(await this.lookup.bySlug(slug))).map(sectionView);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post(':slug/sections')
  @ApiOperation({ summary: 'Add a section' })
  async createSection(
    @Req() request: Request,
    @Body() dto: SectionDto,
    @CurrentActor() actor: Actor,
  ) {
    return sectionView(await this.journals.createSection(journalOf(request), dto, actor));
  }

  @JournalAccess({ roles: EDITORS, sectionEditorOf: 'sectionId' })
  @Patch(':slug/sections/:sectionId')
  @ApiOperation({ summary: 'Edit a section (section editors: only their own)' })
  async updateSection(
    @Req() request: Request,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: UpdateSectionDto,
    @CurrentActor() actor: Actor,
  ) {
    return sectionView(
      await this.journals.updateSection(journalOf(request), sectionId, dto, actor),
    );
  }

  @JournalAccess({ roles: MANAGERS })
  @Delete(':slug/sections/:sectionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a section' })
  async deleteSection(
    @Req() request: Request,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.journals.deleteSection(journalOf(request), sectionId, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Put(':slug/sections/:sectionId/editors')
  @ApiOperation({ summary: 'Set the editors of a section' })
  async setSectionEditors(
    @Req() request: Request,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: SectionEditorsDto,
    @CurrentActor() actor: Actor,
  ) {
    return sectionView(
      await this.journals.setSectionEditors(journalOf(request), sectionId, dto.userIds, actor),
    );
  }

  @Public()
  @Get(':slug/board')
  @ApiOperation({ summary: 'The editorial board, in masthead order' })
  async board(@Param('slug') slug: string) {
    return (await this.journals.board(await this.lookup.bySlug(slug))).map(boardView);
  }

  @JournalAccess({ roles: MANAGERS })
  @Put(':slug/board')
  @ApiOperation({ summary: 'Replace the editorial board' })
  async replaceBoard(
    @Req() request: Request,
    @Body() dto: EditorialBoardDto,
    @CurrentActor() actor: Actor,
  ) {
    return (await this.journals.replaceBoard(journalOf(request), dto, actor)).map(boardView);
  }
}
