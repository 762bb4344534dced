import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { FileStorage } from '../storage/file-storage';
import { sendSubmissionFile } from '../submissions/file-download';
import { ProofResponseDto } from './dto/proof-response.dto';
import { Proofs } from './proofs.service';

/** The author's proofs: read, approve, or send corrections. Only the submitter's own. */
@ApiTags('typesetting')
@Controller('submissions/:id/proofs')
export class ProofsController {
  constructor(
    private readonly proofs: Proofs,
    private readonly storage: FileStorage,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The proofs of my article, newest first, with the answers to them' })
  async list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    await this.proofs.ownSubmission(user, id);
    return this.proofs.list(id);
  }

  @Get(':runId/pdf')
  @ApiOperation({ summary: 'Download a proof of my article' })
  async pdf(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.proofs.ownSubmission(user, id);
    const { output } = await this.proofs.proof(id, runId);
    await sendSubmissionFile(
      response,
      this.storage,
      { originalName: 'proof.pdf', mediaType: output.mediaType },
      output.storageKey,
    );
  }

  @Post(':runId/response')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the proof, or send corrections (they open a discussion)' })
  async respond(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Body() dto: ProofResponseDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.proofs.ownSubmission(user, id);
    return this.proofs.respond(user, id, runId, dto, actor);
  }
}
