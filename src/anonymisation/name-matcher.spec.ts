import { compileNames, findNames, foldForMatching, mentionsAnyName } from './name-matcher';

const find = (text: string, ...names: string[]) => findNames(text, compileNames(names), 'body');

describe('foldForMatching', () => {
  it('strips harakat and tatweel and unifies alef, alef maqsura and taa marbuta', () => {
    expect(foldForMatching('لَيْلَى بَنْعَلِي')).toBe(foldForMatching('ليلي بنعلي'));
    expect(foldForMatching('لـــيلى')).toBe('ليلي');
    expect(foldForMatching('أإآٱا')).toBe('ااااا');
    expect(foldForMatching('فاطمة')).toBe('فاطمه');
  });

  it('lower-cases Latin, drops accents and collapses whitespace', () => {
    expect(foldForMatching('  HÉLÈNE\u00a0\n Dupré ')).toBe('helene dupre');
  });
});

describe('compileNames', () => {
  it('searches the full name and a family name of four letters or more', () => {
    expect(compileNames(['Leila Benali']).map((t) => t.display)).toEqual([
      'Leila Benali',
      'Benali',
    ]);
    expect(compileNames(['Sami Ali']).map((t) => t.display)).toEqual(['Sami Ali']);
    // Diacritics do not count towards the four letters: «عَلِي» is three.
    expect(compileNames(['سامي عَلِي']).map((t) => t.display)).toEqual(['سامي عَلِي']);
  });

  it('ignores blank names and duplicates that differ only in case or diacritics', () => {
    expect(compileNames(['', '   ', 'Leila Benali', 'LEILA  BENALI'])).toHaveLength(2);
  });
});

describe('findNames', () => {
  it('matches Latin names case-insensitively, the full name before the family name', () => {
    const warnings = find(
      'As LEILA BENALI argued in an earlier study (benali 2019), diglossia persists.',
      'Leila Benali',
    );
    expect(warnings.map((w) => [w.name, w.location])).toEqual([
      ['Leila Benali', 'body'],
      ['Benali', 'body'],
    ]);
    expect(warnings[0].excerpt).toContain('LEILA BENALI');
    expect(warnings[1].excerpt).toContain('(benali 2019)');
  });

  it('matches an Arabic name written with harakat, tatweel or other alef and yeh forms', () => {
    const text = 'قالت لَيْلَى بَنْعَلِي في بحثها، ثم أعادت لـيلى بنعلى النظر.';
    const warnings = find(text, 'ليلى بنعلي');
    expect(warnings.map((w) => w.name)).toEqual(['ليلى بنعلي', 'ليلى بنعلي']);
    expect(warnings[0].excerpt).toContain('لَيْلَى بَنْعَلِي');
    expect(warnings[1].excerpt).toContain('لـيلى بنعلى');
    expect(find('كتب إدريس العلوي', 'ادريس العلوي')).toHaveLength(1);
  });

  it('finds a family name behind Arabic proclitics, but not inside another word', () => {
    expect(find('كما أشار وبنعلي إلى ذلك', 'ليلى بنعلي').map((w) => w.name)).toEqual(['بنعلي']);
    expect(find('The Benalia corpus and Abenali', 'Leila Benali')).toEqual([]);
  });

  it('matches accented French names written without accents, and across line breaks', () => {
    expect(find('Selon Helene\n  Dupre (2020)', 'Hélène Dupré')).toHaveLength(1);
  });

  it('does not search a short family name on its own', () => {
    expect(find('Ali said nothing; Sami Ali did.', 'Sami Ali').map((w) => w.excerpt)).toEqual([
      'Ali said nothing; Sami Ali did.',
    ]);
  });

  it('keeps the excerpt to about sixty characters around the match', () => {
    const text = `${'x '.repeat(100)}Leila Benali${' y'.repeat(100)}`;
    const [warning] = find(text, 'Leila Benali');
    expect(warning.excerpt).toMatch(/^….*Leila Benali.*…$/u);
    expect(warning.excerpt.length).toBeLessThanOrEqual(12 + 2 * 25 + 2);
    expect(warning.excerpt.length).toBeGreaterThanOrEqual(50);
  });

  it('never cuts a surrogate pair when trimming the excerpt', () => {
    for (let pad = 0; pad < 4; pad++) {
      const gap = ' '.repeat(pad + 1); // shifts the cut points across both halves of a pair
      const text = `${'😀'.repeat(20)}${gap}Leila Benali${gap}${'😀'.repeat(20)}`;
      const [warning] = find(text, 'Leila Benali');
      // A lone surrogate would not survive a UTF-8 round trip.
      expect(Buffer.from(warning.excerpt, 'utf8').toString('utf8')).toBe(warning.excerpt);
    }
  });

  it('stops at fifty warnings per text', () => {
    expect(find('Benali et al. '.repeat(120), 'Leila Benali')).toHaveLength(50);
  });

  it('finds nothing when no names are given', () => {
    expect(find('Leila Benali')).toEqual([]);
    expect(mentionsAnyName('Leila Benali', [])).toBe(false);
  });
});

describe('mentionsAnyName', () => {
  it('is true only for a whole-word mention', () => {
    const terms = compileNames(['Leila Benali']);
    expect(mentionsAnyName('Draft by L. BENALI', terms)).toBe(true);
    expect(mentionsAnyName('Benalia corpus', terms)).toBe(false);
  });
});
