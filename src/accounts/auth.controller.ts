import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import type { Person } from '../editorial/people';
import { Public } from '../editorial/public';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { AuthRateLimited } from '../redis/rate-limit';
import { AuthService } from './auth.service';
import { CurrentClient, CurrentSessionId } from './client.decorators';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  EmailDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
  TokenDto,
} from './dto/auth.dto';
import {
  ACCEPTED,
  AcceptedResponse,
  InvitationViewResponse,
  SignedInResponse,
  toInvitationViewResponse,
  toSignedInResponse,
  VerifiedResponse,
} from './dto/auth.response';
import { Invitations } from './invitations.service';
import { Passwords } from './passwords.service';
import { RetryAfterHeader } from './retry-after.interceptor';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { type ClientInfo, Sessions } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterHeader)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: Passwords,
    private readonly invitations: Invitations,
    private readonly sessions: Sessions,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @AuthRateLimited()
  @Post('register')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Create an account; a confirmation link is emailed (the answer is the same for a taken address)',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  async register(
    @Body() dto: RegisterDto,
    @CurrentActor() actor: Actor,
    @CurrentClient() client: ClientInfo,
  ): Promise<AcceptedResponse> {
    await this.auth.register(dto, actor, client);
    return ACCEPTED;
  }

  @Public()
  @AuthRateLimited()
  @Post('verify-email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the email address with the emailed token' })
  @ApiOkResponse({ type: VerifiedResponse })
  async verifyEmail(
    @Body() dto: TokenDto,
    @CurrentActor() actor: Actor,
  ): Promise<VerifiedResponse> {
    await this.auth.verifyEmail(dto.token, actor);
    return { verified: true };
  }

  @Public()
  @AuthRateLimited()
  @Post('resend-verification')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send a new confirmation link (earlier ones keep working; at most a few emails per address per hour, same answer past that)',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  async resendVerification(
    @Body() dto: EmailDto,
    @CurrentClient() client: ClientInfo,
  ): Promise<AcceptedResponse> {
    await this.auth.resendVerification(dto.email, client);
    return ACCEPTED;
  }

  @Public()
  @AuthRateLimited()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in: sets the session cookie and returns the token for API clients; repeated failures from one IP address are slowed down (429 with Retry-After)',
  })
  @ApiOkResponse({ type: SignedInResponse })
  async login(
    @Body() dto: LoginDto,
    @CurrentClient() client: ClientInfo,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInResponse> {
    const signedIn = await this.auth.login(dto, client, actor);
    setSessionCookie(response, this.config, signedIn.token, signedIn.session);
    return toSignedInResponse(signedIn);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session' })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared' })
  async logout(
    @CurrentSessionId() sessionId: string | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (sessionId) await this.sessions.revoke(sessionId);
    clearSessionCookie(response, this.config);
  }

  @Public()
  @AuthRateLimited()
  @Post('password-reset/request')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Email a single-use password reset link (same answer for unknown addresses)',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  async requestPasswordReset(
    @Body() dto: EmailDto,
    @CurrentClient() client: ClientInfo,
  ): Promise<AcceptedResponse> {
    await this.passwords.requestReset(dto.email, client);
    return ACCEPTED;
  }

  @Public()
  @AuthRateLimited()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs out every session' })
  @ApiNoContentResponse({ description: 'The password is set' })
  async resetPassword(@Body() dto: ResetPasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.passwords.reset(dto, actor);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password; signs out the other sessions' })
  @ApiNoContentResponse({ description: 'The password is changed' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() user: Person,
    @CurrentSessionId() sessionId: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.passwords.change(user, sessionId, dto, actor);
  }

  @Public()
  @AuthRateLimited()
  @Post('invitation/view')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Whom an enrolment invitation is for (address and names as the editor entered them), without using it',
  })
  @ApiOkResponse({ type: InvitationViewResponse })
  async viewInvitation(@Body() dto: TokenDto): Promise<InvitationViewResponse> {
    return toInvitationViewResponse(await this.invitations.describe(dto.token));
  }

  @Public()
  @AuthRateLimited()
  @Post('accept-invitation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an enrolment invitation: set a password and sign in' })
  @ApiOkResponse({ type: SignedInResponse })
  async acceptInvitation(
    @Body() dto: AcceptInvitationDto,
    @CurrentClient() client: ClientInfo,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInResponse> {
    const signedIn = await this.invitations.accept(dto, client, actor);
    setSessionCookie(response, this.config, signedIn.token, signedIn.session);
    return toSignedInResponse(signedIn);
  }
}
