import {
  registerDecorator,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isLocale, SUPPORTED_LOCALES } from '../i18n/locale';
import { isValidDoiPrefix, validateDoiSuffixPattern } from '../identifiers/doi';
import { isValidIssn } from '../identifiers/issn';
import { isValidOrcid } from '../identifiers/orcid';
import { isValidRorId } from '../identifiers/ror';

/** The licences a journal may publish under: CC 4.0 (all six) and CC0, as exact canonical URLs. */
export const CREATIVE_COMMONS_LICENCES = [
  'https://creativecommons.org/licenses/by/4.0/',
  'https://creativecommons.org/licenses/by-sa/4.0/',
  'https://creativecommons.org/licenses/by-nd/4.0/',
  'https://creativecommons.org/licenses/by-nc/4.0/',
  'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  'https://creativecommons.org/licenses/by-nc-nd/4.0/',
  'https://creativecommons.org/publicdomain/zero/1.0/',
] as const;
export type CreativeCommonsLicence = (typeof CREATIVE_COMMONS_LICENCES)[number];

/** The short names shown to readers, e.g. beside the licence icon. */
export const CREATIVE_COMMONS_LICENCE_NAMES: Readonly<Record<CreativeCommonsLicence, string>> = {
  'https://creativecommons.org/licenses/by/4.0/': 'CC BY 4.0',
  'https://creativecommons.org/licenses/by-sa/4.0/': 'CC BY-SA 4.0',
  'https://creativecommons.org/licenses/by-nd/4.0/': 'CC BY-ND 4.0',
  'https://creativecommons.org/licenses/by-nc/4.0/': 'CC BY-NC 4.0',
  'https://creativecommons.org/licenses/by-nc-sa/4.0/': 'CC BY-NC-SA 4.0',
  'https://creativecommons.org/licenses/by-nc-nd/4.0/': 'CC BY-NC-ND 4.0',
  'https://creativecommons.org/publicdomain/zero/1.0/': 'CC0 1.0',
};

export function isCreativeCommonsLicence(value: unknown): value is CreativeCommonsLicence {
  return (
    typeof value === 'string' && (CREATIVE_COMMONS_LICENCES as readonly string[]).includes(value)
  );
}

const LOCALES_TEXT = SUPPORTED_LOCALES.join(', ');

function register(
  name: string,
  validator: new () => ValidatorConstraintInterface,
  options: ValidationOptions | undefined,
  constraints: unknown[] = [],
): PropertyDecorator {
  return (target, propertyKey) => {
    // class-validator keys its metadata by property name; DTOs never use symbol keys.
    if (typeof propertyKey !== 'string') throw new TypeError(`@${name} needs a string property`);
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyKey,
      options,
      constraints,
      validator,
    });
  };
}

/** A decorator that accepts only strings passing `test`; `$property` is filled in by class-validator. */
function stringRule(
  name: string,
  test: (value: string) => boolean,
  message: string,
): (options?: ValidationOptions) => PropertyDecorator {
  @ValidatorConstraint({ name })
  class StringRuleConstraint implements ValidatorConstraintInterface {
    validate(value: unknown): boolean {
      return typeof value === 'string' && test(value);
    }

    defaultMessage(): string {
      return message;
    }
  }
  return (options) => register(name, StringRuleConstraint, options);
}

export const IsIssn = stringRule(
  'isIssn',
  isValidIssn,
  '$property must be a valid ISSN (NNNN-NNNC with a correct check digit)',
);

export const IsOrcid = stringRule(
  'isOrcid',
  isValidOrcid,
  '$property must be a valid ORCID iD (0000-0000-0000-000X or https://orcid.org/0000-0000-0000-000X, with a correct check digit)',
);

export const IsRorId = stringRule(
  'isRorId',
  isValidRorId,
  '$property must be a valid ROR ID (https://ror.org/0xxxxxxNN or 0xxxxxxNN, with a correct checksum)',
);

export const IsDoiPrefix = stringRule(
  'isDoiPrefix',
  isValidDoiPrefix,
  '$property must be a DOI prefix: "10." and a registrant code of 4 to 9 digits, e.g. 10.32013',
);

export const IsSupportedLocale = stringRule(
  'isSupportedLocale',
  isLocale,
  `$property must be one of the supported languages (${LOCALES_TEXT})`,
);

export const IsCreativeCommonsLicence = stringRule(
  'isCreativeCommonsLicence',
  isCreativeCommonsLicence,
  `$property must be one of the Creative Commons licence URLs: ${CREATIVE_COMMONS_LICENCES.join(', ')}`,
);

@ValidatorConstraint({ name: 'isDoiSuffixPattern' })
class DoiSuffixPatternConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && validateDoiSuffixPattern(value).length === 0;
  }

  defaultMessage(args: ValidationArguments): string {
    if (typeof args.value !== 'string') {
      return `${args.property} must be a DOI suffix pattern such as jrnl.{year}.{article}`;
    }
    const problems = validateDoiSuffixPattern(args.value);
    return `${args.property} is not a usable DOI suffix pattern: ${problems.join('; ')}`;
  }
}

/** A journal's DOI suffix pattern, e.g. `jrnl.{year}.{article}`; the message lists every problem. */
export function IsDoiSuffixPattern(options?: ValidationOptions): PropertyDecorator {
  return register('isDoiSuffixPattern', DoiSuffixPatternConstraint, options);
}

export interface LocalizedTextRule {
  /** Per language, counted in Unicode code points (as PostgreSQL counts varchar length). */
  maxLength: number;
  /** At least one language must have a text. */
  required?: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Keys come from the request; keep a hostile one from filling the error response.
function quoteKey(key: string): string {
  return key.length > 20 ? `${key.slice(0, 20)}…` : key;
}

/**
 * Every problem with a `LocalizedText` value such as `{ ar: '…', en: '…' }`, each naming the
 * offending key (`titles.de is not a supported language (ar, en, fr)`); empty when valid.
 */
export function localizedTextProblems(
  value: unknown,
  rule: LocalizedTextRule,
  property: string,
): string[] {
  if (!isPlainObject(value)) {
    return [`${property} must be an object with a text per language (${LOCALES_TEXT})`];
  }
  const problems: string[] = [];
  const keys = Object.keys(value);
  for (const key of keys) {
    const field = `${property}.${quoteKey(key)}`;
    const text = value[key];
    if (!isLocale(key)) {
      problems.push(`${field} is not a supported language (${LOCALES_TEXT})`);
    } else if (typeof text !== 'string') {
      problems.push(`${field} must be a string`);
    } else if (text.trim() === '') {
      problems.push(`${field} must not be empty`);
    } else if ([...text].length > rule.maxLength) {
      problems.push(`${field} must be at most ${rule.maxLength} characters`);
    }
  }
  if (rule.required && !keys.some(isLocale)) {
    problems.push(`${property} must have a text in at least one language (${LOCALES_TEXT})`);
  }
  return problems;
}

@ValidatorConstraint({ name: 'isLocalizedText' })
class LocalizedTextConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const rule = args.constraints[0] as LocalizedTextRule;
    return localizedTextProblems(value, rule, args.property).length === 0;
  }

  defaultMessage(args: ValidationArguments): string {
    const rule = args.constraints[0] as LocalizedTextRule;
    return localizedTextProblems(args.value, rule, args.property).join('; ');
  }
}

/**
 * A `LocalizedText`: a plain object whose keys are supported locales and whose values are
 * non-blank strings of at most `maxLength` characters. Combine with `@IsOptional()` when the whole
 * field may be absent; `required` is about the languages inside it.
 */
export function IsLocalizedText(
  rule: LocalizedTextRule,
  options?: ValidationOptions,
): PropertyDecorator {
  return register('isLocalizedText', LocalizedTextConstraint, options, [rule]);
}
