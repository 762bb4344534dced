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
import { ApiFileUpload } from '../common/http/api-file-upload.decorator';
import { UploadBody, type UploadSource } from '../common/http/files';
import { JournalAccess } from '../editorial/journal-access';
import type { Person } from '../editorial/people';
import {
  type Actor,
  CurrentActor,
  CurrentUser,
  CurrentViewer,
  type Viewer,
} from '../editorial/request-context';
import { JOURNAL_EDITORS, PREPARERS } from '../editorial/roles';
import { CurrentJournal, type Journal } from '../journals';
import {
  GalleyResponse,
  NoticeResponse,
  PublicationRecordResponse,
  toGalleyResponse,
  toNoticeResponse,
  toPublicationRecordResponse,
} from './dto/publication.response';
import { GalleyQuery, NewVersionDto, NoticeDto, UpdatePublicationDto } from './dto/publishing.dto';
import { GalleysService } from './galleys.service';
import { PublicationsService, type RecordView } from './publications.service';

const SUBMISSION_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The submission' });
const records = (views: RecordView[]) => views.map(toPublicationRecordResponse);

/**
 * An article's publication records, prepared by its editors and its production editor: the
 * record in preparation, its galleys, corrections and notices once it is published.
 */
@ApiTags('publishing')
@Controller('journals/:slug/submissions/:id/publication')
export class PublicationsController {
  constructor(
    private readonly publications: PublicationsService,
    private readonly galleys: GalleysService,
  ) {}

  @JournalAccess({ roles: PREPARERS })
  @Get()
  @SUBMISSION_ID
  @ApiOperation({
    summary: 'An article’s publication records (every version), galleys, what is missing',
  })
  @ApiOkResponse({ type: [PublicationRecordResponse] })
  async records(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PublicationRecordResponse[]> {
    return records(await this.publications.records(journal, viewer, id));
  }

  @JournalAccess({ roles: PREPARERS })
  @Patch()
  @SUBMISSION_ID
  @ApiOperation({
    summary: 'Correct the record in preparation (metadata, pages, copyright, licence…)',
  })
  @ApiOkResponse({ type: [PublicationRecordResponse] })
  async update(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePublicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublicationRecordResponse[]> {
    return records(await this.publications.update(journal, viewer, id, dto, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('versions')
  @SUBMISSION_ID
  @ApiOperation({ summary: 'Start a correction: a new version of a published article (same DOI)' })
  @ApiCreatedResponse({ type: [PublicationRecordResponse] })
  async newVersion(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NewVersionDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublicationRecordResponse[]> {
    return records(await this.publications.newVersion(journal, viewer, id, dto, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('versions/publish')
  @HttpCode(200)
  @SUBMISSION_ID
  @ApiOperation({ summary: 'Publish the correction in preparation; earlier versions stay public' })
  @ApiOkResponse({ type: [PublicationRecordResponse] })
  async publishVersion(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<PublicationRecordResponse[]> {
    return records(await this.publications.publishVersion(journal, viewer, id, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('notices')
  @SUBMISSION_ID
  @ApiOperation({
    summary: 'Publish an erratum, expression of concern or retraction for a published article',
  })
  @ApiCreatedResponse({ type: NoticeResponse })
  async addNotice(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NoticeDto,
    @CurrentActor() actor: Actor,
  ): Promise<NoticeResponse> {
    return toNoticeResponse(
      await this.publications.addNotice(journal, viewer, user, id, dto, actor),
    );
  }

  @JournalAccess({ roles: PREPARERS })
  @Post('galleys')
  @SUBMISSION_ID
  @ApiFileUpload()
  @ApiOperation({ summary: 'Add a galley (PDF, JATS XML, EPUB) to the record in preparation' })
  @ApiCreatedResponse({ type: GalleyResponse })
  async addGalley(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: GalleyQuery,
    @UploadBody() upload: UploadSource,
    @CurrentActor() actor: Actor,
  ): Promise<GalleyResponse> {
    return toGalleyResponse(
      await this.galleys.addToArticle(
        journal,
        viewer,
        id,
        upload,
        query.label,
        query.locale,
        actor,
      ),
    );
  }

  @JournalAccess({ roles: PREPARERS })
  @Delete('galleys/:galleyId')
  @HttpCode(204)
  @SUBMISSION_ID
  @ApiParam({ name: 'galleyId', format: 'uuid' })
  @ApiOperation({ summary: 'Remove a galley of the record in preparation' })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeGalley(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('galleyId', ParseUUIDPipe) galleyId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.galleys.removeFromArticle(journal, viewer, id, galleyId, actor);
  }
}
