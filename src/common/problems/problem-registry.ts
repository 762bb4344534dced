import { ProblemException } from '../http/problem.exception';

/** Statuses a problem of Tahkim's may have. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** A title in each language the site speaks, shown on error pages and in the API. */
export interface ProblemTitles {
  ar: string;
  en: string;
  fr: string;
}

export interface ProblemDefinition {
  /**
   * Its status; a list when the one problem is answered with more than one (a file refused is
   * 413 when too large, 415 when of a type not taken): the first is the default, `raise`'s
   * `status` picks another.
   */
  status: ProblemStatus | readonly ProblemStatus[];
  title: ProblemTitles;
}

/** A registered problem type, as the OpenAPI document and the error pages read it. */
export interface RegisteredProblem extends ProblemDefinition {
  /** The stable type URI of RFC 9457: `urn:tahkim:problem:<code>`. */
  type: string;
  code: string;
  /** The part of Tahkim that raises it (`http`, `submissions`, `reviews`…). */
  owner: string;
}

const PREFIX = 'urn:tahkim:problem:';
const registry = new Map<string, RegisteredProblem>();

/** The type URI of a problem code. */
export const problemType = (code: string) => `${PREFIX}${code}`;

/** Every problem type registered so far (every feature registers its own at import). */
export function registeredProblems(): RegisteredProblem[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The registered problem of a type URI, if any. */
export function problemOfType(type: string | undefined): RegisteredProblem | undefined {
  return type?.startsWith(PREFIX) ? registry.get(type.slice(PREFIX.length)) : undefined;
}

export interface ProblemCatalog<Code extends string> {
  /**
   * The exception to throw: the registered status (or `status`, one of the registered ones),
   * type and English title, with `detail`.
   */
  raise(
    code: Code,
    detail: string,
    extensions?: Record<string, unknown>,
    status?: ProblemStatus,
  ): ProblemException;
  /** The type URI of one of the catalog's codes. */
  type(code: Code): string;
}

/**
 * Registers a part of Tahkim's problem types, each with its status and titles, and returns the
 * typed factory its code throws with:
 *
 *   export const submissionProblems = defineProblems('submissions', {
 *     'submission-not-editable': { status: 409, title: { en: 'The submission cannot be edited', … } },
 *   });
 *   throw submissionProblems.raise('submission-not-editable', 'The submission is in review: …');
 *
 * A code belongs to one owner: registering it twice (two features, one name) is a bug at boot.
 */
export function defineProblems<const Definitions extends Record<string, ProblemDefinition>>(
  owner: string,
  definitions: Definitions,
): ProblemCatalog<Extract<keyof Definitions, string>> {
  for (const [code, definition] of Object.entries(definitions)) {
    const existing = registry.get(code);
    if (existing && existing.owner !== owner)
      throw new Error(`problem ${code} is registered by both ${existing.owner} and ${owner}`);
    registry.set(code, { ...definition, code, owner, type: problemType(code) });
  }
  return {
    raise(code, detail, extensions, status) {
      const { status: registered, title } = definitions[code];
      const allowed: readonly ProblemStatus[] = Array.isArray(registered)
        ? registered
        : [registered as ProblemStatus];
      if (status !== undefined && !allowed.includes(status))
        throw new Error(`problem ${code} is not registered with status ${status}`);
      return new ProblemException({
        status: status ?? allowed[0],
        type: problemType(code),
        title: title.en,
        detail,
        extensions,
      });
    },
    type: (code) => problemType(code),
  };
}
