import {
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseUUIDPipe,
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
  ApiTags,
} from '@nestjs/swagger';
import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
import { UploadBody, type UploadSource } from '../common/http/files';
import { JournalAccess } from '../editorial/journal-access';
import { type Actor, CurrentActor } from '../editorial/request-context';
import { JOURNAL_EDITORS } from '../editorial/roles';
import { CurrentJournal, type Journal } from '../journals';
import { IssueDetailResponse, toIssueDetailResponse } from './dto/issue.response';
import { GalleyResponse, toGalleyResponse } from './dto/publication.response';
import { GalleyQuery } from './dto/publishing.dto';
import { IssueFiles } from './issue-files.service';

const ISSUE_ID = ApiParam({ name: 'issueId', format: 'uuid' });

/** An issue's own files, before it is published: its cover, and galleys of the whole issue. */
@ApiTags('publishing')
@Controller('journals/:slug/issues/:issueId')
export class IssueFilesController {
  constructor(private readonly files: IssueFiles) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Put('cover')
  @ISSUE_ID
  @ApiFileUpload()
  @ApiOperation({ summary: 'Set the issue’s cover image (JPEG, PNG or WebP)' })
  @ApiOkResponse({ type: IssueDetailResponse })
  async setCover(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
    @UploadBody() upload: UploadSource,
    @CurrentActor() actor: Actor,
  ): Promise<IssueDetailResponse> {
    return toIssueDetailResponse(await this.files.setCover(journal, id, upload, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('galleys')
  @ISSUE_ID
  @ApiFileUpload()
  @ApiOperation({ summary: 'Add a galley of the whole issue (its PDF…), before publishing' })
  @ApiCreatedResponse({ type: GalleyResponse })
  async addGalley(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Query() query: GalleyQuery,
    @UploadBody() upload: UploadSource,
    @CurrentActor() actor: Actor,
  ): Promise<GalleyResponse> {
    return toGalleyResponse(
      await this.files.addGalley(journal, id, upload, query.label, query.locale, actor),
    );
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Delete('galleys/:galleyId')
  @HttpCode(204)
  @ISSUE_ID
  @ApiParam({ name: 'galleyId', format: 'uuid' })
  @ApiOperation({ summary: 'Remove a galley of an unpublished issue' })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeGalley(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Param('galleyId', ParseUUIDPipe) galleyId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.files.removeGalley(journal, id, galleyId, actor);
  }
}
