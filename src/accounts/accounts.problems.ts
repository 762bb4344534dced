import type { ProblemException } from '../common/http/problem.exception';
import { defineProblems } from '../common/problems/problem-registry';

/** The problems of the account routes: sign-in, emailed links, invitations. */
export const accountProblems = defineProblems('accounts', {
  'wrong-credentials': {
    status: 401,
    title: {
      en: 'The email address or the password is wrong',
      ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة',
      fr: 'L’adresse électronique ou le mot de passe est incorrect',
    },
  },
  'email-not-verified': {
    status: 403,
    title: {
      en: 'Confirm your email address first',
      ar: 'أكّد عنوان بريدك الإلكتروني أولًا',
      fr: 'Confirmez d’abord votre adresse électronique',
    },
  },
  'invalid-token': {
    status: 400,
    title: {
      en: 'This link is not valid',
      ar: 'هذا الرابط غير صالح',
      fr: 'Ce lien n’est pas valide',
    },
  },
  'too-many-sign-in-failures': {
    status: 429,
    title: {
      en: 'Too many failed sign-ins: wait before trying again',
      ar: 'محاولات دخول فاشلة كثيرة: انتظر قبل المحاولة من جديد',
      fr: 'Trop de connexions échouées : patientez avant de réessayer',
    },
  },
  'too-many-email-requests': {
    status: 429,
    title: {
      en: 'Too many emails were asked for: try again later',
      ar: 'طُلبت رسائل بريد كثيرة جدًّا: حاول لاحقًا',
      fr: 'Trop de courriels ont été demandés : réessayez plus tard',
    },
  },
  'invitation-already-accepted': {
    status: 409,
    title: {
      en: 'This invitation was already accepted',
      ar: 'سبق قبول هذه الدعوة',
      fr: 'Cette invitation a déjà été acceptée',
    },
  },
});

/** "8 seconds", "15 minutes": a wait, for a sentence. */
export function waitInWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Whole seconds to wait, at least 1, for a wait in milliseconds. */
export const retrySeconds = (milliseconds: number) => Math.max(1, Math.ceil(milliseconds / 1000));

/**
 * A 429 that says when to come back: `retryAfterSeconds` in the body, and the `Retry-After`
 * header (set by RetryAfterHeader on the way out).
 */
export function tooManyRequests(
  code: 'too-many-sign-in-failures' | 'too-many-email-requests',
  detail: string,
  retryAfterSeconds: number,
): ProblemException {
  return accountProblems.raise(code, detail, { retryAfterSeconds });
}

/** The wait a 429 of ours asks for, if the error is one. */
export function retryAfterOf(error: unknown): number | undefined {
  const problem = (error as ProblemException | null)?.problem;
  const seconds = problem?.status === 429 ? problem.extensions?.retryAfterSeconds : undefined;
  return typeof seconds === 'number' ? seconds : undefined;
}
