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
import { CursorQuery } from '../common/pagination/cursor-page';
import { mapPage } from '../common/pagination/page.dto';
import { JournalAccess } from '../editorial/journal-access';
import { Public } from '../editorial/public';
import { type Actor, CurrentActor } from '../editorial/request-context';
import { JOURNAL_EDITORS } from '../editorial/roles';
import { CurrentJournal, type Journal, JournalsLookup } from '../journals';
import { AnnouncementsService } from './announcements.service';
import { CreateAnnouncementDto, UpdateAnnouncementDto } from './dto/announcement.dto';
import {
  AnnouncementPage,
  AnnouncementResponse,
  EditorialAnnouncementPage,
  EditorialAnnouncementResponse,
  toAnnouncementResponse,
  toEditorialAnnouncementResponse,
} from './dto/announcement.response';

const SLUG = ApiParam({
  name: 'slug',
  type: String,
  description: 'The journal’s slug, e.g. volunteering',
});
const ANNOUNCEMENT_ID = ApiParam({ name: 'announcementId', format: 'uuid' });

/**
 * A journal's announcements: the published ones for anyone, and all of them for the journal's
 * managers and editors, who write them. (Section editors look after their sections only, so
 * what the journal as a whole announces is not theirs: JOURNAL_EDITORS.)
 */
@ApiTags('announcements')
@Controller('journals/:slug/announcements')
export class AnnouncementsController {
  constructor(
    private readonly announcements: AnnouncementsService,
    private readonly lookup: JournalsLookup,
  ) {}

  @Public()
  @Get()
  @SLUG
  @ApiOperation({ summary: 'Published announcements, newest first' })
  @ApiOkResponse({ type: AnnouncementPage })
  async listPublished(
    @Param('slug') slug: string,
    @Query() query: CursorQuery,
  ): Promise<AnnouncementPage> {
    const journal = await this.lookup.bySlug(slug);
    return mapPage(await this.announcements.listPublished(journal.id, query), (announcement) =>
      toAnnouncementResponse(announcement),
    );
  }

  // Before `:announcementId`, which would otherwise take the word for an id.
  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('all')
  @ApiOperation({
    summary: 'Every announcement, drafts and scheduled ones included, newest written first',
  })
  @ApiOkResponse({ type: EditorialAnnouncementPage })
  async listAll(
    @CurrentJournal() journal: Journal,
    @Query() query: CursorQuery,
  ): Promise<EditorialAnnouncementPage> {
    const now = new Date();
    return mapPage(await this.announcements.listAll(journal, query), (announcement) =>
      toEditorialAnnouncementResponse(announcement, now),
    );
  }

  @Public()
  @Get(':announcementId')
  @SLUG
  @ANNOUNCEMENT_ID
  @ApiOperation({ summary: 'A published announcement' })
  @ApiOkResponse({ type: AnnouncementResponse })
  async findPublished(
    @Param('slug') slug: string,
    @Param('announcementId', ParseUUIDPipe) id: string,
  ): Promise<AnnouncementResponse> {
    const journal = await this.lookup.bySlug(slug);
    return toAnnouncementResponse(await this.announcements.findPublished(journal.id, id));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post()
  @ApiOperation({ summary: 'Write an announcement (a draft until it has a publication time)' })
  @ApiCreatedResponse({ type: EditorialAnnouncementResponse })
  async create(
    @CurrentJournal() journal: Journal,
    @Body() dto: CreateAnnouncementDto,
    @CurrentActor() actor: Actor,
  ): Promise<EditorialAnnouncementResponse> {
    return toEditorialAnnouncementResponse(
      await this.announcements.create(journal, dto, actor),
      new Date(),
    );
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Patch(':announcementId')
  @ANNOUNCEMENT_ID
  @ApiOperation({ summary: 'Edit, publish, schedule or unpublish an announcement (409 if stale)' })
  @ApiOkResponse({ type: EditorialAnnouncementResponse })
  async update(
    @CurrentJournal() journal: Journal,
    @Param('announcementId', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAnnouncementDto,
    @CurrentActor() actor: Actor,
  ): Promise<EditorialAnnouncementResponse> {
    return toEditorialAnnouncementResponse(
      await this.announcements.update(journal, id, dto, actor),
      new Date(),
    );
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Delete(':announcementId')
  @HttpCode(204)
  @ANNOUNCEMENT_ID
  @ApiOperation({ summary: 'Delete an announcement' })
  @ApiNoContentResponse({ description: 'The announcement is deleted' })
  async delete(
    @CurrentJournal() journal: Journal,
    @Param('announcementId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.announcements.delete(journal, id, actor);
  }
}
