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
import { mapPage } from '../common/pagination/page.dto';
import { JournalAccess } from '../editorial/journal-access';
import type { Person } from '../editorial/people';
import {
  type Actor,
  CurrentActor,
  CurrentUser,
  CurrentViewer,
  type Viewer,
} from '../editorial/request-context';
import { JOURNAL_EDITORS, MANAGERS } from '../editorial/roles';
import { CurrentJournal, type Journal, JournalsLookup } from '../journals';
import { EnrolDto, RoleListQuery, SelfEnrolDto } from './dto/enrolment.dto';
import {
  EnrolmentResponse,
  JournalRoleResponse,
  RoleListItemPage,
  toEnrolmentResponse,
  toJournalRoleResponse,
  toRoleListItemResponse,
} from './dto/journal-role.response';
import { EnrolmentService } from './enrolment.service';

const SLUG = { name: 'slug', type: String, description: 'The journal’s slug, e.g. volunteering' };

/** Who holds which role in a journal, and enrolment. */
@ApiTags('roles')
@Controller('journals/:slug/roles')
export class RolesController {
  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly lookup: JournalsLookup,
  ) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get()
  @ApiOperation({ summary: 'People and their roles in this journal (paginated)' })
  @ApiOkResponse({ type: RoleListItemPage })
  async list(
    @CurrentJournal() journal: Journal,
    @Query() query: RoleListQuery,
  ): Promise<RoleListItemPage> {
    return mapPage(await this.enrolment.list(journal, query), toRoleListItemResponse);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post()
  @ApiOperation({ summary: 'Give someone a role; an address without an account is invited' })
  @ApiCreatedResponse({ type: EnrolmentResponse })
  async enrol(
    @CurrentJournal() journal: Journal,
    @Body() dto: EnrolDto,
    @CurrentViewer() viewer: Viewer,
    @CurrentActor() actor: Actor,
  ): Promise<EnrolmentResponse> {
    return toEnrolmentResponse(await this.enrolment.enrol(journal, dto, viewer, actor));
  }

  @Post('self')
  @ApiParam(SLUG)
  @ApiOperation({ summary: 'Become an author or a reader of this journal' })
  @ApiCreatedResponse({ type: JournalRoleResponse })
  async enrolSelf(
    @Param('slug') slug: string,
    @Body() dto: SelfEnrolDto,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<JournalRoleResponse> {
    const journal = await this.lookup.bySlug(slug);
    return toJournalRoleResponse(await this.enrolment.enrolSelf(journal, user, dto.role, actor));
  }

  @Delete('self/reader')
  @HttpCode(204)
  @ApiParam(SLUG)
  @ApiOperation({
    summary: 'Stop being a reader of this journal (and stop its new-issue emails)',
  })
  @ApiNoContentResponse({ description: 'Not a reader (any more)' })
  async leaveReaders(
    @Param('slug') slug: string,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.enrolment.leaveReaders(await this.lookup.bySlug(slug), user, actor);
  }

  @JournalAccess({ roles: MANAGERS })
  @Delete(':roleId')
  @HttpCode(204)
  @ApiParam({ name: 'roleId', format: 'uuid', description: 'A role in the journal' })
  @ApiOperation({ summary: 'Take a role away' })
  @ApiNoContentResponse({ description: 'The role is taken away' })
  async revoke(
    @CurrentJournal() journal: Journal,
    @Param('roleId', ParseUUIDPipe) roleId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.enrolment.revoke(journal, roleId, actor);
  }
}
