import { Controller, Get, Header, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Public } from '../editorial/public';
import { JournalsLookup } from '../journals/journals.lookup';
import { FileStorage } from '../storage/file-storage';
import { sendSubmissionFile } from '../submissions/file-download';
import { PublicCatalogue } from './public-catalogue.service';

// Published data changes rarely and only by publishing: caches may keep it a few minutes, and
// revalidate with the ETag Express computes for every JSON answer.
const CACHEABLE = 'public, max-age=300';

/** The public record, without signing in: only what is published. */
@ApiTags('public')
@Controller('public/journals/:slug')
export class PublicController {
  constructor(
    private readonly catalogue: PublicCatalogue,
    private readonly journals: JournalsLookup,
    private readonly storage: FileStorage,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', CACHEABLE)
  @ApiOperation({ summary: 'The journal: ISSNs, publisher, licence, board, current issue' })
  async journal(@Param('slug') slug: string) {
    return this.catalogue.journal(await this.journals.bySlug(slug));
  }

  @Public()
  @Get('issues')
  @Header('Cache-Control', CACHEABLE)
  @ApiOperation({ summary: 'The archive: published issues, newest first, the current one marked' })
  async issues(@Param('slug') slug: string) {
    return this.catalogue.issues(await this.journals.bySlug(slug));
  }

  @Public()
  @Get('issues/:issueId')
  @Header('Cache-Control', CACHEABLE)
  @ApiOperation({ summary: 'A published issue: table of contents by section, and its galleys' })
  async issue(@Param('slug') slug: string, @Param('issueId', ParseUUIDPipe) id: string) {
    return this.catalogue.issue(await this.journals.bySlug(slug), id);
  }

  @Public()
  @Get('issues/:issueId/cover')
  @ApiOperation({ summary: 'A published issue’s cover image' })
  async cover(
    @Param('slug') slug: string,
    @Param('issueId', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const issue = await this.catalogue.cover(await this.journals.bySlug(slug), id);
    // Inline: an image to show, not a file to save.
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.setHeader('Content-Type', issue.coverImageMediaType!);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    await pipeline(await this.storage.get(issue.coverImageKey!), response);
  }

  @Public()
  @Get('articles/:articleId')
  @Header('Cache-Control', CACHEABLE)
  @ApiOperation({ summary: 'A published article: all its metadata, versions and galleys' })
  async article(@Param('slug') slug: string, @Param('articleId', ParseUUIDPipe) id: string) {
    return this.catalogue.article(await this.journals.bySlug(slug), id);
  }

  @Public()
  @Get('galleys/:galleyId/content')
  @ApiOperation({ summary: 'Download a published galley (PDF, XML…)' })
  async galley(
    @Param('slug') slug: string,
    @Param('galleyId', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const galley = await this.catalogue.galley(await this.journals.bySlug(slug), id);
    response.setHeader('ETag', `"${galley.sha256}"`);
    await sendSubmissionFile(
      response,
      this.storage,
      galley,
      galley.storageKey,
      'public, max-age=86400, immutable',
    );
  }
}
