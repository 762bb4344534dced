import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Locale } from '../../common/i18n/locale';
import { ProblemException } from '../../common/http/problem.exception';
import { problemType } from '../../common/problems/problem-registry';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { InvitationAnswers, ReviewDraftDto } from '../../reviews';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { DeclineForm, declineOf } from './decline-form';
import { ReviewDrafts, versionOf } from './review-drafts.service';
import { draftShape, missingParts } from './review-form';
import { reviewsAddress } from './reviewer-addresses';
import { ReviewerPages } from './reviewer-pages.service';

const PRIVATE = { cache: 'private', noindex: true } as const;
const ASSIGNMENT = new ParseUUIDPipe();

const isProblem = (error: unknown, code: string) =>
  error instanceof ProblemException && error.problem.type === problemType(code);

type Values = Record<string, string | string[]>;
const versionIn = (values: Values) => (typeof values.version === 'string' ? values.version : '');

/**
 * The reviewer's workspace in a journal, `/{locale}/j/{slug}/reviews…`: their invitations and
 * reviews, and each assignment's page (the invitation to answer, the review to write, then the
 * review read-only with its certificate). Each route calls what the API's reviewer route of the
 * same purpose calls; the services act on the caller's own assignments only, so anyone else's
 * is not found.
 */
@WebController(':locale/j/:slug/reviews')
export class ReviewPagesController {
  constructor(
    private readonly pages: ReviewerPages,
    private readonly answers: InvitationAnswers,
    private readonly drafts: ReviewDrafts,
  ) {}

  @Get()
  async list(@CurrentUser() user: Person, @Param('slug') slug: string): Promise<WebPage> {
    return page('reviewer/my-reviews', await this.pages.myReviews(user, slug), PRIVATE);
  }

  @Get(':assignmentId')
  async show(
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', ASSIGNMENT) id: string,
  ): Promise<WebPage> {
    return this.reviewPage(user, slug, id);
  }

  @Post(':assignmentId/accept')
  async accept(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', ASSIGNMENT) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<WebRedirect> {
    // The caller's own assignment, in this journal (else not found), before anything changes.
    await this.pages.questions(user, slug, id);
    try {
      await this.answers.acceptSignedIn(user, id, actor);
    } catch (error) {
      // Sent twice: the first one answered it; the page says how.
      if (!isProblem(error, 'invitation-answered')) throw error;
      return redirectAfterForm(reviewsAddress(locale, slug, id));
    }
    return redirectAfterForm(reviewsAddress(locale, slug, id), 'reviewer.flash.accepted');
  }

  @Post(':assignmentId/decline')
  async decline(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', ASSIGNMENT) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const { value, form } = await readForm(DeclineForm, formValues(body));
    if (form) return this.reviewPage(user, slug, id, { declineForm: form, status: 422 });
    // The caller's own assignment, in this journal (else not found), before anything changes.
    await this.pages.questions(user, slug, id);
    try {
      await this.answers.declineSignedIn(user, id, declineOf(value), actor);
    } catch (error) {
      if (!isProblem(error, 'invitation-answered')) throw error;
      return redirectAfterForm(reviewsAddress(locale, slug, id));
    }
    return redirectAfterForm(reviewsAddress(locale, slug), 'reviewer.flash.declined');
  }

  /**
   * The form without script: "save the draft", or "submit", which saves too and then, when
   * nothing required is missing, asks for a confirmation. Refused, the form comes back with
   * every value as it was typed and each message beside its field.
   */
  @Post(':assignmentId')
  async save(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', ASSIGNMENT) id: string,
    @Body() body: unknown,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    const questions = await this.pages.questions(user, slug, id);
    const { value, form } = await readForm(ReviewDraftDto, values, draftShape(questions));
    if (form) return this.reviewPage(user, slug, id, { form, status: 422 });
    let review;
    try {
      review = await this.drafts.save(user, id, value, versionIn(values));
    } catch (error) {
      return this.refused(error, user, slug, id, values);
    }
    if (values.intent !== 'submit')
      return redirectAfterForm(reviewsAddress(locale, slug, id), 'reviewer.flash.saved');
    const missing = missingParts(review);
    if (Object.keys(missing).length)
      return this.reviewPage(user, slug, id, { form: { values, errors: missing }, status: 422 });
    return redirectAfterForm(reviewsAddress(locale, slug, id, 'confirm'));
  }

  /** The autosave of the page's script: the same save, answered in JSON. */
  @Post(':assignmentId/draft')
  @HttpCode(200)
  async autosave(
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', ASSIGNMENT) id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ version: string; savedAt: string } | { fields: string[] }> {
    const values = formValues(body);
    const questions = await this.pages.questions(user, slug, id);
    const { value, form } = await readForm(ReviewDraftDto, values, draftShape(questions));
    if (form) {
      response.status(422);
      return { fields: Object.keys(form.errors) };
    }
    const review = await this.drafts.save(user, id, value, versionIn(values));
    return { version: versionOf(review), savedAt: review.updatedAt.toISOString() };
  }

  /** The review as it will be submitted, and the one button that submits it. */
  @Get(':assignmentId/confirm')
  async confirm(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', ASSIGNMENT) id: string,
  ): Promise<WebPage | WebRedirect> {
    return this.confirmPage(locale, user, slug, id);
  }

  @Post(':assignmentId/submit')
  async submit(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', ASSIGNMENT) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    // The caller's own assignment, in this journal (else not found), before anything changes.
    await this.pages.questions(user, slug, id);
    try {
      await this.drafts.submit(user, id, versionIn(formValues(body)), actor);
    } catch (error) {
      // Sent twice: the first one submitted it.
      if (isProblem(error, 'review-locked'))
        return redirectAfterForm(reviewsAddress(locale, slug, id));
      if (isProblem(error, 'review-changed')) return this.confirmPage(locale, user, slug, id, true);
      const refused = formProblem(error, {});
      if (!refused || (error as ProblemException).problem.status !== 400) throw error;
      const shown = await this.pages.assignment(user, slug, id);
      return this.reviewPage(user, slug, id, {
        form: { values: shown.form.values, errors: refused.errors },
        status: 422,
      });
    }
    return redirectAfterForm(reviewsAddress(locale, slug, id), 'reviewer.flash.submitted');
  }

  private async confirmPage(
    locale: Locale,
    user: Person,
    slug: string,
    id: string,
    changed = false,
  ): Promise<WebPage | WebRedirect> {
    const shown = await this.pages.assignment(user, slug, id);
    if (!shown.editable) return redirectAfterForm(reviewsAddress(locale, slug, id));
    // Reached without the form's "submit" (an old tab, a typed address): what is missing first.
    if (Object.keys(shown.missing).length)
      return this.reviewPage(user, slug, id, {
        form: { values: shown.form.values, errors: shown.missing },
        status: 422,
      });
    return page(
      'reviewer/confirm',
      { ...shown, changed },
      { ...PRIVATE, status: changed ? 409 : undefined },
    );
  }

  /** A save the service refused: the form again with what was typed (field errors, or a conflict). */
  private async refused(error: unknown, user: Person, slug: string, id: string, values: Values) {
    const form = formProblem(error, values);
    const status = error instanceof ProblemException ? error.problem.status : 500;
    const changed = isProblem(error, 'review-changed');
    if (!form || (status !== 400 && !changed)) throw error;
    return this.reviewPage(user, slug, id, { form, changed, status: changed ? 409 : 422 });
  }

  private async reviewPage(
    user: Person,
    slug: string,
    id: string,
    shown: { form?: FormView; declineForm?: FormView; changed?: boolean; status?: 409 | 422 } = {},
  ): Promise<WebPage> {
    const view = await this.pages.assignment(user, slug, id, shown.form);
    return page(
      'reviewer/review',
      { ...view, declineForm: shown.declineForm ?? blankForm(), changed: shown.changed ?? false },
      { ...PRIVATE, status: shown.status },
    );
  }
}
