import { assertPasswordAcceptable, EmailDto } from '../../accounts';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { NAME_SCRIPTS, type PersonNames } from '../../editorial/people';
import {
  type FieldMessage,
  type FormView,
  formProblem,
  formValues,
  nested,
  readForm,
} from '../foundation/forms';
import { languageName } from '../foundation/intl';
import { page, redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';

/** A form of the account pages shown again: 429 when the service asked to wait, else 422. */
export function refusedStatus(error: unknown): 422 | 429 {
  return (error as { getStatus?(): number }).getStatus?.() === 429 ? 429 : 422;
}

/**
 * A form of one email address whose service answers alike for every address (a password reset,
 * a new confirmation link): its page again with what was wrong, else on to `sentAddress`, the
 * page that says an email is on its way.
 */
export async function emailRequest(
  body: unknown,
  send: (email: string) => Promise<void>,
  pageOf: (form: FormView, status: 422 | 429) => WebPage,
  sentAddress: string,
): Promise<WebPage | WebRedirect> {
  const values = formValues(body);
  const { value, form } = await readForm(EmailDto, values);
  if (form) return pageOf(form, 422);
  try {
    await send(value.email);
  } catch (error) {
    const refused = formProblem(error, values);
    if (!refused) throw error;
    return pageOf(refused, refusedStatus(error));
  }
  return redirectAfterForm(sentAddress);
}

/** An account page: for this visitor only, and not for search engines. */
export function accountPage(view: string, data: object = {}, status?: 400 | 422 | 429): WebPage {
  return page(view, data, { cache: 'private', noindex: true, status });
}

/** The form's values without `fields` (passwords are never sent back to the page). */
export function without(
  values: Record<string, string | string[]>,
  ...fields: string[]
): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !fields.includes(name)));
}

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The names a form sends (`names.Arab.given`, `names.Latn.family`…), trimmed, without the parts
 * and scripts left empty: `{}` when none is given (the API's rules then ask for one).
 */
export function namesIn(values: Record<string, unknown>): PersonNames {
  const names: Record<string, { given?: string; family?: string }> = {};
  for (const script of NAME_SCRIPTS) {
    const given = trimmed(values[`names.${script}.given`]);
    const family = trimmed(values[`names.${script}.family`]);
    if (!given && !family) continue;
    names[script] = { ...(given ? { given } : {}), ...(family ? { family } : {}) };
  }
  return names as PersonNames;
}

/** The body of a form with names: its fields nested, its names as namesIn reads them. */
export function withNames(values: Record<string, unknown>): Record<string, unknown> {
  const others = Object.fromEntries(
    Object.entries(values).filter(([name]) => !name.startsWith('names.')),
  );
  return { ...nested(others), names: namesIn(values) };
}

/** The form fields of stored names, for a form shown before anything is sent. */
export function nameFields(names: PersonNames): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const script of NAME_SCRIPTS) {
    const name = names[script];
    if (name?.given) fields[`names.${script}.given`] = name.given;
    if (name?.family) fields[`names.${script}.family`] = name.family;
  }
  return fields;
}

/**
 * The password policy's findings beside `field`, added to a form the API's rules refused for
 * other reasons: a person sees everything to correct at once, not one round at a time.
 */
export function withPasswordProblems(
  form: FormView,
  field: string,
  password: string,
  context: { email: string; names?: PersonNames },
): FormView {
  if (form.errors[field]) return form;
  try {
    assertPasswordAcceptable(field, password, context);
    return form;
  } catch (error) {
    const found = formProblem(error, form.values);
    if (!found) throw error;
    return { ...form, errors: { ...form.errors, ...found.errors } };
  }
}

/** Rules whose shared words (`form.error.<rule>`) the account pages say more precisely. */
const ACCOUNT_WORDS: Record<string, FieldMessage> = {
  'form.error.isOrcid': { key: 'account.error.orcid', values: {} },
  'form.error.isRorId': { key: 'account.error.ror', values: {} },
  'form.error.isISO31661Alpha2': { key: 'account.error.country', values: {} },
  'form.error.isInt': { key: 'account.error.max-reviews', values: { min: 0, max: 20 } },
  'form.error.min': { key: 'account.error.max-reviews', values: { min: 0, max: 20 } },
  'form.error.max': { key: 'account.error.max-reviews', values: { min: 0, max: 20 } },
  'form.error.arrayMaxSize': { key: 'account.error.interests-count', values: { max: 30 } },
  'form.error.isBoolean': { key: 'form.error.invalid', values: {} },
};

/**
 * A refused form in the account pages' words: rules the shared catalog does not word get their
 * own message, a name's family without its given name says that the given one is missing, and a
 * message said twice about one field is said once.
 */
export function inAccountWords(form: FormView): FormView {
  const errors: Record<string, FieldMessage[]> = {};
  for (const [field, messages] of Object.entries(form.errors)) {
    const givenMissing =
      /^names\.[A-Za-z]+\.given$/.test(field) &&
      messages.some((message) => 'key' in message && message.key === 'form.error.isString');
    const worded = givenMissing
      ? [{ key: 'account.error.given-name', values: {} }]
      : messages.map((message) =>
          'key' in message ? (ACCOUNT_WORDS[message.key] ?? message) : message,
        );
    const seen = new Set<string>();
    errors[field] = worded.filter((message) => {
      const id = JSON.stringify(message);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
  return { ...form, errors };
}

/** The languages a person may choose for the site and their emails, each named in itself. */
export function languageChoices(): { code: Locale; label: string }[] {
  return SUPPORTED_LOCALES.map((code) => {
    const name = languageName(code, code);
    // «français» begins a menu's item with a capital, as a sentence would.
    return { code, label: name.charAt(0).toLocaleUpperCase(code) + name.slice(1) };
  });
}
