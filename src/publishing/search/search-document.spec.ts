import { SUPPORTED_LOCALES } from '../../common/i18n/locale';
import {
  LANGUAGE_BITS,
  languageMaskOf,
  languagesOfMask,
  searchDocumentOf,
  sharedWithAbstract,
} from './search-document';

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

  it('keeps of the abstracts what they share with the keywords and names', () => {
    // «التطوع» and «الرقمي» are keywords, and in the abstract too.
    const shared = document.abstractOverlap.split(' ');
    expect(shared).toEqual(expect.arrayContaining(['التطوع', 'الرقمي']));
    expect(shared).not.toContain('platforms');
  });
});

describe('sharedWithAbstract', () => {
  const abstract = ['والتطوعيه', 'منصات', 'volunteering', 'at', 'floods', 'in', 'رابط'];
  const others = ['التطوعي', 'volunteers', 'in', 'rabat', 'ابط', 'rabatvolunt'];
  const shared = sharedWithAbstract(abstract, others);
  const inAbstract = (term: string) => abstract.some((word) => word.includes(term));
  const inShared = (term: string) => shared.some((piece) => piece.includes(term));

  it('holds a word of three letters or more of the others exactly when the abstract has it', () => {
    // Every piece of every other word, of three letters or more: found alike.
    for (const word of others)
      for (let from = 0; from < word.length; from++)
        for (let to = from + 3; to <= word.length; to++) {
          const term = word.slice(from, to);
          expect({ term, shared: inShared(term) }).toEqual({ term, shared: inAbstract(term) });
        }
  });

  it('holds a short word whole exactly when the abstract has it whole', () => {
    expect(shared).toContain('in');
    expect(shared).not.toContain('at');
  });

  it('keeps the longest pieces only, and nothing of a word the abstract does not share', () => {
    // «rabat» shares nothing; of "rabatvolunt", "volunt"; of «التطوعي», all (in «والتطوعيه»).
    expect([...shared].sort()).toEqual(['in', 'volunt', 'volunteer', 'ابط', 'التطوعي'].sort());
  });
});

describe('language masks', () => {
  it('give each language a bit of its own', () => {
    const bits = SUPPORTED_LOCALES.map((locale) => LANGUAGE_BITS[locale]);
    expect(new Set(bits).size).toBe(bits.length);
    for (const bit of bits) expect(Math.log2(bit) % 1).toBe(0);
  });

  it('read back the languages, in the site’s order', () => {
    expect(languagesOfMask(languageMaskOf(['fr', 'ar']))).toEqual(['ar', 'fr']);
    expect(languagesOfMask(languageMaskOf(['ar', 'en', 'fr']))).toEqual(['ar', 'en', 'fr']);
    expect(languagesOfMask(languageMaskOf([]))).toEqual([]);
  });
});
