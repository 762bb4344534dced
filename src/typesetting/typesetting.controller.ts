import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import type { FileDownload } from '../common/http/files';
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
import { ProofResponseDto } from './dto/proof-response.dto';
import { ProofViewResponse, toProofViewResponse } from './dto/proof.response';
import { toTypesettingRunResponse, TypesettingRunResponse } from './dto/typesetting-run.response';
import { EditorProofs } from './editor-proofs.service';
import { TypesettingRuns } from './typesetting-runs.service';

const ISSUE_ID = ApiParam({ name: 'issueId', format: 'uuid' });
const RUN_ID = ApiParam({ name: 'runId', format: 'uuid' });
const SUBMISSION_ID = ApiParam({ name: 'submissionId', format: 'uuid' });

/** Typesetting: an issue whole (editors), an article's proof (its editors, production editor). */
@ApiTags('typesetting')
@Controller('journals/:slug')
export class TypesettingController {
  constructor(
    private readonly runs: TypesettingRuns,
    private readonly proofs: EditorProofs,
  ) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Post('issues/:issueId/typesetting')
  @HttpCode(202)
  @ISSUE_ID
  @ApiOperation({
    summary: 'Typeset the issue: its PDF, every article’s PDF, HTML and JATS (queued, 202)',
  })
  @ApiAcceptedResponse({ type: TypesettingRunResponse })
  async typesetIssue(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) issueId: string,
    @CurrentActor() actor: Actor,
  ): Promise<TypesettingRunResponse> {
    return toTypesettingRunResponse(await this.runs.requestIssue(journal, issueId, actor));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('issues/:issueId/typesetting')
  @ISSUE_ID
  @ApiOperation({ summary: 'The issue’s typesetting runs, newest first, with progress' })
  @ApiOkResponse({ type: [TypesettingRunResponse] })
  async issueRuns(
    @CurrentJournal() journal: Journal,
    @Param('issueId', ParseUUIDPipe) issueId: string,
  ): Promise<TypesettingRunResponse[]> {
    return (await this.runs.listForIssue(journal, issueId)).map(toTypesettingRunResponse);
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('typesetting-runs/:runId')
  @RUN_ID
  @ApiOperation({ summary: 'One issue typesetting run: status, step, percent, files' })
  @ApiOkResponse({ type: TypesettingRunResponse })
  async issueRun(
    @CurrentJournal() journal: Journal,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<TypesettingRunResponse> {
    return toTypesettingRunResponse(await this.runs.get(journal, runId));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('typesetting-runs/:runId/outputs/:index')
  @RUN_ID
  @ApiParam({ name: 'index', type: 'integer', description: 'The file’s index among the run’s' })
  @ApiOperation({ summary: 'Download a file an issue typesetting run made' })
  @ApiFileDownload({
    description: 'The file (PDF, HTML or JATS XML)',
    mediaTypes: ['application/pdf', 'text/html', 'application/jats+xml'],
  })
  issueOutput(
    @CurrentJournal() journal: Journal,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Param('index', ParseIntPipe) index: number,
  ): Promise<FileDownload> {
    return this.runs.issueOutput(journal, runId, index);
  }

  @JournalAccess({ roles: PREPARERS })
  @Post('submissions/:submissionId/proofs')
  @HttpCode(202)
  @SUBMISSION_ID
  @ApiOperation({ summary: 'Typeset a proof of the article (queued, 202)' })
  @ApiAcceptedResponse({ type: TypesettingRunResponse })
  async requestProof(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<TypesettingRunResponse> {
    return toTypesettingRunResponse(
      await this.proofs.request(journal, viewer, submissionId, actor),
    );
  }

  @JournalAccess({ roles: PREPARERS })
  @Get('submissions/:submissionId/proofs')
  @SUBMISSION_ID
  @ApiOperation({ summary: 'The article’s proofs, newest first, with progress' })
  @ApiOkResponse({ type: [TypesettingRunResponse] })
  async proofRuns(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ): Promise<TypesettingRunResponse[]> {
    return (await this.proofs.list(journal, viewer, submissionId)).map(toTypesettingRunResponse);
  }

  @JournalAccess({ roles: PREPARERS })
  @Get('submissions/:submissionId/proofs/:runId/pdf')
  @SUBMISSION_ID
  @RUN_ID
  @ApiOperation({ summary: 'Download a proof PDF' })
  @ApiFileDownload({ description: 'The proof', mediaTypes: ['application/pdf'] })
  proofPdf(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<FileDownload> {
    return this.proofs.pdf(journal, viewer, submissionId, runId);
  }

  @JournalAccess({ roles: PREPARERS })
  @Post('submissions/:submissionId/proofs/:runId/response')
  @HttpCode(200)
  @SUBMISSION_ID
  @RUN_ID
  @ApiOperation({ summary: 'An editor approves the proof, or sends corrections' })
  @ApiOkResponse({ type: ProofViewResponse })
  async respondToProof(
    @CurrentJournal() journal: Journal,
    @CurrentViewer() viewer: Viewer,
    @CurrentUser() user: Person,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Body() dto: ProofResponseDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProofViewResponse> {
    return toProofViewResponse(
      await this.proofs.respond(journal, viewer, user, submissionId, runId, dto, actor),
    );
  }
}
