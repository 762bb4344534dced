import { Body, Get, Post, Query } from '@nestjs/common';
import {
  AuthService,
  type ClientInfo,
  CurrentClient,
  CurrentSessionId,
  PASSWORD_MIN_LENGTH,
  RegisterDto,
  TokenDto,
  VERIFICATION_TTL_HOURS,
} from '../../accounts';
import type { Locale } from '../../common/i18n/locale';
import { Public } from '../../editorial/public';
import { type Actor, CurrentActor } from '../../editorial/request-context';
import { AuthRateLimited } from '../../redis/rate-limit';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import {
  accountPage,
  emailRequest,
  inAccountWords,
  languageChoices,
  namesIn,
  refusedStatus,
  withNames,
  withPasswordProblems,
  without,
} from './account-forms';
import { deadLinkPage, isDeadLink, tokenOf } from './account-links';
import { inLocale } from './next-page';

const registerPage = (form: FormView, status?: 422 | 429) =>
  accountPage(
    'account/register',
    { form, languages: languageChoices(), passwordMin: PASSWORD_MIN_LENGTH },
    status,
  );

const resendPage = (form: FormView, status?: 422 | 429) =>
  accountPage('account/resend', { form }, status);

const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * Registering and confirming the address: `/{locale}/register`, the "check your email" page,
 * and `/{locale}/verify-email`, where the emailed link lands.
 */
@Public()
@WebController(':locale')
export class RegistrationController {
  constructor(private readonly auth: AuthService) {}

  /** The form; the preferred language is the page's until the person chooses another. */
  @Get('register')
  form(
    @PageLocale() locale: Locale,
    @CurrentSessionId() sessionId: string | null,
  ): WebPage | WebRedirect {
    if (sessionId) return redirectAfterForm(inLocale(locale, '/account'));
    return registerPage(blankForm({ preferredLocale: locale }));
  }

  /** Same answer whether or not the address has an account: the mailbox learns which. */
  @AuthRateLimited()
  @Post('register')
  async register(
    @PageLocale() locale: Locale,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @CurrentClient() client: ClientInfo,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    const shown = without(values, 'password');
    const { value, form } = await readForm(RegisterDto, values, withNames);
    if (form) {
      const checked = withPasswordProblems(
        { ...form, values: shown },
        'password',
        text(values.password),
        {
          email: text(values.email),
          names: namesIn(values),
        },
      );
      return registerPage(inAccountWords(checked), 422);
    }
    try {
      await this.auth.register(value, actor, client);
    } catch (error) {
      const refused = formProblem(error, shown);
      if (!refused) throw error;
      return registerPage(inAccountWords(refused), refusedStatus(error));
    }
    return redirectAfterForm(inLocale(locale, '/register/sent'));
  }

  @Get('register/sent')
  registered(): WebPage {
    return accountPage('account/email-sent', {
      kind: 'registered',
      hours: VERIFICATION_TTL_HOURS,
      form: blankForm(),
    });
  }

  /**
   * Where the confirmation email's link lands: a button that confirms. Opening the link confirms
   * nothing, so the mail scanners that open links cannot use it up.
   */
  @Get('verify-email')
  landing(@Query('token') token: unknown): WebPage {
    const given = tokenOf(token);
    if (!given) return deadLinkPage('verification');
    return accountPage('account/verify-email', { token: given });
  }

  @AuthRateLimited()
  @Post('verify-email')
  async verify(
    @PageLocale() locale: Locale,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const { value, form } = await readForm(TokenDto, formValues(body));
    if (form) return deadLinkPage('verification');
    try {
      await this.auth.verifyEmail(value.token, actor);
    } catch (error) {
      if (isDeadLink(error)) return deadLinkPage('verification');
      throw error;
    }
    return redirectAfterForm(inLocale(locale, '/login'), 'account.flash.email-confirmed');
  }

  /** Asking for a new confirmation link (the sign-in page links here). */
  @Get('verify-email/resend')
  resendForm(): WebPage {
    return resendPage(blankForm());
  }

  /** Same answer for every address: a new link goes only to an account awaiting confirmation. */
  @AuthRateLimited()
  @Post('verify-email/resend')
  async resend(
    @PageLocale() locale: Locale,
    @Body() body: unknown,
    @CurrentClient() client: ClientInfo,
  ): Promise<WebPage | WebRedirect> {
    return emailRequest(
      body,
      (email) => this.auth.resendVerification(email, client),
      resendPage,
      inLocale(locale, '/verify-email/sent'),
    );
  }

  @Get('verify-email/sent')
  resent(): WebPage {
    return accountPage('account/email-sent', { kind: 'verification', form: blankForm() });
  }
}
