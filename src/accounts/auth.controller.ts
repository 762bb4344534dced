import { Body, Controller, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { Public } from '../editorial/public';
import { AuthRateLimited } from '../redis/rate-limit';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  EmailDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
  TokenDto,
} from './dto/auth.dto';
import { profileView } from './profile.service';
import { RetryAfterHeader } from './retry-after.interceptor';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { Sessions } from './sessions.service';
import type { User } from './user.entity';

const ACCEPTED = {
  message: 'If this address can be used, we have sent an email to it. Please check your inbox.',
};

function client(request: Request) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterHeader)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
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
  async register(@Body() dto: RegisterDto, @CurrentActor() actor: Actor, @Req() request: Request) {
    await this.auth.register(dto, actor, client(request));
    return ACCEPTED;
  }

  @Public()
  @AuthRateLimited()
  @Post('verify-email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the email address with the emailed token' })
  async verifyEmail(@Body() dto: TokenDto, @CurrentActor() actor: Actor) {
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
  async resendVerification(@Body() dto: EmailDto, @Req() request: Request) {
    await this.auth.resendVerification(dto.email, client(request));
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
  async login(
    @Body() dto: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ) {
    const { token, session, user } = await this.auth.login(dto, client(request), actor);
    setSessionCookie(response, this.config, token, session);
    return { token, expiresAt: session.absoluteExpiresAt, user: profileView(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session' })
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (request.principal?.kind === 'user') await this.sessions.revoke(request.principal.sessionId);
    clearSessionCookie(response, this.config);
  }

  @Public()
  @AuthRateLimited()
  @Post('password-reset/request')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Email a single-use password reset link (same answer for unknown addresses)',
  })
  async requestPasswordReset(@Body() dto: EmailDto, @Req() request: Request) {
    await this.auth.requestPasswordReset(dto.email, client(request));
    return ACCEPTED;
  }

  @Public()
  @AuthRateLimited()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs out every session' })
  async resetPassword(@Body() dto: ResetPasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.auth.resetPassword(dto, actor);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password; signs out the other sessions' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const sessionId = request.principal?.kind === 'user' ? request.principal.sessionId : '';
    await this.auth.changePassword(user, sessionId, dto, actor);
  }

  @Public()
  @AuthRateLimited()
  @Post('accept-invitation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an enrolment invitation: set a password and sign in' })
  async acceptInvitation(
    @Body() dto: AcceptInvitationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ) {
    const { token, session, user } = await this.auth.acceptInvitation(dto, client(request), actor);
    setSessionCookie(response, this.config, token, session);
    return { token, expiresAt: session.absoluteExpiresAt, user: profileView(user) };
  }
}
