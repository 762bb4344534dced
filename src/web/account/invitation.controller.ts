import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AcceptInvitationDto,
  type ClientInfo,
  CurrentClient,
  Invitations,
  PASSWORD_MIN_LENGTH,
  setSessionCookie,
} from '../../accounts';
import type { Locale } from '../../common/i18n/locale';
import { AppConfig } from '../../config/app-config';
import { Public } from '../../editorial/public';
import { type Actor, CurrentActor } from '../../editorial/request-context';
import { AuthRateLimited } from '../../redis/rate-limit';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { accountPage, inAccountWords, refusedStatus, withNames, without } from './account-forms';
import { deadLinkPage, isDeadLink, tokenOf } from './account-links';
import { inLocale } from './next-page';

const invitationPage = (form: FormView, token: string, status?: 422 | 429) =>
  accountPage('account/invitation', { form, token, passwordMin: PASSWORD_MIN_LENGTH }, status);

/** Names only when the person corrected some: left empty, the editor's stay. */
const correctedNames = (values: Record<string, unknown>) => {
  const body = withNames(values);
  if (Object.keys(body.names as object).length === 0) delete body.names;
  return body;
};

/**
 * Accepting an enrolment invitation, `/{locale}/invitation?token=…` (the invitation email's
 * link): the person sets a password, may correct the names the editor entered, and is signed in.
 */
@Public()
@WebController(':locale')
export class InvitationController {
  constructor(
    private readonly invitations: Invitations,
    private readonly config: AppConfig,
  ) {}

  @Get('invitation')
  form(@Query('token') token: unknown): WebPage {
    const given = tokenOf(token);
    if (!given) return deadLinkPage('invitation');
    return invitationPage(blankForm(), given);
  }

  @AuthRateLimited()
  @Post('invitation')
  async accept(
    @PageLocale() locale: Locale,
    @Body() body: unknown,
    @CurrentClient() client: ClientInfo,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    const token = tokenOf(values.token);
    if (!token) return deadLinkPage('invitation');
    const shown = without(values, 'password', 'token');
    const { value, form } = await readForm(AcceptInvitationDto, values, correctedNames);
    if (form) return invitationPage(inAccountWords({ ...form, values: shown }), token, 422);
    try {
      const signedIn = await this.invitations.accept(value, client, actor);
      // As the API's accept-invitation does: the person is signed in from here on.
      setSessionCookie(response, this.config, signedIn.token, signedIn.session);
    } catch (error) {
      if (isDeadLink(error)) return deadLinkPage('invitation');
      const refused = formProblem(error, shown);
      if (!refused) throw error;
      return invitationPage(inAccountWords(refused), token, refusedStatus(error));
    }
    return redirectAfterForm(inLocale(locale, '/account'), 'account.flash.welcome');
  }
}
