import { numberPrefix } from './submission-numberer';

describe('numberPrefix', () => {
  it('takes three letters of the slug, in capitals, and the year', () => {
    expect(numberPrefix('volunteering', 2026)).toBe('VOL-2026-');
    expect(numberPrefix('civil-society-2', 2027)).toBe('CIV-2027-');
  });

  it('keeps fewer letters when the slug has fewer', () => {
    expect(numberPrefix('ab-12', 2026)).toBe('AB-2026-');
  });

  it('falls back to SUB for a slug without letters', () => {
    expect(numberPrefix('2024-42', 2026)).toBe('SUB-2026-');
  });
});
