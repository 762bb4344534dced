import { overlapping, searchDocumentOf } from './search-document';
import { searchTerms } from './search-text';

const version = {
  metadata: {
    ar: {
      title: 'التطوّع الرقمي في دول الخليج',
      subtitle: 'المنصّات والمتطوّعون',
      abstract: 'تدرس هذه المقالة منصات التطوع الرقمي الوطنية، ومسؤولية الأسرة.',
      keywords: ['التطوع الرقمي', 'الخليج'],
    },
    en: {
      title: 'Digital volunteering in the Gulf',
      abstract: 'This article studies national platforms.',
      keywords: ['Gulf'],
    },
    fr: { title: '', abstract: 'Résumé sans titre.' },
  },
  contributors: [
    {
      names: {
        Arab: { given: 'مريم', family: 'السيد' },
        Latn: { given: 'Maryam', family: 'Al-Sayed' },
      },
    },
    { names: { Latn: { given: 'Hélène', family: 'Lefèvre' } } },
  ],
};

describe('searchDocumentOf', () => {
  const document = searchDocumentOf(version);

  it('normalises titles with subtitles, keywords and every name in every script', () => {
    expect(document.title).toBe(
      'التطوع الرقمي في دول الخليج المنصات والمتطوعون digital volunteering in the gulf',
    );
    expect(document.keywords).toBe('التطوع الرقمي الخليج gulf');
    expect(document.authors).toBe('مريم السيد maryam al sayed helene lefevre');
  });

  it('counts the languages the article has a title in', () => {
    expect(document.languages).toEqual(['ar', 'en']);
  });

  it('lists every distinct word of every field once, the abstracts’ included', () => {
    expect(document.words).toEqual([...new Set(document.words)].sort());
    for (const word of ['الرقمي', 'ومسووليه', 'الاسره', 'platforms', 'resume', 'lefevre', 'gulf'])
      expect(document.words).toContain(word);
  });

  it('keeps of the abstracts the words that may hold a word also in the keywords or names', () => {
    // «التطوع» and «الرقمي» are keywords: the abstract's «التطوع», «الرقمي» share their letters.
    const overlap = document.abstractOverlap.split(' ');
    expect(overlap).toEqual(expect.arrayContaining(['التطوع', 'الرقمي']));
    expect(overlap).not.toContain('platforms');
  });
});

describe('overlapping', () => {
  it('keeps every abstract word that contains a search word found in another field', () => {
    const abstract = ['والتطوعيه', 'منصات', 'volunteering', 'at', 'floods', 'in'];
    const others = ['التطوع', 'volunteers', 'in', 'rabat'];
    const kept = overlapping(abstract, others);
    // Each search word of three letters or more found in both is found in a kept word.
    for (const term of searchTerms('تطوع التطوع volunt'))
      expect(kept.some((word) => word.includes(term))).toBe(true);
    // A short word is found only whole: kept only if equal.
    expect(kept).toContain('in');
    expect(kept).not.toContain('at');
    expect(kept).not.toContain('floods');
    expect(kept).not.toContain('منصات');
  });
});
