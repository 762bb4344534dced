// Directory indicator 10, a registrant code of 4–9 digits (Crossref's matcher), and optional
// `.digits` sub-parts such as 10.1000.10. Digits and dots only: DOI prefixes have nothing else.
const DOI_PREFIX_FORMAT = /^10\.\d{4,9}(?:\.\d+)*$/;

/** Fields a journal may use in its DOI suffix pattern, written `{name}`. */
export const DOI_SUFFIX_FIELDS = [
  'journal',
  'year',
  'volume',
  'issue',
  'article',
  'submission',
] as const;
export type DoiSuffixField = (typeof DOI_SUFFIX_FIELDS)[number];

export const DOI_SUFFIX_PATTERN_MAX_LENGTH = 100;

// Crossref's recommended suffix characters: nothing that needs percent-encoding in a URL.
const SAFE_SUFFIX_CHARACTER = /^[A-Za-z0-9._;()/:-]$/;
const SAFE_SUFFIX_CHARACTERS_TEXT = 'letters A-Z, digits and . _ ; ( ) / : -';

// Without one of these, two articles of the same issue would get the same DOI.
const DISTINGUISHING_FIELDS: readonly DoiSuffixField[] = ['article', 'submission'];

function isField(name: string): name is DoiSuffixField {
  return (DOI_SUFFIX_FIELDS as readonly string[]).includes(name);
}

const KNOWN_FIELDS_TEXT = DOI_SUFFIX_FIELDS.map((name) => `{${name}}`).join(', ');

type SuffixToken = { kind: 'text'; text: string } | { kind: 'field'; name: string };

/** Splits a pattern into literal text and `{…}` fields, recording brace problems. */
function tokenize(pattern: string): { tokens: SuffixToken[]; problems: string[] } {
  const tokens: SuffixToken[] = [];
  const problems: string[] = [];
  let index = 0;
  while (index < pattern.length) {
    const character = pattern[index];
    if (character === '{') {
      const close = pattern.indexOf('}', index + 1);
      const nextOpen = pattern.indexOf('{', index + 1);
      if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
        problems.push(`the "{" at position ${index + 1} is never closed with "}"`);
        index += 1;
        continue;
      }
      tokens.push({ kind: 'field', name: pattern.slice(index + 1, close) });
      index = close + 1;
    } else if (character === '}') {
      problems.push(`the "}" at position ${index + 1} has no opening "{"`);
      index += 1;
    } else {
      tokens.push({ kind: 'text', text: character });
      index += 1;
    }
  }
  return { tokens, problems };
}

/** True for `10.1000`, `10.32013`, `10.1000.10`; the prefix alone, without `/` or a suffix. */
export function isValidDoiPrefix(value: string): boolean {
  return DOI_PREFIX_FORMAT.test(value);
}

/**
 * Human-readable problems with a journal's DOI suffix pattern, e.g. `jrnl.{year}.{article}`;
 * an empty array means the pattern is usable.
 */
export function validateDoiSuffixPattern(pattern: string): string[] {
  if (pattern.length === 0) return ['the pattern must not be empty'];
  const problems: string[] = [];
  if (pattern.length > DOI_SUFFIX_PATTERN_MAX_LENGTH) {
    problems.push(
      `the pattern must be at most ${DOI_SUFFIX_PATTERN_MAX_LENGTH} characters (it has ${pattern.length})`,
    );
  }
  const { tokens, problems: braceProblems } = tokenize(pattern);
  problems.push(...braceProblems);

  const unsafe = new Set<string>();
  const unknown = new Set<string>();
  const used = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'text') {
      if (!SAFE_SUFFIX_CHARACTER.test(token.text)) unsafe.add(token.text);
    } else if (isField(token.name)) {
      used.add(token.name);
    } else {
      unknown.add(token.name);
    }
  }
  if (unsafe.size > 0) {
    const listed = [...unsafe].map((character) => JSON.stringify(character)).join(', ');
    problems.push(
      `these characters are not allowed: ${listed} (use only ${SAFE_SUFFIX_CHARACTERS_TEXT})`,
    );
  }
  for (const name of unknown) {
    problems.push(`{${name}} is not a known field (known: ${KNOWN_FIELDS_TEXT})`);
  }
  if (!DISTINGUISHING_FIELDS.some((name) => used.has(name))) {
    problems.push('the pattern must contain {article} or {submission} so that every DOI differs');
  }
  return problems;
}

/**
 * Fills a valid pattern's fields. Throws when the pattern is invalid, when a field it
 * uses has no value, or when a value would put a character outside the safe set into the DOI.
 */
export function renderDoiSuffix(
  pattern: string,
  values: Partial<Record<DoiSuffixField, string | number>>,
): string {
  const problems = validateDoiSuffixPattern(pattern);
  if (problems.length > 0) {
    throw new Error(
      `Invalid DOI suffix pattern ${JSON.stringify(pattern)}: ${problems.join('; ')}`,
    );
  }
  return tokenize(pattern)
    .tokens.map((token) => {
      if (token.kind === 'text') return token.text;
      const value = values[token.name as DoiSuffixField];
      if (value === undefined || value === null || value === '') {
        throw new Error(
          `No value for {${token.name}} in DOI suffix pattern ${JSON.stringify(pattern)}`,
        );
      }
      const text = String(value);
      for (const character of text) {
        if (!SAFE_SUFFIX_CHARACTER.test(character)) {
          throw new Error(
            `The value ${JSON.stringify(text)} for {${token.name}} contains ${JSON.stringify(character)}; DOI suffixes allow only ${SAFE_SUFFIX_CHARACTERS_TEXT}`,
          );
        }
      }
      return text;
    })
    .join('');
}
