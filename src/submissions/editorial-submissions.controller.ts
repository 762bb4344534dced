import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { JournalAccess } from '../access/journal-access.decorator';
import { EditorialFilters, EditorialQuery } from './dto/editorial-query.dto';
import { EditorialListing, type Viewer } from './editorial-listing.service';

function viewerOf(request: Request): Viewer {
  const principal = request.principal!;
  return {
    user: principal.kind === 'user' ? principal.user : null,
    roles: request.journalRoles ?? [],
    isSiteAdmin: principal.kind === 'operator' || principal.user.isSiteAdmin,
  };
}

/** The editors' list of a journal's submissions. */
@ApiTags('submissions')
@Controller('journals/:slug/submissions')
export class EditorialSubmissionsController {
  constructor(private readonly listing: EditorialListing) {}

  @JournalAccess({ roles: ['manager', 'editor', 'section_editor'] })
  @Get()
  @ApiOperation({
    summary:
      'Submitted manuscripts, newest first: filter by stage, section, editor, language; search titles and abstracts',
  })
  list(@Req() request: Request, @Query() query: EditorialQuery) {
    return this.listing.list(request.journal!, viewerOf(request), query);
  }

  @JournalAccess({ roles: ['manager', 'editor', 'section_editor'] })
  @Get('counts')
  @ApiOperation({ summary: 'How many submissions are in each stage (same filters)' })
  counts(@Req() request: Request, @Query() query: EditorialFilters) {
    return this.listing.counts(request.journal!, viewerOf(request), query);
  }
}
