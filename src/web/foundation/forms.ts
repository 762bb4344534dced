import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import type { FieldError } from '../../common/http/problem.exception';
import { ProblemException } from '../../common/http/problem.exception';
import { httpProblems } from '../../common/problems/http.problems';
import { CSRF_FIELD } from './csrf';
import type { MessageValues } from './messages';

/**
 * What is wrong with a field, as the page says it: a catalog message (`form.error.maxLength`
 * with `{ max: 300 }`), or, for a rule the catalogs do not word yet, the service's own English
 * sentence (shown marked as English).
 */
export type FieldMessage =
  | { key: string; values: MessageValues }
  | { text: string }
  /** A problem about the whole form: its registered title in the page's language. */
  | { problemType: string; text: string };

/** A form as a page shows it again: every value as sent, every message beside its field. */
export interface FormView {
  /** The fields as sent, by their names (`names.Arab.given`). */
  values: Record<string, string | string[]>;
  /** The messages by field name, in the form's order; empty when nothing is wrong. */
  errors: Record<string, FieldMessage[]>;
  /** A message about the form as a whole (a wrong password, an expired link). */
  problem?: FieldMessage;
}

/** A form not sent yet: its initial values. */
export function blankForm(values: Record<string, string | string[]> = {}): FormView {
  return { values, errors: {} };
}

/** Field names a form may use: letters, digits, dots (nesting), hyphens and underscores. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;
/** Bounds on what a form is read into, whatever a request sends. */
const MAX_FIELDS = 200;

/**
 * The fields of a form's body (application/x-www-form-urlencoded, read by express with
 * `extended: false`): strings, or lists for repeated names, the CSRF token left out. Anything
 * else (a field name that is not one, too many fields) is a 400.
 */
export function formValues(body: unknown): Record<string, string | string[]> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw httpProblems.raise('malformed-body', 'A form was expected');
  const entries = Object.entries(body as Record<string, unknown>).filter(
    ([name]) => name !== CSRF_FIELD,
  );
  if (entries.length > MAX_FIELDS)
    throw httpProblems.raise('malformed-body', 'The form has too many fields');
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of entries) {
    if (!FIELD_NAME.test(name))
      throw httpProblems.raise('malformed-body', `Not a field of this form: ${name.slice(0, 60)}`);
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      values[name] = value as string[];
    else throw httpProblems.raise('malformed-body', `The field ${name} is not text`);
  }
  return values;
}

/** `{ 'names.Arab.given': 'ليلى' }` → `{ names: { Arab: { given: 'ليلى' } } }`. */
export function nested(values: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const path = name.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (
        next && typeof next === 'object' ? next : (node[part] = Object.create(null))
      ) as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return JSON.parse(JSON.stringify(root)) as Record<string, unknown>;
}

/** The arguments a class-validator rule was declared with (`@MaxLength(300)` → `{ max: 300 }`). */
function ruleValues(target: object, property: string, rule: string): MessageValues {
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find(
      (each) =>
        each.propertyName === property &&
        (each.name === rule || (each.type === rule && !each.name)),
    );
  const [first, second] = (metadata?.constraints ?? []) as unknown[];
  switch (rule) {
    case 'maxLength':
    case 'arrayMaxSize':
    case 'max':
      return { max: Number(first) };
    case 'minLength':
    case 'arrayMinSize':
    case 'min':
      return { min: Number(first) };
    case 'isLength':
      return { min: Number(first), max: Number(second) };
    default:
      return {};
  }
}

/** class-validator's findings as the page's messages, by dotted field name. */
function messagesOf(errors: ValidationError[], parent = ''): Record<string, FieldMessage[]> {
  const out: Record<string, FieldMessage[]> = {};
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints)
      out[field] = Object.keys(error.constraints).map((rule) => ({
        key: `form.error.${rule}`,
        values: error.target ? ruleValues(error.target, error.property, rule) : {},
      }));
    Object.assign(out, messagesOf(error.children ?? [], field));
  }
  return out;
}

/**
 * A form's values checked by the rules of the API's own request class (`RegisterDto`…), so the
 * page and the API accept the same things: the instance, or the form again with its messages.
 * Fields the class does not declare (`next`) are left out of the instance, not refused.
 */
export async function readForm<T extends object>(
  type: ClassConstructor<T>,
  values: Record<string, string | string[]>,
  shape: (values: Record<string, unknown>) => Record<string, unknown> = nested,
): Promise<{ value: T; form?: undefined } | { value?: undefined; form: FormView }> {
  const instance = plainToInstance(type, shape(values));
  const errors = await validate(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length === 0) return { value: instance };
  return { form: { values, errors: messagesOf(errors) } };
}

/**
 * A service's refusal as the form's messages: field errors of a validation problem beside their
 * fields (each with its catalog key when the service gave a code), any other problem about the
 * form as a whole with its registered title. Null for what is not a problem (a defect: rethrow).
 */
export function formProblem(
  error: unknown,
  values: Record<string, string | string[]>,
): FormView | null {
  if (!(error instanceof ProblemException)) return null;
  const problem = error.problem;
  const fieldErrors = (problem.extensions?.errors ?? null) as FieldError[] | null;
  if (problem.status === 400 && Array.isArray(fieldErrors)) {
    const errors: Record<string, FieldMessage[]> = {};
    for (const { field, messages, codes } of fieldErrors)
      errors[field] = messages.map((text, index) => {
        const code = codes?.[index];
        return code ? { key: `form.error.${code.code}`, values: code.values ?? {} } : { text };
      });
    return { values, errors };
  }
  return {
    values,
    errors: {},
    problem: { problemType: problem.type ?? 'about:blank', text: problem.title },
  };
}
