import { isValidRorId, normalizeRorId } from './ror';

describe('ROR ID checksum (ISO 7064 MOD 97-10 over Crockford base32)', () => {
  it.each([
    ['https://ror.org/02mhbdp94', 'Universidad de los Andes'],
    ['https://ror.org/03yrm5c26', 'California Digital Library'],
    ['https://ror.org/05dxps055', 'Caltech'],
    ['https://ror.org/00hx57361', 'Princeton University'],
    ['https://ror.org/01k4yrm29', "Crossref's validation example"],
    ['02xn1ny06', 'a zero-padded checksum'],
    ['03yrm5c26', 'the bare form'],
    ['HTTPS://ROR.ORG/03YRM5C26', 'upper case'],
  ])('accepts %s (%s)', (ror) => {
    expect(isValidRorId(ror)).toBe(true);
  });

  it.each([
    ['https://ror.org/01k4yrm30', 'a wrong checksum'],
    ['https://ror.org/03yrm5c62', 'checksum digits swapped'],
    ['https://ror.org/03yrm5d26', 'a changed character'],
    ['https://ror.org/11k4yrm29', 'not starting with 0'],
    ['https://ror.org/01k34yrm29', 'ten characters'],
    ['https://ror.org/01k4yr29', 'eight characters'],
    ['https://ror.org/01kOyrm29', 'the letter O'],
    ['https://ror.org/01kiyrm29', 'the letter i'],
    ['https://ror.org/01klyrm29', 'the letter l'],
    ['https://ror.org/01kuyrm29', 'the letter u'],
    ['02xn1ny6', 'a checksum that is not zero-padded'],
    ['http://ror.org/03yrm5c26', 'http, not https'],
    ['https://www.ror.org/03yrm5c26', 'the wrong host'],
    ['https://ror.org/03yrm5c26/', 'a trailing slash'],
    ['', 'empty'],
  ])('refuses %s (%s)', (ror) => {
    expect(isValidRorId(ror)).toBe(false);
  });

  it('normalises to the lower-case https URL', () => {
    expect(normalizeRorId('03YRM5C26')).toBe('https://ror.org/03yrm5c26');
    expect(normalizeRorId(' https://ror.org/05dxps055 ')).toBe('https://ror.org/05dxps055');
    expect(normalizeRorId('05dxps056')).toBeNull();
  });
});
