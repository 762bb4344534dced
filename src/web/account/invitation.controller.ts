import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AcceptInvitationDto,
  type ClientInfo,
  CurrentClient,
  Invitations,
  type InvitationView,
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
import {
  accountPage,
  inAccountWords,
  nameFields,
  refusedStatus,
  withNames,
  without,
} from './account-forms';
import { deadLinkPage, isDeadLink, tokenOf } from './account-links';
import { inLocale } from './next-page';

const invitationPage = (
  form: FormView,
  token: string,
  invitation: InvitationView,
  status?: 422 | 429,
) =>
  accountPage(
    'account/invitation',
    { form, token, email: invitation.email, passwordMin: PASSWORD_MIN_LENGTH },
    status,
  );

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

  /** The page of the email's link: whom it is for, the names the editor entered to correct. */
  @Get('invitation')
  async form(@Query('token') token: unknown): Promise<WebPage> {
    const given = tokenOf(token);
    const invitation = given && (await this.describe(given));
    if (!given || !invitation) return deadLinkPage('invitation');
    return invitationPage(blankForm(nameFields(invitation.names)), given, invitation);
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
    const invitation = await this.describe(token);
    if (!invitation) return deadLinkPage('invitation');
    const shown = without(values, 'password', 'token');
    const { value, form } = await readForm(AcceptInvitationDto, values, correctedNames);
    if (form)
      return invitationPage(inAccountWords({ ...form, values: shown }), token, invitation, 422);
    try {
      const signedIn = await this.invitations.accept(value, client, actor);
      // As the API's accept-invitation does: the person is signed in from here on.
      setSessionCookie(response, this.config, signedIn.token, signedIn.session);
    } catch (error) {
      if (isDeadLink(error)) return deadLinkPage('invitation');
      const refused = formProblem(error, shown);
      if (!refused) throw error;
      return invitationPage(inAccountWords(refused), token, invitation, refusedStatus(error));
    }
    return redirectAfterForm(inLocale(locale, '/account'), 'account.flash.welcome');
  }

  /** The invitation of a link, or null when the link does not work (expired, used, mistyped). */
  private async describe(token: string): Promise<InvitationView | null> {
    try {
      return await this.invitations.describe(token);
    } catch (error) {
      if (isDeadLink(error)) return null;
      throw error;
    }
  }
}
