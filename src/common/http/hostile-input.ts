import { isUtf8 } from 'node:buffer';
import { httpProblems } from '../problems/http.problems';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { type FieldError, ProblemException } from './problem.exception';
import { RequestValidationException } from './request-validation.exception';

/**
 * How deeply objects and arrays may nest in a request body. Tahkim's deepest DTO needs fewer
 * than ten levels; the limit is there because class-transformer and class-validator recurse,
 * and a body nested thousands of levels deep would overflow their stack.
 */
export const MAX_JSON_DEPTH = 32;

/** At most this many fields are named in one answer, so a hostile body cannot inflate it. */
const MAX_REPORTED_FIELDS = 20;

// PostgreSQL text cannot hold U+0000, and a UTF-16 surrogate without its partner has no UTF-8
// form (the driver would store U+FFFD instead): both are refused rather than stored or mangled.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'g');

function unsafeTextMessage(text: string): string | undefined {
  const found = UNSAFE_TEXT.exec(text)?.[0];
  if (found === undefined) return undefined;
  return found === '\u0000'
    ? 'must not contain the NUL character (U+0000)'
    : 'must not contain a lone UTF-16 surrogate (text that is not valid Unicode)';
}

/** A key as it can be shown in a field path: its unsafe characters written as \uXXXX. */
const printable = (key: string) =>
  key.replace(
    UNSAFE_TEXT_ALL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
  );

/** A node of the walk; field paths are built from the parent links only when one is reported. */
interface Visit {
  value: unknown;
  key: string | undefined;
  parent: Visit | undefined;
  depth: number;
}

function fieldPath(visit: Visit): string {
  const keys: string[] = [];
  for (let node: Visit | undefined = visit; node?.key !== undefined; node = node.parent)
    keys.push(printable(node.key));
  return keys.reverse().join('.');
}

const tooDeep = () =>
  new ProblemException({
    status: 400,
    type: httpProblems.type('nested-too-deeply'),
    title: 'The request body is nested too deeply',
    detail: `Objects and arrays in a request body may nest at most ${MAX_JSON_DEPTH} levels deep`,
    extensions: { maxDepth: MAX_JSON_DEPTH },
  });

/**
 * Checks a parsed body without recursion (so a deep body cannot overflow this check either):
 * throws on nesting beyond MAX_JSON_DEPTH, and returns the strings (values and keys) that
 * PostgreSQL could not store as sent, named by dotted path as validation errors are.
 */
export function unsafeBodyFields(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const report = (field: string, message: string) => {
    if (errors.length < MAX_REPORTED_FIELDS) errors.push({ field, messages: [message] });
  };
  const pending: Visit[] = [{ value: body, key: undefined, parent: undefined, depth: 0 }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      const message = unsafeTextMessage(value);
      if (message) report(fieldPath(visit) || 'body', message);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (visit.depth >= MAX_JSON_DEPTH) throw tooDeep();
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index];
      const childVisit: Visit = { value: child, key, parent: visit, depth: visit.depth + 1 };
      const keyMessage = unsafeTextMessage(key);
      if (keyMessage) report(fieldPath(childVisit), `is a name that ${keyMessage}`);
      pending.push(childVisit);
    }
  }
  return errors;
}

/**
 * A URL component as the router and the query parser read it. A `%` that starts no escape
 * stays literal (as the query parser keeps it); escapes that spell invalid UTF-8, which is how
 * a lone surrogate would have to be sent, give undefined.
 */
function decoded(component: string, plusIsSpace: boolean): string | undefined {
  const literalPercents = component.replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
  try {
    return decodeURIComponent(plusIsSpace ? literalPercents.replace(/\+/g, ' ') : literalPercents);
  } catch {
    return undefined;
  }
}

/**
 * The URL's path segments and query parameters, checked before routing: route parameters reach
 * guards (which query the database) before any pipe could look at them.
 */
export function unsafeUrlFields(url: string): FieldError[] {
  const errors: FieldError[] = [];
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
  for (const segment of path.split('/')) {
    if (errors.length >= MAX_REPORTED_FIELDS) break;
    const text = decoded(segment, false);
    const message =
      text === undefined ? 'is not valid percent-encoded UTF-8' : unsafeTextMessage(text);
    if (message) errors.push({ field: 'path', messages: [`segment "${segment}" ${message}`] });
  }
  for (const parameter of query.split('&')) {
    if (errors.length >= MAX_REPORTED_FIELDS) break;
    if (!parameter) continue;
    const equals = parameter.indexOf('=');
    const rawName = equals === -1 ? parameter : parameter.slice(0, equals);
    const name = decoded(rawName, true);
    const value = equals === -1 ? '' : decoded(parameter.slice(equals + 1), true);
    const message =
      name === undefined || value === undefined
        ? 'is not valid percent-encoded UTF-8'
        : (unsafeTextMessage(name) ?? unsafeTextMessage(value));
    if (message) errors.push({ field: printable(name ?? rawName), messages: [message] });
  }
  return errors;
}

/**
 * Express middleware placed right after the body parsers: one check of every route's URL and
 * parsed body for text PostgreSQL cannot store and for nesting that would overflow the stack
 * of the validation pipe, answered as a 400 problem naming the field (or the limit).
 */
export function refuseHostileInput(request: Request, _response: Response, next: NextFunction) {
  try {
    const errors = [...unsafeUrlFields(request.originalUrl), ...unsafeBodyFields(request.body)];
    next(
      errors.length > 0
        ? new RequestValidationException(errors.slice(0, MAX_REPORTED_FIELDS))
        : undefined,
    );
  } catch (error) {
    next(error);
  }
}

/**
 * body-parser's `verify` hook for JSON: a body declared UTF-8 must be UTF-8. Without this,
 * body-parser decodes invalid bytes to U+FFFD and the mangled text would be stored.
 */
export function requireUtf8Body(
  _request: IncomingMessage,
  _response: unknown,
  body: Buffer,
  encoding: string,
): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) {
    throw new ProblemException({
      status: 400,
      type: httpProblems.type('malformed-body'),
      title: 'Bad Request',
      detail: 'The request body is not valid UTF-8',
    });
  }
}
