import { JOURNAL_EDITORS, PREPARERS } from '../editorial/roles';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { JournalAccess } from '../editorial/journal-access';
import { PublicationsService } from '../publishing/publications.service';
import { FileStorage } from '../storage/file-storage';
import { viewerOf } from '../editorial/request-context';
import { sendSubmissionFile } from '../submissions/file-download';
import { ProofResponseDto } from './dto/proof-response.dto';
import { Proofs } from './proofs.service';
import { runView, TypesettingRuns } from './typesetting-runs.service';

/** An article's editors and its assigned production editor. */

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/html': 'html',
  'application/jats+xml': 'xml',
};

/** Typesetting: an issue whole (editors), an article's proof (its editors, production editor). */
@ApiTags('typesetting')
@Controller('journals/:slug')
export class TypesettingController {
  constructor(
    private readonly runs: TypesettingRuns,
    private readonly proofResponses: Proofs,
    private readonly publications: PublicationsService,
    private readonly storage: FileStorage,
  ) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/typesetting')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Typeset the issue: its PDF, every article’s PDF, HTML and JATS (queued, 202)',
  })
  typesetIssue(
    @Req() request: Request,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.runs.requestIssue(request.journal!, issueId, actor);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('issues/:issueId/typesetting')
  @ApiOperation({ summary: 'The issue’s typesetting runs, newest first, with progress' })
  issueRuns(@Req() request: Request, @Param('issueId', ParseUUIDPipe) issueId: string) {
    return this.runs.listForIssue(request.journal!, issueId);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('typesetting-runs/:runId')
  @ApiOperation({ summary: 'One issue typesetting run: status, step, percent, files' })
  async issueRun(@Req() request: Request, @Param('runId', ParseUUIDPipe) runId: string) {
    return runView(await this.runs.get(request.journal!, runId));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('typesetting-runs/:runId/outputs/:index')
  @ApiOperation({ summary: 'Download a file an issue typesetting run made' })
  async issueOutput(
    @Req() request: Request,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Param('index', ParseIntPipe) index: number,
    @Res() response: Response,
  ): Promise<void> {
    const { output } = await this.runs.output(request.journal!, runId, index);
    const name = `${output.kind}-${index}.${EXTENSIONS[output.mediaType] ?? 'bin'}`;
    await sendSubmissionFile(
      response,
      this.storage,
      { originalName: name, mediaType: output.mediaType },
      output.storageKey,
    );
  }

  @JournalAccess({ roles: PREPARERS })
  @Post('submissions/:submissionId/proofs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Typeset a proof of the article (queued, 202)' })
  async requestProof(
    @Req() request: Request,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @CurrentActor() actor: Actor,
  ) {
    await this.publications.prepares(request.journal!, viewerOf(request), submissionId);
    return this.runs.requestProof(request.journal!, submissionId, actor);
  }

  @JournalAccess({ roles: PREPARERS })
  @Get('submissions/:submissionId/proofs')
  @ApiOperation({ summary: 'The article’s proofs, newest first, with progress' })
  async proofs(
    @Req() request: Request,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ) {
    await this.publications.prepares(request.journal!, viewerOf(request), submissionId);
    return this.runs.listProofs(request.journal!, submissionId);
  }

  @JournalAccess({ roles: PREPARERS })
  @Get('submissions/:submissionId/proofs/:runId/pdf')
  @ApiOperation({ summary: 'Download a proof PDF' })
  async proofPdf(
    @Req() request: Request,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.publications.prepares(request.journal!, viewerOf(request), submissionId);
    const { output } = await this.runs.output(request.journal!, runId, 0, submissionId);
    await sendSubmissionFile(
      response,
      this.storage,
      { originalName: 'proof.pdf', mediaType: output.mediaType },
      output.storageKey,
    );
  }

  @JournalAccess({ roles: PREPARERS })
  @Post('submissions/:submissionId/proofs/:runId/response')
  @HttpCode(200)
  @ApiOperation({ summary: 'An editor approves the proof, or sends corrections' })
  async respondToProof(
    @Req() request: Request,
    @CurrentUser() user: User,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Body() dto: ProofResponseDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.publications.prepares(request.journal!, viewerOf(request), submissionId);
    return this.proofResponses.respond(user, submissionId, runId, dto, actor);
  }
}
