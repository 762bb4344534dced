import type { Locale } from '../../common/i18n/locale';
import { page, redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { type Draft, type SubmitWizard, wizardJournal } from './submit-wizard.service';
import { neighbours, type WizardStep } from './wizard-steps';

/** `/{locale}/j/{slug}/submit/{id}/{step}`: a step's page (the resume address without a step). */
export function stepAddress(locale: Locale, slug: string, id: string, step?: string): string {
  return `/${locale}/j/${encodeURIComponent(slug)}/submit/${id}${step ? `/${step}` : ''}`;
}

/** The author's page of a submission once it is no longer a draft (src/web/author). */
export function submissionAddress(locale: Locale, slug: string, id: string): string {
  return `/${locale}/j/${encodeURIComponent(slug)}/submissions/${id}`;
}

/** What a step's page shows of its draft besides its own form: the step list, back and next. */
export function stepPage(
  wizard: SubmitWizard,
  draft: Draft,
  step: WizardStep,
  data: object,
  status?: 409 | 422,
): WebPage {
  return page(
    `submit/${step}`,
    {
      journal: wizardJournal(draft.journal),
      submission: { id: draft.submission.id, locale: draft.submission.locale },
      steps: wizard.steps(draft, step),
      step,
      ...neighbours(step),
      missingHere: draft.missing.filter((item) => item.step === step),
      ...data,
    },
    { cache: 'private', noindex: true, status },
  );
}

/** A submission sent already is not edited here: its author goes to its page. */
export function sentAway(locale: Locale, draft: Draft): WebRedirect | null {
  return draft.submission.stage === 'draft'
    ? null
    : redirectAfterForm(submissionAddress(locale, draft.journal.slug, draft.submission.id));
}

/**
 * Where a step's form goes once saved: the button pressed said `back`, `next` or `stay`; the
 * page says it is saved when the author stays.
 */
export function afterSave(
  locale: Locale,
  draft: Draft,
  step: WizardStep,
  go: 'back' | 'next' | 'stay',
  anchor = '',
): WebRedirect {
  const { back, next } = neighbours(step);
  const to = go === 'back' ? back : go === 'next' ? next : null;
  const address = stepAddress(locale, draft.journal.slug, draft.submission.id, to ?? step);
  return redirectAfterForm(`${address}${anchor}`, to ? undefined : 'submit.flash.saved');
}

/** The button pressed: `go=back|next|stay` (a list when a page sends more than one). */
export function goOf(value: string | string[] | undefined): 'back' | 'next' | 'stay' {
  const last = Array.isArray(value) ? value.at(-1) : value;
  return last === 'back' || last === 'stay' ? last : 'next';
}
