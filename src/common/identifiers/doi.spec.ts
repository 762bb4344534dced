import { isValidDoiPrefix, renderDoiSuffix, validateDoiSuffixPattern } from './doi';

describe('DOI prefix', () => {
  it.each(['10.1000', '10.32013', '10.1000.10', '10.123456789', '10.1000.1.2'])(
    'accepts %s',
    (prefix) => {
      expect(isValidDoiPrefix(prefix)).toBe(true);
    },
  );

  it.each([
    ['10.123', 'a 3-digit registrant code'],
    ['10.1234567890', 'a 10-digit registrant code'],
    ['11.1000', 'a directory indicator other than 10'],
    ['10.1000/xyz', 'a whole DOI, not a prefix'],
    ['10.1000.', 'a trailing dot'],
    ['10.abcd', 'letters'],
    [' 10.1000', 'a leading space'],
    ['', 'empty'],
  ])('refuses %s (%s)', (prefix) => {
    expect(isValidDoiPrefix(prefix)).toBe(false);
  });
});

describe('DOI suffix pattern', () => {
  it.each([
    'jrnl.{year}.{article}',
    'tahkim.v{volume}i{issue}.{article}',
    '{journal}/{submission}',
    'a_b;(c):{year}-{article}',
    '{article}',
  ])('accepts %s', (pattern) => {
    expect(validateDoiSuffixPattern(pattern)).toEqual([]);
  });

  it('refuses an empty pattern', () => {
    expect(validateDoiSuffixPattern('')).toEqual(['the pattern must not be empty']);
  });

  it('requires {article} or {submission} so DOIs differ', () => {
    expect(validateDoiSuffixPattern('jrnl.{year}.{issue}')).toEqual([
      'the pattern must contain {article} or {submission} so that every DOI differs',
    ]);
  });

  it('names an unknown field and lists the known ones', () => {
    expect(validateDoiSuffixPattern('jrnl.{page}.{article}')).toEqual([
      '{page} is not a known field (known: {journal}, {year}, {volume}, {issue}, {article}, {submission})',
    ]);
  });

  it('lists characters that would need percent-encoding', () => {
    expect(validateDoiSuffixPattern('jrnl #{article}?')).toEqual([
      'these characters are not allowed: " ", "#", "?" (use only letters A-Z, digits and . _ ; ( ) / : -)',
    ]);
  });

  it('refuses non-ASCII letters', () => {
    expect(validateDoiSuffixPattern('مجلة.{article}')).toHaveLength(1);
  });

  it('reports braces left unmatched', () => {
    expect(validateDoiSuffixPattern('jrnl.{article')).toEqual([
      'the "{" at position 6 is never closed with "}"',
      'the pattern must contain {article} or {submission} so that every DOI differs',
    ]);
    expect(validateDoiSuffixPattern('jrnl.{article}}')).toEqual([
      'the "}" at position 15 has no opening "{"',
    ]);
    expect(validateDoiSuffixPattern('{{article}')).toEqual([
      'the "{" at position 1 is never closed with "}"',
    ]);
  });

  it('limits the length to 100 characters', () => {
    const atLimit = `${'a'.repeat(91)}{article}`;
    expect(atLimit).toHaveLength(100);
    expect(validateDoiSuffixPattern(atLimit)).toEqual([]);
    expect(validateDoiSuffixPattern(`a${atLimit}`)).toEqual([
      'the pattern must be at most 100 characters (it has 101)',
    ]);
  });
});

describe('renderDoiSuffix', () => {
  it('substitutes every field, numbers included', () => {
    expect(
      renderDoiSuffix('{journal}.v{volume}i{issue}.{year}.{article}', {
        journal: 'tahkim',
        volume: 3,
        issue: 2,
        year: 2025,
        article: 17,
      }),
    ).toBe('tahkim.v3i2.2025.17');
  });

  it('ignores values for fields the pattern does not use', () => {
    expect(renderDoiSuffix('x.{submission}', { submission: 'S42', year: 2025 })).toBe('x.S42');
  });

  it('throws when a used field has no value', () => {
    expect(() => renderDoiSuffix('jrnl.{year}.{article}', { article: 5 })).toThrow(
      'No value for {year}',
    );
    expect(() => renderDoiSuffix('jrnl.{article}', { article: '' })).toThrow(
      'No value for {article}',
    );
  });

  it('throws on an invalid pattern', () => {
    expect(() => renderDoiSuffix('jrnl.{year}', { year: 2025 })).toThrow(
      'Invalid DOI suffix pattern',
    );
  });

  it('throws when a value would put an unsafe character into the DOI', () => {
    expect(() =>
      renderDoiSuffix('{journal}.{article}', { journal: 'my journal', article: 1 }),
    ).toThrow('contains " "');
  });
});
