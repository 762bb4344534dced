import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import type { FileDownload } from '../common/http/files';
import type { Person } from '../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { ProofResponseDto } from './dto/proof-response.dto';
import { ProofViewResponse, toProofViewResponse } from './dto/proof.response';
import { Proofs } from './proofs.service';

const SUBMISSION_ID = ApiParam({ name: 'id', format: 'uuid', description: 'My submission' });
const RUN_ID = ApiParam({ name: 'runId', format: 'uuid' });

/** The author's proofs: read, approve, or send corrections. Only the submitter's own. */
@ApiTags('typesetting')
@Controller('submissions/:id/proofs')
export class ProofsController {
  constructor(private readonly proofs: Proofs) {}

  @Get()
  @SUBMISSION_ID
  @ApiOperation({ summary: 'The proofs of my article, newest first, with the answers to them' })
  @ApiOkResponse({ type: [ProofViewResponse] })
  async list(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProofViewResponse[]> {
    return (await this.proofs.mine(user, id)).map(toProofViewResponse);
  }

  @Get(':runId/pdf')
  @SUBMISSION_ID
  @RUN_ID
  @ApiOperation({ summary: 'Download a proof of my article' })
  @ApiFileDownload({ description: 'The proof', mediaTypes: ['application/pdf'] })
  pdf(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<FileDownload> {
    return this.proofs.myPdf(user, id, runId);
  }

  @Post(':runId/response')
  @HttpCode(200)
  @SUBMISSION_ID
  @RUN_ID
  @ApiOperation({ summary: 'Approve the proof, or send corrections (they open a discussion)' })
  @ApiOkResponse({ type: ProofViewResponse })
  async respond(
    @CurrentUser() user: Person,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Body() dto: ProofResponseDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProofViewResponse> {
    return toProofViewResponse(await this.proofs.answerMine(user, id, runId, dto, actor));
  }
}
