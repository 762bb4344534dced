import { JOURNAL_EDITORS, MANAGERS } from '../editorial/roles';
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
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { User } from '../accounts/user.entity';
import { JournalsLookup } from '../journals/journals.lookup';
import { type Actor, CurrentActor, CurrentUser, viewerOf } from '../editorial/request-context';
import { EnrolDto, RoleListQuery, SelfEnrolDto } from './dto/enrolment.dto';
import { EnrolmentService } from './enrolment.service';
import { JournalAccess } from '../editorial/journal-access';
import type { JournalRole } from './journal-role.entity';

function roleView(role: JournalRole) {
  return {
    id: role.id,
    role: role.role,
    createdAt: role.createdAt,
    user: role.user && {
      id: role.user.id,
      email: role.user.email,
      names: role.user.names,
      affiliation: role.user.affiliation,
      status: role.user.status,
    },
  };
}

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
  async list(@Req() request: Request, @Query() query: RoleListQuery) {
    const page = await this.enrolment.list(request.journal!, query);
    return { items: page.items.map(roleView), nextCursor: page.nextCursor };
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post()
  @ApiOperation({ summary: 'Give someone a role; an address without an account is invited' })
  async enrol(@Req() request: Request, @Body() dto: EnrolDto, @CurrentActor() actor: Actor) {
    const { role, invited } = await this.enrolment.enrol(
      request.journal!,
      dto,
      viewerOf(request),
      actor,
    );
    return { id: role.id, userId: role.userId, role: role.role, invited };
  }

  @Post('self')
  @ApiOperation({ summary: 'Become an author or a reader of this journal' })
  async enrolSelf(
    @Param('slug') slug: string,
    @Body() dto: SelfEnrolDto,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ) {
    const role = await this.enrolment.enrolSelf(
      await this.lookup.bySlug(slug),
      user,
      dto.role,
      actor,
    );
    return { id: role.id, userId: role.userId, role: role.role };
  }

  @Delete('self/reader')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Stop being a reader of this journal (and stop its new-issue emails)',
  })
  async leaveReaders(
    @Param('slug') slug: string,
    @CurrentUser() user: User,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.enrolment.leaveReaders(await this.lookup.bySlug(slug), user, actor);
  }

  @JournalAccess({ roles: MANAGERS })
  @Delete(':roleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a role away' })
  async revoke(
    @Req() request: Request,
    @Param('roleId', ParseUUIDPipe) roleId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.enrolment.revoke(request.journal!, roleId, actor);
  }
}
