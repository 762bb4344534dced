import { isLocale, type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { FormView } from '../foundation/forms';
import type { Draft } from './submit-wizard.service';

type Values = Record<string, string | string[]>;

/** The texts a metadata form holds per language. */
const PER_LANGUAGE = ['title', 'subtitle', 'abstract', 'keywords'] as const;
/** The declarations beside them: one text each, blank for none. */
const STATEMENTS = [
  'funding',
  'competingInterests',
  'dataAvailability',
  'references',
  'commentsToEditor',
] as const;

/** Keywords as typed: separated by commas (Latin or Arabic), semicolons or lines. */
const KEYWORD_SEPARATORS = /[,،؛;\n]+/;

/**
 * The languages whose title, abstract and keywords the form asks for: the manuscript's, those
 * the journal requires, and any the draft already has (so that none is kept unseen).
 */
export function metadataLocales(draft: Draft, manuscriptLocale?: string): Locale[] {
  const own = isLocale(manuscriptLocale) ? manuscriptLocale : draft.submission.locale;
  const wanted = new Set<Locale>([
    own,
    ...draft.journal.requiredAbstractLocales,
    ...draft.metadata.map((entry) => entry.locale),
  ]);
  return SUPPORTED_LOCALES.filter((locale) => wanted.has(locale));
}

/** The form as the draft holds it, before anything is sent. */
export function storedMetadataValues(draft: Draft): Values {
  const { submission } = draft;
  const values: Values = {
    sectionId: submission.sectionId,
    locale: submission.locale,
    funding: submission.funding ?? '',
    competingInterests: submission.competingInterests ?? '',
    dataAvailability: submission.dataAvailability ?? '',
    references: submission.references.join('\n'),
    commentsToEditor: submission.commentsToEditor ?? '',
  };
  for (const entry of draft.metadata) {
    const prefix = `metadata.${entry.locale}`;
    values[`${prefix}.title`] = entry.title;
    values[`${prefix}.subtitle`] = entry.subtitle ?? '';
    values[`${prefix}.abstract`] = entry.abstract ?? '';
    values[`${prefix}.keywords`] = entry.keywords.join(entry.locale === 'ar' ? '، ' : ', ');
  }
  return values;
}

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The form's values as UpdateSubmissionDto (PATCH /api/submissions/:id): a language left wholly
 * blank is removed if the draft had it, else left out; blank optional texts become null.
 */
export function metadataShape(draft: Draft, locales: Locale[]) {
  const stored = new Set(draft.metadata.map((entry) => entry.locale));
  return (values: Record<string, unknown>): Record<string, unknown> => {
    const text = (name: string) => one(values[name] as string | string[] | undefined).trim();
    const metadata: Record<string, unknown> = {};
    for (const locale of locales) {
      const field = (part: (typeof PER_LANGUAGE)[number]) => text(`metadata.${locale}.${part}`);
      if (PER_LANGUAGE.every((part) => field(part) === '')) {
        if (stored.has(locale)) metadata[locale] = null;
        continue;
      }
      metadata[locale] = {
        title: field('title'),
        subtitle: field('subtitle') || null,
        abstract: field('abstract') || null,
        keywords: field('keywords')
          .split(KEYWORD_SEPARATORS)
          .map((keyword) => keyword.trim())
          .filter(Boolean),
      };
    }
    const body: Record<string, unknown> = { metadata };
    if (text('sectionId')) body.sectionId = text('sectionId');
    if (text('locale')) body.locale = text('locale');
    for (const name of STATEMENTS)
      body[name] = name === 'references' ? text(name) : text(name) || null;
    return body;
  };
}

/**
 * Words class-validator's findings on this form as the wizard says them: a blank title, the
 * number and length of keywords, an unknown section.
 */
export function rewordMetadata(form: FormView): FormView {
  const errors: FormView['errors'] = {};
  for (const [field, messages] of Object.entries(form.errors)) {
    errors[field] = messages.map((message) => {
      if (!('key' in message)) return message;
      if (/\.title$/.test(field) && message.key === 'form.error.isLength')
        return one(form.values[field]).trim() === ''
          ? { key: 'submit.error.title-required', values: {} }
          : message;
      if (/\.keywords$/.test(field) && message.key === 'form.error.arrayMaxSize')
        return { key: 'submit.error.keywords-many', values: message.values };
      if (/\.keywords$/.test(field) && message.key === 'form.error.isLength')
        return { key: 'submit.error.keyword-length', values: message.values };
      if (field === 'sectionId') return { key: 'submit.error.section', values: {} };
      return message;
    });
  }
  return { ...form, errors };
}
