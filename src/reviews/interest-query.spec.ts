import { interestQuery, interestsQuery } from './interest-query';

describe('interest queries', () => {
  it('folds Latin words to prefixes and drops short and common words', () => {
    expect(interestQuery('Civil Society and the State')).toBe('civil:* & society:* & state:*');
  });

  it('matches Arabic words with or without the article', () => {
    expect(interestQuery('التطوّع')).toBe('(تطوع:* | التطوع:*)');
    expect(interestQuery('تطوع')).toBe('(تطوع:* | التطوع:*)');
  });

  it('joins interests with OR and gives null when nothing is usable', () => {
    expect(interestsQuery(['NGOs', 'de'])).toBe('(ngos:*)');
    expect(interestsQuery(['of', ''])).toBeNull();
    expect(interestsQuery(['youth', 'العمل الأهلي'])).toBe(
      '(youth:*) | ((عمل:* | العمل:*) & (اهلي:* | الاهلي:*))',
    );
  });
});
