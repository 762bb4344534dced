import { identifyIssue } from './issue-identification';

const issue = {
  volume: 3,
  number: 2,
  year: 2027,
  titles: { ar: 'العمل التطوعي والمدينة', en: 'Volunteering and the city' },
  showVolume: true,
  showNumber: true,
  showYear: true,
  showTitle: false,
};

describe('identifyIssue', () => {
  it('names an issue in each language as journals print it', () => {
    expect(identifyIssue(issue, 'en')).toBe('Vol. 3, No. 2 (2027)');
    expect(identifyIssue(issue, 'ar')).toBe('المجلد 3، العدد 2 (2027)');
    expect(identifyIssue(issue, 'fr')).toBe('Vol. 3, n° 2 (2027)');
  });

  it('shows only the parts the journal chose, with the title in the language asked', () => {
    const titled = { ...issue, showVolume: false, showTitle: true };
    expect(identifyIssue(titled, 'en')).toBe('No. 2 (2027): Volunteering and the city');
    expect(identifyIssue(titled, 'ar')).toBe('العدد 2 (2027): العمل التطوعي والمدينة');
    // No French title: the journal's other title stands in, after a no-break space and colon.
    expect(identifyIssue(titled, 'fr')).toMatch(/^n° 2 \(2027\)\u00A0: /);
    expect(
      identifyIssue({ ...issue, showVolume: false, showNumber: false, showTitle: false }, 'en'),
    ).toBe('2027');
  });
});
