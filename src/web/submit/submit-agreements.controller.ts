import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { CopyrightAgreementDto, SubmissionDrafts, UpdateSubmissionDto } from '../../submissions';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import type { WebPage, WebRedirect } from '../foundation/web-page';
import { type Draft, SubmitWizard } from './submit-wizard.service';
import { afterSave, goOf, sentAway, stepPage } from './wizard-pages';

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The checklist step (PATCH /api/submissions/:id with `checklistConfirmed`) and the copyright
 * step (GET …/copyright-terms, POST …/copyright-agreement): the journal's terms in the page's
 * language with their version, agreed to as shown.
 */
@WebController(':locale/j/:slug/submit/:id')
export class SubmitAgreementsController {
  constructor(
    private readonly wizard: SubmitWizard,
    private readonly drafts: SubmissionDrafts,
  ) {}

  @Get('checklist')
  async checklist(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const form = blankForm({ checklistConfirmed: draft.submission.checklistConfirmed });
    return sentAway(locale, draft) ?? this.checklistPage(draft, form);
  }

  @Post('checklist')
  async confirm(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const away = sentAway(locale, draft);
    if (away) return away;
    const values = formValues(body);
    const confirmed = list(values.checklistConfirmed);
    const { value, form } = await readForm(UpdateSubmissionDto, values, () => ({
      checklistConfirmed: confirmed,
    }));
    if (form) return this.checklistPage(draft, form, 422);
    try {
      await this.drafts.update(id, user, value);
    } catch (error) {
      const refused = formProblem(error, values);
      if (!refused) throw error;
      return this.checklistPage(draft, refused, 422);
    }
    await this.wizard.saved(draft.submission, 'checklist');
    return afterSave(locale, draft, 'checklist', goOf(values.go));
  }

  @Get('copyright')
  async terms(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    return sentAway(locale, draft) ?? (await this.copyrightPage(draft, user, locale, blankForm()));
  }

  @Post('copyright')
  async agree(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const away = sentAway(locale, draft);
    if (away) return away;
    const values = formValues(body);
    const go = goOf(values.go);
    const agreeing = one(values.agree) === 'yes';
    // Going back, or on after an earlier agreement, asks for nothing new.
    if (!agreeing && (go === 'back' || draft.agreement)) {
      if (draft.agreement) await this.wizard.saved(draft.submission, 'copyright');
      return afterSave(locale, draft, 'copyright', go);
    }
    const { value, form } = await readForm(CopyrightAgreementDto, values, () => ({
      termsVersion: one(values.termsVersion),
      locale: one(values.termsLocale),
      agree: agreeing ? true : undefined,
    }));
    if (form) return this.copyrightPage(draft, user, locale, reword(form), 422);
    try {
      await this.drafts.agree(id, user, value, actor);
    } catch (error) {
      const refused = formProblem(error, values);
      if (!refused) throw error;
      // The terms changed since they were shown (409): the page shows them as they are now.
      return this.copyrightPage(draft, user, locale, refused, 409);
    }
    await this.wizard.saved(draft.submission, 'copyright');
    return afterSave(locale, draft, 'copyright', go);
  }

  private checklistPage(draft: Draft, form: FormView, status?: 422) {
    const items = draft.journal.submissionChecklist.map((item) => ({
      id: item.id,
      itemText: item.text,
    }));
    return stepPage(this.wizard, draft, 'checklist', { form, items }, status);
  }

  private async copyrightPage(
    draft: Draft,
    user: Person,
    locale: Locale,
    form: FormView,
    status?: 409 | 422,
  ) {
    const terms = await this.drafts.terms(draft.submission.id, user, locale);
    const { agreement } = draft;
    return stepPage(
      this.wizard,
      draft,
      'copyright',
      {
        form,
        terms: { ...terms, shortVersion: terms.termsVersion.slice(0, 12) },
        agreement: agreement && {
          agreedAt: agreement.agreedAt,
          termsText: agreement.termsText,
          shortVersion: agreement.termsVersion.slice(0, 12),
        },
      },
      status,
    );
  }
}

/** The agreement's box not ticked, in the wizard's words. */
function reword(form: FormView): FormView {
  const errors: FormView['errors'] = {};
  for (const [field, messages] of Object.entries(form.errors))
    errors[field === 'locale' ? 'agree' : field] =
      field === 'agree' ? [{ key: 'submit.error.agree', values: {} }] : messages;
  return { ...form, errors };
}
