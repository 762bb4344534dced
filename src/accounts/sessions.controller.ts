import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import type { Person } from '../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { CurrentSignIn, type SignIn } from './client.decorators';
import { SessionResponse, toSessionResponse } from './dto/session.response';
import { clearSessionCookie } from './session-cookie';
import { Sessions } from './sessions.service';

/** The signed-in person's sessions: this one and those signed in elsewhere. */
@ApiTags('me')
@Controller('me/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: Sessions,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'My signed-in sessions, this one and those elsewhere, most recently used first',
  })
  @ApiOkResponse({ type: [SessionResponse] })
  async list(
    @CurrentUser() person: Person,
    @CurrentSignIn() signIn: SignIn,
  ): Promise<SessionResponse[]> {
    const sessions = await this.sessions.listOf(person.id, signIn.sessionId);
    return sessions.map(toSessionResponse);
  }

  @Post('sign-out-others')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out everywhere else: end all my sessions but this one' })
  @ApiNoContentResponse({ description: 'Only this session is left' })
  async signOutOthers(
    @CurrentUser() person: Person,
    @CurrentSignIn() signIn: SignIn,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.sessions.revokeOthers(person.id, signIn.sessionId, actor);
  }

  @Delete(':sessionId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End one of my sessions; ending the current one signs me out (and clears the cookie)',
  })
  @ApiParam({ name: 'sessionId', format: 'uuid', description: 'One of my live sessions' })
  @ApiNoContentResponse({ description: 'The session is ended' })
  @ApiNotFoundResponse({ description: 'Not one of my live sessions' })
  async revoke(
    @CurrentUser() person: Person,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentSignIn() signIn: SignIn,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.revokeOne(person.id, sessionId, signIn.sessionId, actor);
    // A bearer client has no cookie of this session; a cookie of another one must stay.
    if (sessionId === signIn.sessionId && signIn.viaCookie)
      clearSessionCookie(response, this.config);
  }
}
