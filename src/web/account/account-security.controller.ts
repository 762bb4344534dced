import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ChangePasswordDto,
  clearSessionCookie,
  CurrentSignIn,
  PASSWORD_MIN_LENGTH,
  Passwords,
  Sessions,
  type SessionView,
  type SignIn,
} from '../../accounts';
import { ProblemException } from '../../common/http/problem.exception';
import type { Locale } from '../../common/i18n/locale';
import { AppConfig } from '../../config/app-config';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { intlLocale } from '../foundation/intl';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { accountPage, refusedStatus } from './account-forms';
import { inLocale } from './next-page';

const passwordPage = (form: FormView, status?: 422 | 429) =>
  accountPage('account/password-change', { form, passwordMin: PASSWORD_MIN_LENGTH }, status);

/** A session as its row on the sessions page shows it. */
interface SessionRow {
  id: string;
  browser: string | null;
  os: string | null;
  ip: string | null;
  current: boolean;
  lastSeenAt: string;
  /** When it was last used, to the minute, in the page's language (in UTC: the site knows no zone). */
  lastSeen: string;
  createdAt: Date;
}

function sessionRow(session: SessionView, locale: Locale): SessionRow {
  return {
    id: session.id,
    browser: session.device.browser,
    os: session.device.os,
    ip: session.ip,
    current: session.current,
    lastSeenAt: session.lastSeenAt.toISOString(),
    lastSeen: new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(session.lastSeenAt),
    createdAt: session.createdAt,
  };
}

/**
 * Signing in safely: the password's change, `/{locale}/account/password` (the other sessions
 * end), and the sessions signed in, `/{locale}/account/sessions`, each of which can be ended.
 */
@WebController(':locale/account')
export class AccountSecurityController {
  constructor(
    private readonly passwords: Passwords,
    private readonly sessions: Sessions,
    private readonly config: AppConfig,
  ) {}

  @Get('password')
  passwordForm(): WebPage {
    return passwordPage(blankForm());
  }

  @Post('password')
  async changePassword(
    @PageLocale() locale: Locale,
    @CurrentUser() person: Person,
    @CurrentSignIn() signIn: SignIn,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    // Neither password is ever sent back to the page.
    const { value, form } = await readForm(ChangePasswordDto, values);
    if (form) return passwordPage({ ...form, values: {} }, 422);
    try {
      await this.passwords.change(person, signIn.sessionId, value, actor);
    } catch (error) {
      const refused = formProblem(error, {});
      if (!refused) throw error;
      return passwordPage(refused, refusedStatus(error));
    }
    return redirectAfterForm(inLocale(locale, '/account'), 'account.flash.password-changed');
  }

  @Get('sessions')
  async list(
    @PageLocale() locale: Locale,
    @CurrentUser() person: Person,
    @CurrentSignIn() signIn: SignIn,
  ): Promise<WebPage> {
    const sessions = await this.sessions.listOf(person.id, signIn.sessionId);
    const rows = sessions.map((session) => sessionRow(session, locale));
    return accountPage('account/sessions', {
      sessions: rows,
      others: rows.some((row) => !row.current),
    });
  }

  /** "Sign out everywhere else": every session but this one ends. */
  @Post('sessions/end-others')
  async endOthers(
    @PageLocale() locale: Locale,
    @CurrentUser() person: Person,
    @CurrentSignIn() signIn: SignIn,
    @CurrentActor() actor: Actor,
  ): Promise<WebRedirect> {
    await this.sessions.revokeOthers(person.id, signIn.sessionId, actor);
    return redirectAfterForm(inLocale(locale, '/account/sessions'), 'account.flash.others-ended');
  }

  /**
   * Ends one of the person's own sessions (this one too: that signs them out). A session that is
   * no longer signed in (ended twice by a double click, or not theirs) changes nothing.
   */
  @Post('sessions/:sessionId/end')
  async endOne(
    @PageLocale() locale: Locale,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() person: Person,
    @CurrentSignIn() signIn: SignIn,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebRedirect> {
    try {
      await this.sessions.revokeOne(person.id, sessionId, signIn.sessionId, actor);
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status === 404)
        return redirectAfterForm(
          inLocale(locale, '/account/sessions'),
          'account.flash.session-gone',
        );
      throw error;
    }
    if (sessionId === signIn.sessionId) {
      clearSessionCookie(response, this.config);
      return redirectAfterForm(inLocale(locale, '/'), 'account.flash.signed-out');
    }
    return redirectAfterForm(inLocale(locale, '/account/sessions'), 'account.flash.session-ended');
  }
}
