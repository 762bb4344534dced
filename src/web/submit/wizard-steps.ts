import type { FieldError } from '../../common/http/problem.exception';
import { isLocale, type Locale } from '../../common/i18n/locale';

/** The wizard's steps after the start, in order: each its own page that saves. */
export const WIZARD_STEPS = [
  'metadata',
  'contributors',
  'files',
  'checklist',
  'copyright',
  'review',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const isWizardStep = (value: unknown): value is WizardStep =>
  WIZARD_STEPS.includes(value as WizardStep);

/** The step before and after `step` (null at either end). */
export function neighbours(step: WizardStep): { back: WizardStep | null; next: WizardStep | null } {
  const at = WIZARD_STEPS.indexOf(step);
  return { back: WIZARD_STEPS[at - 1] ?? null, next: WIZARD_STEPS[at + 1] ?? null };
}

/**
 * The step whose page fixes a field the API names as missing (SubmissionCompleteness, the 422
 * of submitting): `metadata.ar.abstract` → metadata, `checklistConfirmed` → checklist.
 */
export function stepOfField(field: string): WizardStep {
  if (/^(metadata|sectionId$|locale$)/.test(field)) return 'metadata';
  if (field.startsWith('contributors')) return 'contributors';
  if (field === 'files') return 'files';
  if (field.startsWith('checklist')) return 'checklist';
  if (field === 'copyrightAgreement') return 'copyright';
  return 'review';
}

/**
 * One thing the draft still lacks, as the page says it: a catalog key of this area (with the
 * language it is about), or the API's own English sentence when the wizard does not know it.
 */
export interface MissingItem {
  step: WizardStep;
  field: string;
  key?: string;
  /** The language a metadata item is about. */
  locale?: Locale;
  /** The API's sentence, shown marked as English. */
  said?: string;
}

/** The API's sentences about contributors, by what they say (see SubmissionCompleteness). */
const CONTRIBUTOR_MESSAGES: [RegExp, string][] = [
  [/at least one contributor is required/, 'submit.missing.contributors'],
  [/corresponding author/, 'submit.missing.corresponding'],
  [/in the byline/, 'submit.missing.byline'],
];

/** The catalog keys the wording below may give (the area's unit spec checks them). */
export const MISSING_KEYS = [
  'submit.missing.metadata-own',
  'submit.missing.metadata-required',
  'submit.missing.abstract',
  'submit.missing.keywords',
  ...CONTRIBUTOR_MESSAGES.map(([, key]) => key),
  'submit.missing.checklist',
  'submit.missing.copyright',
  'submit.missing.manuscript',
  'submit.missing.section',
];

/** Words each field error of the API's list of what is missing for the page. */
export function missingItems(errors: FieldError[], manuscriptLocale: Locale): MissingItem[] {
  return errors.flatMap(({ field, messages }) =>
    messages.map((message) => ({ step: stepOfField(field), field, ...wording(field, message) })),
  );

  function wording(field: string, message: string): Omit<MissingItem, 'step' | 'field'> {
    const metadata = /^metadata\.([a-z]{2})(?:\.(abstract|keywords))?$/.exec(field);
    if (metadata && isLocale(metadata[1])) {
      const locale = metadata[1];
      if (metadata[2] === 'abstract') return { key: 'submit.missing.abstract', locale };
      if (metadata[2] === 'keywords') return { key: 'submit.missing.keywords', locale };
      return {
        key:
          locale === manuscriptLocale
            ? 'submit.missing.metadata-own'
            : 'submit.missing.metadata-required',
        locale,
      };
    }
    if (field === 'contributors') {
      const known = CONTRIBUTOR_MESSAGES.find(([pattern]) => pattern.test(message));
      return known ? { key: known[1] } : { said: message };
    }
    const keys: Record<string, string> = {
      checklistConfirmed: 'submit.missing.checklist',
      copyrightAgreement: 'submit.missing.copyright',
      files: 'submit.missing.manuscript',
      sectionId: 'submit.missing.section',
    };
    return keys[field] ? { key: keys[field] } : { said: `${field}: ${message}` };
  }
}
