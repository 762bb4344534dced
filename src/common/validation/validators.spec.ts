import { IsOptional, validateSync, type ValidationError } from 'class-validator';
import { type LocalizedText } from '../i18n/locale';
import {
  CREATIVE_COMMONS_LICENCE_NAMES,
  CREATIVE_COMMONS_LICENCES,
  IsCreativeCommonsLicence,
  IsDoiPrefix,
  IsDoiSuffixPattern,
  IsIssn,
  IsLocalizedText,
  IsOrcid,
  IsRorId,
  IsSupportedLocale,
} from './validators';

/** The messages per property, e.g. `{ issn: ['issn must be a valid ISSN …'] }`; `{}` when valid. */
function messages(target: object): Record<string, string[]> {
  const errors: ValidationError[] = validateSync(target);
  return Object.fromEntries(
    errors.map((error) => [error.property, Object.values(error.constraints ?? {})]),
  );
}

function build<T extends object>(type: new () => T, values: Partial<T>): T {
  return Object.assign(new type(), values);
}

class IdentifiersDto {
  @IsIssn() issn: unknown;
  @IsOrcid() orcid: unknown;
  @IsRorId() ror: unknown;
  @IsDoiPrefix() doiPrefix: unknown;
  @IsDoiSuffixPattern() doiSuffixPattern: unknown;
  @IsSupportedLocale() locale: unknown;
  @IsCreativeCommonsLicence() licence: unknown;
}

const validIdentifiers = {
  issn: '2434-561X',
  orcid: 'https://orcid.org/0000-0002-1825-0097',
  ror: 'https://ror.org/03yrm5c26',
  doiPrefix: '10.32013',
  doiSuffixPattern: 'jrnl.{year}.{article}',
  locale: 'ar',
  licence: 'https://creativecommons.org/licenses/by/4.0/',
};

describe('identifier and option decorators', () => {
  it('accept valid values', () => {
    expect(messages(build(IdentifiersDto, validIdentifiers))).toEqual({});
  });

  it('refuse invalid values with a message naming what is expected', () => {
    const result = messages(
      build(IdentifiersDto, {
        issn: '2434-5610',
        orcid: '0000-0002-1825-0098',
        ror: 'https://ror.org/03yrm5c62',
        doiPrefix: '10.123',
        doiSuffixPattern: 'jrnl.{page}',
        locale: 'de',
        licence: 'https://creativecommons.org/licenses/by/4.0',
      }),
    );
    expect(result).toEqual({
      issn: ['issn must be a valid ISSN (NNNN-NNNC with a correct check digit)'],
      orcid: [
        'orcid must be a valid ORCID iD (0000-0000-0000-000X or https://orcid.org/0000-0000-0000-000X, with a correct check digit)',
      ],
      ror: [
        'ror must be a valid ROR ID (https://ror.org/0xxxxxxNN or 0xxxxxxNN, with a correct checksum)',
      ],
      doiPrefix: [
        'doiPrefix must be a DOI prefix: "10." and a registrant code of 4 to 9 digits, e.g. 10.32013',
      ],
      doiSuffixPattern: [
        'doiSuffixPattern is not a usable DOI suffix pattern: {page} is not a known field (known: {journal}, {year}, {volume}, {issue}, {article}, {submission}); the pattern must contain {article} or {submission} so that every DOI differs',
      ],
      locale: ['locale must be one of the supported languages (ar, en, fr)'],
      licence: [
        expect.stringContaining('licence must be one of the Creative Commons licence URLs'),
      ],
    });
  });

  it('refuse non-strings', () => {
    const result = messages(
      build(IdentifiersDto, {
        ...validIdentifiers,
        issn: 24345610,
        doiSuffixPattern: ['{article}'],
        locale: undefined,
      }),
    );
    expect(Object.keys(result).sort()).toEqual(['doiSuffixPattern', 'issn', 'locale']);
    expect(result.doiSuffixPattern).toEqual([
      'doiSuffixPattern must be a DOI suffix pattern such as jrnl.{year}.{article}',
    ]);
  });

  it('key errors by the constraint name', () => {
    const [error] = validateSync(build(IdentifiersDto, { ...validIdentifiers, orcid: 'x' }));
    expect(Object.keys(error.constraints ?? {})).toEqual(['isOrcid']);
  });
});

describe('Creative Commons licences', () => {
  it('are the six CC 4.0 licences and CC0, each with a short name', () => {
    expect(CREATIVE_COMMONS_LICENCES).toHaveLength(7);
    expect(
      CREATIVE_COMMONS_LICENCE_NAMES['https://creativecommons.org/licenses/by-nc-sa/4.0/'],
    ).toBe('CC BY-NC-SA 4.0');
    expect(
      CREATIVE_COMMONS_LICENCE_NAMES['https://creativecommons.org/publicdomain/zero/1.0/'],
    ).toBe('CC0 1.0');
    expect(Object.keys(CREATIVE_COMMONS_LICENCE_NAMES).sort()).toEqual(
      [...CREATIVE_COMMONS_LICENCES].sort(),
    );
  });

  it.each(CREATIVE_COMMONS_LICENCES)('accepts %s', (licence) => {
    expect(messages(build(IdentifiersDto, { ...validIdentifiers, licence }))).toEqual({});
  });

  it.each([
    'http://creativecommons.org/licenses/by/4.0/',
    'https://creativecommons.org/licenses/by/3.0/',
    'https://creativecommons.org/licenses/by/4.0/legalcode',
    'https://creativecommons.org/licenses/BY/4.0/',
    'CC BY 4.0',
  ])('refuses %s', (licence) => {
    expect(Object.keys(messages(build(IdentifiersDto, { ...validIdentifiers, licence })))).toEqual([
      'licence',
    ]);
  });
});

class JournalDto {
  @IsLocalizedText({ maxLength: 300, required: true }) titles: unknown;
  @IsOptional() @IsLocalizedText({ maxLength: 10 }) abbreviations?: unknown;
}

describe('IsLocalizedText', () => {
  it.each<[LocalizedText, string]>([
    [{ ar: 'مجلة التحكيم' }, 'Arabic only'],
    [{ ar: 'مجلة', en: 'Journal', fr: 'Revue' }, 'all three languages'],
    [{ en: 'x'.repeat(300) }, 'exactly the maximum length'],
    [{ ar: 'ب'.repeat(300) }, 'the maximum length in Arabic'],
  ])('accepts %j (%s)', (titles) => {
    expect(messages(build(JournalDto, { titles }))).toEqual({});
  });

  it('accepts an empty object when not required, and an absent field with @IsOptional', () => {
    expect(messages(build(JournalDto, { titles: { en: 'T' }, abbreviations: {} }))).toEqual({});
    expect(messages(build(JournalDto, { titles: { en: 'T' } }))).toEqual({});
  });

  it.each([
    [{ en: 'Journal', de: 'Zeitschrift' }, 'titles.de is not a supported language (ar, en, fr)'],
    [{ en: 42 }, 'titles.en must be a string'],
    [{ fr: '   ' }, 'titles.fr must not be empty'],
    [{ ar: 'ب'.repeat(301) }, 'titles.ar must be at most 300 characters'],
    [{}, 'titles must have a text in at least one language (ar, en, fr)'],
    ['Journal', 'titles must be an object with a text per language (ar, en, fr)'],
    [['Journal'], 'titles must be an object with a text per language (ar, en, fr)'],
    [null, 'titles must be an object with a text per language (ar, en, fr)'],
    [undefined, 'titles must be an object with a text per language (ar, en, fr)'],
  ])('refuses %j: %s', (titles, message) => {
    expect(messages(build(JournalDto, { titles }))).toEqual({ titles: [message] });
  });

  it('counts characters, not UTF-16 code units', () => {
    // Each emoji is one character but two code units.
    expect(
      messages(build(JournalDto, { titles: { en: 'T' }, abbreviations: { en: '😀'.repeat(10) } })),
    ).toEqual({});
    expect(
      messages(build(JournalDto, { titles: { en: 'T' }, abbreviations: { en: '😀'.repeat(11) } })),
    ).toEqual({ abbreviations: ['abbreviations.en must be at most 10 characters'] });
  });

  it('reports every wrong key in one message', () => {
    expect(messages(build(JournalDto, { titles: { ar: 'مجلة', de: 'Z', en: '' } }))).toEqual({
      titles: ['titles.de is not a supported language (ar, en, fr); titles.en must not be empty'],
    });
  });

  it('does not count an unsupported language towards required', () => {
    expect(messages(build(JournalDto, { titles: { de: 'Zeitschrift' } }))).toEqual({
      titles: [
        'titles.de is not a supported language (ar, en, fr); titles must have a text in at least one language (ar, en, fr)',
      ],
    });
  });

  it('refuses objects that are not plain', () => {
    expect(Object.keys(messages(build(JournalDto, { titles: new Map([['ar', 'مجلة']]) })))).toEqual(
      ['titles'],
    );
  });
});
