import { isValidOrcid, normalizeOrcid, orcidUrl } from './orcid';

describe('ORCID iD check character (ISO 7064 MOD 11-2)', () => {
  it.each([
    ['0000-0002-1825-0097', 'the README worked example (Josiah Carberry)'],
    ['0000-0002-9079-593X', 'the README check character X'],
    ['0000-0002-9079-593x', 'a lower-case x'],
    ['0000-0001-5000-0007', 'the start of the ISNI-compatible block'],
    ['https://orcid.org/0000-0002-1825-0097', 'the https URL'],
    ['http://orcid.org/0000-0002-1825-0097', 'the older http URL'],
    ['  0000-0002-1825-0097 ', 'surrounding spaces'],
  ])('accepts %s (%s)', (orcid) => {
    expect(isValidOrcid(orcid)).toBe(true);
  });

  it.each([
    ['0000-0002-1825-0098', 'a wrong check digit'],
    ['0000-0002-9079-5930', 'X expected, 0 given'],
    ['0000-0002-1825-009', '15 characters'],
    ['0000-0002-1825-00977', '17 characters'],
    ['0000000218250097', 'no hyphens'],
    ['000-00002-1825-0097', 'hyphens in the wrong places'],
    ['X000-0002-1825-0097', 'X outside the check position'],
    ['000A-0002-1825-0097', 'a letter'],
    ['https://orcid.com/0000-0002-1825-0097', 'the wrong host'],
    ['https://www.orcid.org/0000-0002-1825-0097', 'a www host'],
    ['https://orcid.org/0000-0002-1825-0097/', 'a trailing slash'],
    ['ftp://orcid.org/0000-0002-1825-0097', 'another scheme'],
    ['', 'empty'],
  ])('refuses %s (%s)', (orcid) => {
    expect(isValidOrcid(orcid)).toBe(false);
  });

  it('normalises to the bare upper-case form', () => {
    expect(normalizeOrcid('https://orcid.org/0000-0002-9079-593x')).toBe('0000-0002-9079-593X');
    expect(normalizeOrcid('0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(normalizeOrcid('0000-0002-1825-0096')).toBeNull();
  });

  it('builds the https URL, and refuses to build one for an invalid iD', () => {
    expect(orcidUrl('0000-0002-1825-0097')).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(orcidUrl('0000-0002-9079-593x')).toBe('https://orcid.org/0000-0002-9079-593X');
    expect(() => orcidUrl('0000-0002-1825-0098')).toThrow(RangeError);
  });
});
