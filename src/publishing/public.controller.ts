import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import type { FileDownload } from '../common/http/files';
import { Public } from '../editorial/public';
import {
  PublicArticleResponse,
  PublicIssueResponse,
  PublicIssueSummaryResponse,
  PublicJournalResponse,
  toPublicArticleResponse,
  toPublicIssueResponse,
  toPublicIssueSummaryResponse,
  toPublicJournalResponse,
} from './dto/public.response';
import { PublicCatalogue } from './public-catalogue.service';

// Published data changes rarely and only by publishing: caches may keep it a few minutes, and
// revalidate with the ETag Express computes for every JSON answer.
const CACHEABLE = 'public, max-age=300';

const SLUG = ApiParam({
  name: 'slug',
  type: String,
  description: 'The journal’s slug, e.g. volunteering',
});

/** The public record, without signing in: only what is published. */
@ApiTags('public')
@Controller('public/journals/:slug')
export class PublicController {
  constructor(private readonly catalogue: PublicCatalogue) {}

  @Public()
  @Get()
  @Header('Cache-Control', CACHEABLE)
  @SLUG
  @ApiOperation({ summary: 'The journal: ISSNs, publisher, licence, board, current issue' })
  @ApiOkResponse({ type: PublicJournalResponse })
  async journal(@Param('slug') slug: string): Promise<PublicJournalResponse> {
    return toPublicJournalResponse(await this.catalogue.journal(slug));
  }

  @Public()
  @Get('issues')
  @Header('Cache-Control', CACHEABLE)
  @SLUG
  @ApiOperation({ summary: 'The archive: published issues, newest first, the current one marked' })
  @ApiOkResponse({ type: [PublicIssueSummaryResponse] })
  async issues(@Param('slug') slug: string): Promise<PublicIssueSummaryResponse[]> {
    const { journal, issues } = await this.catalogue.archive(slug);
    return issues.map((issue) => toPublicIssueSummaryResponse(journal.slug, issue));
  }

  @Public()
  @Get('issues/:issueId')
  @Header('Cache-Control', CACHEABLE)
  @SLUG
  @ApiParam({ name: 'issueId', format: 'uuid' })
  @ApiOperation({ summary: 'A published issue: table of contents by section, and its galleys' })
  @ApiOkResponse({ type: PublicIssueResponse })
  async issue(
    @Param('slug') slug: string,
    @Param('issueId', ParseUUIDPipe) id: string,
  ): Promise<PublicIssueResponse> {
    return toPublicIssueResponse(await this.catalogue.issue(slug, id));
  }

  @Public()
  @Get('issues/:issueId/cover')
  // Inline: an image to show, not a file to save.
  @Header('Cache-Control', CACHEABLE)
  @Header('X-Content-Type-Options', 'nosniff')
  @SLUG
  @ApiParam({ name: 'issueId', format: 'uuid' })
  @ApiOperation({ summary: 'A published issue’s cover image' })
  @ApiFileDownload({
    description: 'The image (JPEG, PNG or WebP), shown in place',
    mediaTypes: ['image/jpeg', 'image/png', 'image/webp'],
    attachment: false,
  })
  async cover(
    @Param('slug') slug: string,
    @Param('issueId', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const cover = await this.catalogue.cover(slug, id);
    return new StreamableFile(cover.content, { type: cover.mediaType });
  }

  @Public()
  @Get('articles/:articleId')
  @Header('Cache-Control', CACHEABLE)
  @SLUG
  @ApiParam({ name: 'articleId', format: 'uuid', description: 'The article (its submission)' })
  @ApiOperation({ summary: 'A published article: all its metadata, versions and galleys' })
  @ApiOkResponse({ type: PublicArticleResponse })
  async article(
    @Param('slug') slug: string,
    @Param('articleId', ParseUUIDPipe) id: string,
  ): Promise<PublicArticleResponse> {
    return toPublicArticleResponse(await this.catalogue.article(slug, id));
  }

  @Public()
  @Get('galleys/:galleyId/content')
  @SLUG
  @ApiParam({ name: 'galleyId', format: 'uuid' })
  @ApiOperation({ summary: 'Download a published galley (PDF, XML…)' })
  @ApiFileDownload({
    description: 'The file, cacheable for good (public, immutable, with its SHA-256 as ETag)',
    // Uploaded (PDF, XML, EPUB) or typeset (PDF, HTML, JATS XML).
    mediaTypes: [
      'application/pdf',
      'application/xml',
      'application/epub+zip',
      'text/html',
      'application/jats+xml',
    ],
  })
  galley(
    @Param('slug') slug: string,
    @Param('galleyId', ParseUUIDPipe) id: string,
  ): Promise<FileDownload> {
    return this.catalogue.galley(slug, id);
  }
}
