import { ProblemException } from '../../common/http/problem.exception';
import { problemType } from '../../common/problems/problem-registry';
import { blankForm } from '../foundation/forms';
import { accountPage } from './account-forms';

/** The emailed links whose page says they no longer work, and what the person can do instead. */
export type EmailedLink = 'verification' | 'reset' | 'invitation';

/** Whether a service refused because the emailed link is wrong, expired or already used. */
export function isDeadLink(error: unknown): boolean {
  return (
    error instanceof ProblemException &&
    [problemType('invalid-token'), problemType('invitation-already-accepted')].includes(
      error.problem.type ?? '',
    )
  );
}

/**
 * The page of a link that does not work (expired, already used, mistyped): what happened in
 * plain words and the way on, with the form asking for a new confirmation link when that is it.
 */
export function deadLinkPage(kind: EmailedLink) {
  return accountPage('account/link-invalid', { kind, form: blankForm() }, 400);
}

/** The token a link's page was opened with, if it looks like one (the service checks it). */
export function tokenOf(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 10 && value.length <= 200 ? value : null;
}
