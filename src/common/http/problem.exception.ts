import { HttpException } from '@nestjs/common';

/** One invalid field of a request: `field` is a dotted path such as `titles.ar`. */
export interface FieldError {
  field: string;
  messages: string[];
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

export const PROBLEM_TYPES = {
  validation: 'urn:tahkim:problem:validation-error',
  conflict: 'urn:tahkim:problem:conflict',
  malformedBody: 'urn:tahkim:problem:malformed-body',
  nestedTooDeeply: 'urn:tahkim:problem:nested-too-deeply',
  crossOriginWrite: 'urn:tahkim:problem:cross-origin-write',
} as const;

export class RequestValidationException extends ProblemException {
  constructor(errors: FieldError[]) {
    super({
      status: 400,
      type: PROBLEM_TYPES.validation,
      title: 'Your request has invalid fields',
      detail: errors.map((error) => `${error.field}: ${error.messages.join('; ')}`).join('. '),
      extensions: { errors },
    });
  }
}
