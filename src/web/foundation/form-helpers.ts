import type Handlebars from 'handlebars';
import type { Locale } from '../../common/i18n/locale';
import { problemOfType } from '../../common/problems/problem-registry';
import type { FieldMessage, FormView } from './forms';
import type { Messages } from './messages';
import type { RenderData } from './view-helpers';

interface HelperOptions {
  hash: Record<string, unknown>;
  data: RenderData;
}

/** `names.Arab.given` → `field-names-Arab-given`: an element id from a field's name. */
export const fieldId = (name: string): string => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const errorsOf = (form: unknown, name: string): FieldMessage[] =>
  (form as FormView | undefined)?.errors?.[name] ?? [];

/**
 * The helpers of forms (partials under templates/web/partials/form/): a field's id, its value
 * as sent, its messages in the page's language, and the `aria-describedby` that ties them to it.
 */
export function registerFormHelpers(engine: typeof Handlebars, messages: Messages): void {
  const { escapeExpression: escape } = engine.Utils;
  const safe = (html: string) => new engine.SafeString(html);

  /** A message as text in the page's language. */
  const wording = (message: FieldMessage, locale: Locale, digits: RenderData['digits']) => {
    if ('key' in message && messages.has(locale, message.key))
      return { text: messages.format(locale, message.key, message.values, digits), english: false };
    if ('problemType' in message) {
      const title = problemOfType(message.problemType)?.title[locale];
      if (title) return { text: title, english: false };
    }
    if ('key' in message)
      return { text: messages.format(locale, 'form.error.invalid', {}, digits), english: false };
    return { text: message.text, english: true };
  };

  engine.registerHelper('fieldId', (name: unknown) => fieldId(String(name)));

  /** `{{flashText flash}}`: the one-time message a redirect left (a cookie: unknown keys say nothing). */
  engine.registerHelper('flashText', (key: unknown, options: HelperOptions) =>
    typeof key === 'string' && messages.has(options.data.locale, key)
      ? messages.format(options.data.locale, key, {}, options.data.digits)
      : '',
  );

  /** `{{fieldValue form "email"}}`: the value as sent ('' if none; a list's first). */
  engine.registerHelper('fieldValue', (form: unknown, name: unknown) => {
    const value = (form as FormView | undefined)?.values?.[String(name)];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  });

  /** `{{#if (fieldChecked form "terms" "yes")}}`: whether a checkbox or option was sent. */
  engine.registerHelper('fieldChecked', (form: unknown, name: unknown, value: unknown) => {
    const sent = (form as FormView | undefined)?.values?.[String(name)];
    return Array.isArray(sent) ? sent.includes(String(value)) : sent === String(value);
  });

  engine.registerHelper('fieldInvalid', (form: unknown, name: unknown) =>
    errorsOf(form, String(name)).length > 0 ? 'true' : null,
  );

  /**
   * `{{fieldDescribedBy form "password" hint=true}}`: the ids of the field's hint and messages,
   * or nothing.
   */
  engine.registerHelper(
    'fieldDescribedBy',
    (form: unknown, name: unknown, options: HelperOptions) => {
      const id = fieldId(String(name));
      const ids = [
        ...(options.hash.hint ? [`${id}-hint`] : []),
        ...(errorsOf(form, String(name)).length ? [`${id}-error`] : []),
      ];
      return ids.join(' ');
    },
  );

  /** `{{fieldErrors form "email"}}`: the field's messages, each a `<span>` (English marked so). */
  engine.registerHelper('fieldErrors', (form: unknown, name: unknown, options: HelperOptions) =>
    safe(
      errorsOf(form, String(name))
        .map((message) => {
          const { text, english } = wording(message, options.data.locale, options.data.digits);
          const lang = english && options.data.locale !== 'en' ? ' lang="en" dir="ltr"' : '';
          return `<span${lang}>${escape(text)}</span>`;
        })
        .join(' '),
    ),
  );

  /**
   * `{{#each (formSummary form)}}`: every message with the field it belongs to, in the form's
   * order, for the summary at the top of a form that was refused; the form's own problem first.
   */
  engine.registerHelper('formSummary', (form: unknown, options: HelperOptions) => {
    const view = form as FormView | undefined;
    if (!view) return [];
    // `said`, not `text`: a template's {{text}} is the helper of that name.
    const all: { href: string | null; said: string; lang: string | null }[] = [];
    const add = (message: FieldMessage, href: string | null) => {
      const { text, english } = wording(message, options.data.locale, options.data.digits);
      all.push({ href, said: text, lang: english && options.data.locale !== 'en' ? 'en' : null });
    };
    if (view.problem) add(view.problem, null);
    for (const [name, list] of Object.entries(view.errors ?? {}))
      for (const message of list) add(message, `#${fieldId(name)}`);
    return all;
  });
}
