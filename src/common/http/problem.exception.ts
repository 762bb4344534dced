import { HttpException } from '@nestjs/common';

/** One invalid field of a request: `field` is a dotted path such as `titles.ar`. */
export interface FieldError {
  field: string;
  messages: string[];
  /**
   * For each message, the rule it states as a code with its values (`password-too-short`,
   * `{ min: 10 }`), where the service gives one: the web's forms word it in the page's language.
   */
  codes?: ({ code: string; values?: Record<string, string | number> } | null)[];
}

export interface ProblemInit {
  status: number;
  /** A URI reference naming the kind of problem; `about:blank` when the status says it all. */
  type?: string;
  title: string;
  detail?: string;
  /** RFC 9457 extension members, e.g. `errors` for validation. */
  extensions?: Record<string, unknown>;
}

/**
 * The base for every error Tahkim raises on purpose: the global filter turns it into an
 * RFC 9457 application/problem+json answer as it is.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title, problem.status);
  }
}
