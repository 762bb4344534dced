import { dictionary } from '@zxcvbn-ts/language-common';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { nameStrings, type PersonNames } from '../editorial/people';

/** Counted in Unicode code points, so an Arabic passphrase is measured by its letters. */
export const PASSWORD_MIN_LENGTH = 10;
/** Generous for passphrases, yet bounded so hashing cost stays predictable. */
export const PASSWORD_MAX_LENGTH = 256;

/** Parts of a name or email shorter than this are too common to forbid (e.g. "ali", "li"). */
const PERSONAL_PART_MIN_LENGTH = 4;

export interface PasswordContext {
  email?: string;
  names?: string[];
}

// ~49,000 leaked passwords; built on first use so that importing this file stays cheap.
let commonPasswords: ReadonlySet<string> | undefined;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary.passwords.map((entry) => entry.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** The email's local part and its dot/underscore/plus/hyphen-separated pieces. */
function emailParts(email: string): string[] {
  const at = email.lastIndexOf('@');
  const local = (at === -1 ? email : email.slice(0, at)).trim();
  return [local, ...local.split(/[._+-]+/)];
}

/** Each name as given, and each of its words: "Josiah Carberry" forbids "carberry" too. */
function nameParts(names: readonly string[]): string[] {
  return names.flatMap((name) => [name.trim(), ...name.trim().split(/[\s\-'’]+/)]);
}

function containsAny(password: string, parts: readonly string[]): boolean {
  const haystack = password.toLowerCase();
  return parts.some(
    (part) => [...part].length >= PERSONAL_PART_MIN_LENGTH && haystack.includes(part.toLowerCase()),
  );
}

/** What can be wrong with a password, as codes (the web words each in the page's language). */
export const PASSWORD_PROBLEM_CODES = [
  'password-too-short',
  'password-too-long',
  'password-repeated',
  'password-common',
  'password-has-email',
  'password-has-name',
  'password-not-current',
] as const;

/** One thing wrong with a password: the sentence, and its code and values for other languages. */
export interface PasswordProblem {
  message: string;
  code: (typeof PASSWORD_PROBLEM_CODES)[number];
  values?: Record<string, number>;
}

/**
 * The problems with a new password (none means acceptable). Length and a leaked-password list,
 * as NIST SP 800-63B advises, rather than composition rules; plus the user's own email and names,
 * which an attacker targeting the account would try first.
 */
export function passwordProblems(
  password: string,
  context: PasswordContext = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
      code: 'password-too-short',
      values: { min: PASSWORD_MIN_LENGTH },
    });
  }
  if (characters.length > PASSWORD_MAX_LENGTH) {
    problems.push({
      message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
      code: 'password-too-long',
      values: { max: PASSWORD_MAX_LENGTH },
    });
  }
  if (characters.length > 0 && characters.every((character) => character === characters[0])) {
    problems.push({
      message: 'The password must not be a single character repeated.',
      code: 'password-repeated',
    });
  }
  if (isCommonPassword(password)) {
    problems.push({
      message: 'The password is too common: it appears in lists of leaked passwords.',
      code: 'password-common',
    });
  }
  if (context.email && containsAny(password, emailParts(context.email))) {
    problems.push({
      message: 'The password must not contain your email address.',
      code: 'password-has-email',
    });
  }
  if (context.names && containsAny(password, nameParts(context.names))) {
    problems.push({
      message: 'The password must not contain your name.',
      code: 'password-has-name',
    });
  }
  return problems;
}

/** The sentences of passwordProblems. */
export function checkPassword(password: string, context: PasswordContext = {}): string[] {
  return passwordProblems(password, context).map((problem) => problem.message);
}

/** Refuses a new password with a 400 naming `field`, with every problem it has. */
export function assertPasswordAcceptable(
  field: string,
  password: string,
  context: { email: string; names?: PersonNames },
): void {
  const problems = passwordProblems(password, {
    email: context.email,
    names: nameStrings(context.names),
  });
  if (problems.length > 0)
    throw new RequestValidationException([
      {
        field,
        messages: problems.map((problem) => problem.message),
        codes: problems.map(({ code, values }) => ({ code, values })),
      },
    ]);
}
