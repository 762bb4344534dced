import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import type { Person } from '../../editorial/people';
import { CurrentUser } from '../../editorial/request-context';
import { CONTRIBUTOR_ROLES, ContributorsDto, SubmissionDrafts } from '../../submissions';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import {
  applyAction,
  contributorsBody,
  type ContributorRows,
  rewordContributors,
  rowAction,
  rowValues,
  sentRows,
  storedRows,
} from './contributors-form';
import { type Draft, SubmitWizard } from './submit-wizard.service';
import { afterSave, sentAway, stepAddress, stepPage } from './wizard-pages';

/** The field names of row `index`, for the template. */
function rowFields(index: number) {
  const field = (name: string) => `contributors.${index}.${name}`;
  return {
    arabGiven: field('names.Arab.given'),
    arabFamily: field('names.Arab.family'),
    latnGiven: field('names.Latn.given'),
    latnFamily: field('names.Latn.family'),
    tfngGiven: field('names.Tfng.given'),
    tfngFamily: field('names.Tfng.family'),
    names: field('names'),
    email: field('email'),
    affiliation: field('affiliation'),
    country: field('country'),
    orcid: field('orcid'),
    role: field('role'),
    inByline: field('inByline'),
  };
}

/**
 * The contributors step, `/{locale}/j/{slug}/submit/{id}/contributors`: every contributor in
 * one form (PUT /api/submissions/:id/contributors), in byline order. Each button saves the
 * whole form: move a contributor up or down (or drop one elsewhere: the drag-and-drop island
 * sends `move:from:to`), remove one, add one in the blank row, choose the corresponding author.
 * A form the rules refuse comes back with the move or removal done and every value kept.
 */
@WebController(':locale/j/:slug/submit/:id/contributors')
export class SubmitContributorsController {
  constructor(
    private readonly wizard: SubmitWizard,
    private readonly drafts: SubmissionDrafts,
  ) {}

  @Get()
  async form(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const rows = storedRows(draft);
    return sentAway(locale, draft) ?? this.page(draft, rows, blankForm(rowValues(rows)));
  }

  @Post()
  async save(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const away = sentAway(locale, draft);
    if (away) return away;
    const sent = formValues(body);
    const action = rowAction(sent.go);
    const rows = applyAction(sentRows(sent), action);
    const values = rowValues(rows);
    const { value, form } = await readForm(ContributorsDto, values, () => contributorsBody(rows));
    if (form) return this.page(draft, rows, rewordContributors(form), 422);
    try {
      await this.drafts.setContributors(id, user, value);
    } catch (error) {
      const refused = formProblem(error, values);
      if (!refused) throw error;
      return this.page(draft, rows, rewordContributors(refused), 422);
    }
    await this.wizard.saved(draft.submission, 'contributors');
    if (action.kind === 'go') return afterSave(locale, draft, 'contributors', action.to);
    // The page opens at the moved contributor's same button, for the keyboard to go on from.
    const anchor =
      action.kind !== 'move'
        ? ''
        : Math.abs(action.to - action.from) === 1
          ? `#contributor-${action.to}-${action.to < action.from ? 'up' : 'down'}`
          : `#contributor-${action.to}`;
    return redirectAfterForm(
      `${stepAddress(locale, slug, id, 'contributors')}${anchor}`,
      action.kind === 'move' ? 'submit.flash.moved' : 'submit.flash.removed',
    );
  }

  private page(draft: Draft, { rows }: ContributorRows, form: FormView, status?: 422) {
    const count = rows.length;
    const view = [...rows.keys(), count].map((index) => ({
      index,
      position: index + 1,
      isNew: index === count,
      first: index === 0,
      last: index >= count - 1,
      up: `move:${index}:${index - 1}`,
      down: `move:${index}:${index + 1}`,
      remove: `remove:${index}`,
      corresponding: form.values.corresponding === String(index),
      inByline: index === count || form.values[`contributors.${index}.inByline`] === 'true',
      tifinagh: !!(
        form.values[`contributors.${index}.names.Tfng.given`] ||
        form.values[`contributors.${index}.names.Tfng.family`]
      ),
      f: rowFields(index),
    }));
    return stepPage(
      this.wizard,
      draft,
      'contributors',
      { form, rows: view, roles: CONTRIBUTOR_ROLES },
      status,
    );
  }
}
