import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AuthService,
  type ClientInfo,
  clearSessionCookie,
  CurrentClient,
  CurrentSessionId,
  LoginDto,
  Sessions,
  setSessionCookie,
} from '../../accounts';
import type { Locale } from '../../common/i18n/locale';
import { AppConfig } from '../../config/app-config';
import { Public } from '../../editorial/public';
import { type Actor, CurrentActor } from '../../editorial/request-context';
import { AuthRateLimited } from '../../redis/rate-limit';
import { blankForm, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { inLocale, nextPath } from './next-page';

const signInPage = (form: ReturnType<typeof blankForm>, next: string, status?: 422 | 429) =>
  page('account/login', { form, next }, { cache: 'private', noindex: true, status });

/** Signing in and out: `/{locale}/login`, `/{locale}/logout`. */
@Public()
@WebController(':locale')
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: Sessions,
    private readonly config: AppConfig,
  ) {}

  /** The form; someone already signed in goes straight where they were going. */
  @Get('login')
  form(
    @PageLocale() locale: Locale,
    @Query('next') next: unknown,
    @CurrentSessionId() sessionId: string | null,
  ): WebPage | WebRedirect {
    const target = nextPath(next);
    if (sessionId) return redirectAfterForm(inLocale(locale, target));
    return signInPage(blankForm(), target);
  }

  @AuthRateLimited()
  @Post('login')
  async signIn(
    @PageLocale() locale: Locale,
    @Body() body: unknown,
    @CurrentClient() client: ClientInfo,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    const target = nextPath(values.next);
    // The password is never sent back to the page.
    const shown = { email: values.email ?? '' };
    const { value, form } = await readForm(LoginDto, values);
    if (form) return signInPage({ ...form, values: shown }, target, 422);
    try {
      const signedIn = await this.auth.login(value, client, actor);
      setSessionCookie(response, this.config, signedIn.token, signedIn.session);
      return redirectAfterForm(inLocale(locale, target));
    } catch (error) {
      const refused = formProblem(error, shown);
      if (!refused) throw error;
      const status = (error as { getStatus(): number }).getStatus() === 429 ? 429 : 422;
      return signInPage(refused, target, status);
    }
  }

  /** Ends this session (a form in the site bar), then the site's home in the page's language. */
  @Post('logout')
  async signOut(
    @PageLocale() locale: Locale,
    @CurrentSessionId() sessionId: string | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebRedirect> {
    if (sessionId) await this.sessions.revoke(sessionId);
    clearSessionCookie(response, this.config);
    return redirectAfterForm(`/${locale}/`, 'account.flash.signed-out');
  }
}
