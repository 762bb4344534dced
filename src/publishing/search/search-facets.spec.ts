import { facetsOf, type MatchGroup } from './search-facets';

const groups: MatchGroup[] = [
  { sectionId: 'research', year: 2025, languages: ['ar', 'en'], count: 5 },
  { sectionId: 'research', year: 2024, languages: ['ar'], count: 3 },
  { sectionId: 'reports', year: 2025, languages: ['fr', 'en'], count: 2 },
  { sectionId: 'reports', year: 2024, languages: ['ar', 'en', 'fr'], count: 1 },
];

describe('facetsOf', () => {
  it('counts every match by section, year (newest first) and language when nothing is chosen', () => {
    expect(facetsOf(groups, {})).toEqual({
      total: 11,
      facets: {
        sections: [
          { sectionId: 'research', count: 8 },
          { sectionId: 'reports', count: 3 },
        ],
        years: [
          { year: 2025, count: 7 },
          { year: 2024, count: 4 },
        ],
        languages: [
          { language: 'ar', count: 9 },
          { language: 'en', count: 8 },
          { language: 'fr', count: 3 },
        ],
      },
    });
  });

  it('counts each facet with the other filters, its own left out', () => {
    const { total, facets } = facetsOf(groups, { year: 2025, language: 'en' });
    expect(total).toBe(7);
    // Sections: in 2025 and in English.
    expect(facets.sections).toEqual([
      { sectionId: 'research', count: 5 },
      { sectionId: 'reports', count: 2 },
    ]);
    // Years: in English, any year.
    expect(facets.years).toEqual([
      { year: 2025, count: 7 },
      { year: 2024, count: 1 },
    ]);
    // Languages: in 2025, any language.
    expect(facets.languages).toEqual([
      { language: 'ar', count: 5 },
      { language: 'en', count: 7 },
      { language: 'fr', count: 2 },
    ]);
  });

  it('leaves out what has no match, keeps the other choices of a chosen facet, and counts nothing when nothing matched', () => {
    const { total, facets } = facetsOf(groups, { sectionId: 'reports', language: 'ar' });
    expect(total).toBe(1);
    expect(facets.years).toEqual([{ year: 2024, count: 1 }]);
    // Every section with Arabic matches, the one chosen and the others.
    expect(facets.sections).toEqual([
      { sectionId: 'research', count: 8 },
      { sectionId: 'reports', count: 1 },
    ]);
    expect(facets.languages).toEqual([
      { language: 'ar', count: 1 },
      { language: 'en', count: 3 },
      { language: 'fr', count: 3 },
    ]);
    expect(facetsOf([], {})).toEqual({
      total: 0,
      facets: { sections: [], years: [], languages: [] },
    });
  });
});
