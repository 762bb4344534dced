import { Body, Get, Param, Post, Query } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import { ProblemException } from '../../common/http/problem.exception';
import { problemType } from '../../common/problems/problem-registry';
import { Public } from '../../editorial/public';
import { type Actor, CurrentActor } from '../../editorial/request-context';
import { AuthRateLimited } from '../../redis/rate-limit';
import { InvitationAnswers } from '../../reviews';
import { blankForm, type FormView, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { DeclineForm, declineOf } from './decline-form';
import { reviewsAddress } from './reviewer-addresses';
import { ReviewerPages } from './reviewer-pages.service';

const PRIVATE = { cache: 'private', noindex: true } as const;
/** A link that was used, has expired or was withdrawn (the API's 404 and 409 for it). */
const CLOSED = [problemType('invalid-review-link'), problemType('invitation-answered')];

const isClosedLink = (error: unknown) =>
  error instanceof ProblemException && CLOSED.includes(error.problem.type ?? '');

/**
 * The page the invitation email's link opens, `/{locale}/j/{slug}/reviews/invitation?token=…`,
 * and its answers. As in the API, the signed single-use token is the credential: nobody needs
 * to sign in to read the invitation, accept it or decline it. Accepting leads to the review's
 * page, which asks the reviewer to sign in and comes back.
 */
@Public()
@WebController(':locale/j/:slug/reviews/invitation')
export class ReviewInvitationController {
  constructor(
    private readonly pages: ReviewerPages,
    private readonly answers: InvitationAnswers,
  ) {}

  @AuthRateLimited()
  @Get()
  async show(@Param('slug') slug: string, @Query('token') token: unknown): Promise<WebPage> {
    return this.invitationPage(slug, typeof token === 'string' ? token : '', blankForm());
  }

  @AuthRateLimited()
  @Post('accept')
  async accept(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const token = tokenOf(formValues(body));
    try {
      // The link must be this journal's (the page said so) before it is used.
      await this.pages.invitation(slug, token);
      const answer = await this.answers.acceptByToken(token, actor);
      return redirectAfterForm(reviewsAddress(locale, slug, answer.id), 'reviewer.flash.accepted');
    } catch (error) {
      if (isClosedLink(error)) return this.closedPage(slug);
      throw error;
    }
  }

  @AuthRateLimited()
  @Post('decline')
  async decline(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    const token = tokenOf(values);
    const { value, form } = await readForm(DeclineForm, values);
    if (form) return this.invitationPage(slug, token, form, 422);
    try {
      await this.pages.invitation(slug, token);
      await this.answers.declineByToken(token, declineOf(value), actor);
      return redirectAfterForm(reviewsAddress(locale, slug, 'invitation', 'declined'));
    } catch (error) {
      if (isClosedLink(error)) return this.closedPage(slug);
      throw error;
    }
  }

  /** After declining: thanks, and what happens next. */
  @Get('declined')
  async declined(@Param('slug') slug: string): Promise<WebPage> {
    return page('reviewer/declined', { journal: await this.pages.journal(slug) }, PRIVATE);
  }

  private async invitationPage(
    slug: string,
    token: string,
    declineForm: FormView,
    status?: 422,
  ): Promise<WebPage> {
    try {
      const invitation = await this.pages.invitation(slug, token);
      return page(
        'reviewer/invitation',
        { ...invitation, token, declineForm },
        {
          ...PRIVATE,
          status,
        },
      );
    } catch (error) {
      if (isClosedLink(error)) return this.closedPage(slug);
      throw error;
    }
  }

  /** The link no longer works: said plainly, with the way to the reviewer's reviews. */
  private async closedPage(slug: string): Promise<WebPage> {
    return page(
      'reviewer/invitation-closed',
      { journal: await this.pages.journal(slug) },
      { ...PRIVATE, status: 404 },
    );
  }
}

/** The token a form carried (the API refuses anything that is not one). */
const tokenOf = (values: Record<string, string | string[]>): string =>
  typeof values.token === 'string' ? values.token : '';
