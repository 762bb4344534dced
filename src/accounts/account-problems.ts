import { ProblemException } from '../common/http/problem.exception';

/** The problem types the account routes answer with (RFC 9457 `type`). */
export const ACCOUNT_PROBLEM_TYPES = {
  wrongCredentials: 'urn:tahkim:problem:wrong-credentials',
  emailNotVerified: 'urn:tahkim:problem:email-not-verified',
  invalidToken: 'urn:tahkim:problem:invalid-token',
  /** Sign-in slowed down for one email address from one network, or for one network. */
  signInThrottled: 'urn:tahkim:problem:too-many-sign-in-failures',
  /** Too many verification or reset emails asked for from one network. */
  tooManyEmailRequests: 'urn:tahkim:problem:too-many-email-requests',
} as const;

/** "8 seconds", "15 minutes": a wait, for a sentence. */
export function waitInWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * A 429 that says when to come back: `retryAfterSeconds` in the body, and the `Retry-After`
 * header (set by RetryAfterHeader on the way out).
 */
export class TooManyRequestsProblem extends ProblemException {
  constructor(
    type: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super({
      status: 429,
      type,
      title: 'Too Many Requests',
      detail,
      extensions: { retryAfterSeconds },
    });
  }
}

/** Whole seconds to wait, at least 1, for a wait in milliseconds. */
export const retrySeconds = (milliseconds: number) => Math.max(1, Math.ceil(milliseconds / 1000));
