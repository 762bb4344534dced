import { Body, Get, Post, Query } from '@nestjs/common';
import {
  type ClientInfo,
  CurrentClient,
  PASSWORD_MIN_LENGTH,
  Passwords,
  ResetPasswordDto,
  RESET_TTL_MINUTES,
} from '../../accounts';
import type { Locale } from '../../common/i18n/locale';
import { Public } from '../../editorial/public';
import { type Actor, CurrentActor } from '../../editorial/request-context';
import { AuthRateLimited } from '../../redis/rate-limit';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { accountPage, emailRequest, without } from './account-forms';
import { deadLinkPage, isDeadLink, tokenOf } from './account-links';
import { inLocale } from './next-page';

const forgotPage = (form: FormView, status?: 422 | 429) =>
  accountPage('account/password-forgot', { form }, status);

const resetPage = (form: FormView, token: string, status?: 422) =>
  accountPage('account/password-reset', { form, token, passwordMin: PASSWORD_MIN_LENGTH }, status);

/**
 * A forgotten password: `/{locale}/password/forgot` emails a link (the same answer for every
 * address), and `/{locale}/password/reset`, where the link lands, sets the new password.
 */
@Public()
@WebController(':locale/password')
export class PasswordResetController {
  constructor(private readonly passwords: Passwords) {}

  @Get('forgot')
  forgotForm(): WebPage {
    return forgotPage(blankForm());
  }

  @AuthRateLimited()
  @Post('forgot')
  async forgot(
    @PageLocale() locale: Locale,
    @Body() body: unknown,
    @CurrentClient() client: ClientInfo,
  ): Promise<WebPage | WebRedirect> {
    return emailRequest(
      body,
      (email) => this.passwords.requestReset(email, client),
      forgotPage,
      inLocale(locale, '/password/forgot/sent'),
    );
  }

  @Get('forgot/sent')
  sent(): WebPage {
    return accountPage('account/email-sent', {
      kind: 'reset',
      minutes: RESET_TTL_MINUTES,
      form: blankForm(),
    });
  }

  /** Where the emailed link lands: the new password's form (the link is used when it is sent). */
  @Get('reset')
  resetForm(@Query('token') token: unknown): WebPage {
    const given = tokenOf(token);
    if (!given) return deadLinkPage('reset');
    return resetPage(blankForm(), given);
  }

  /** Every session of the account ends; the person signs in again with the new password. */
  @AuthRateLimited()
  @Post('reset')
  async reset(
    @PageLocale() locale: Locale,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    const token = tokenOf(values.token);
    if (!token) return deadLinkPage('reset');
    const shown = without(values, 'newPassword', 'token');
    const { value, form } = await readForm(ResetPasswordDto, values);
    if (form) return resetPage({ ...form, values: shown }, token, 422);
    try {
      await this.passwords.reset(value, actor);
    } catch (error) {
      if (isDeadLink(error)) return deadLinkPage('reset');
      const refused = formProblem(error, shown);
      if (!refused) throw error;
      return resetPage(refused, token, 422);
    }
    return redirectAfterForm(inLocale(locale, '/login'), 'account.flash.password-set');
  }
}
