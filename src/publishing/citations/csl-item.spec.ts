import { toCitableArticle } from './citable-article';
import { citationKey, toCslItem } from './csl-item';
import {
  ARABIC_ARTICLE_ID,
  FRENCH_ARTICLE_ID,
  SITE,
  arabicArticle,
  frenchArticle,
  sampleAddresses,
} from './sample-articles';

const arabic = () => toCitableArticle(arabicArticle(), sampleAddresses(ARABIC_ARTICLE_ID));
const french = () => toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID));

describe('toCslItem', () => {
  it('cites an Arabic article in English: Latin names where they exist, the title with its translation', () => {
    expect(toCslItem(arabic(), 'en')).toEqual({
      id: 'benali2027',
      'citation-key': 'benali2027',
      type: 'article-journal',
      title:
        'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية [The effect of blended learning on university students’ achievement: A field study]',
      'container-title': 'Journal of Educational Studies',
      'container-title-short': 'J. Educ. Stud.',
      ISSN: '2737-8128',
      volume: '12',
      issue: '2',
      page: '15-32',
      DOI: '10.32013/jes.2027.5',
      URL: `${SITE}/en/j/jes/articles/${ARABIC_ARTICLE_ID}`,
      issued: { 'date-parts': [[2027, 3, 15]] },
      language: 'ar',
      author: [
        { family: 'Benali', given: 'Leila' },
        { family: 'El Amrani', given: 'Youssef' },
        // She has no Latin-script name: cited as she is named.
        { family: 'الإدريسي', given: 'سعاد' },
      ],
      publisher: 'Université Mohammed V de Rabat',
      abstract: 'This study examines the effect of blended learning on students’ achievement.',
      keyword: 'blended learning, academic achievement',
    });
  });

  it('cites the same article in Arabic: Arabic names, the title alone, the Arabic journal title', () => {
    const item = toCslItem(arabic(), 'ar');
    expect(item.title).toBe('أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية');
    expect(item['container-title']).toBe('مجلة الدراسات التربوية');
    expect(item.author).toEqual([
      { family: 'بنعلي', given: 'ليلى' },
      { family: 'العمراني', given: 'يوسف' },
      { family: 'الإدريسي', given: 'سعاد' },
    ]);
    expect(item.URL).toBe(`${SITE}/ar/j/jes/articles/${ARABIC_ARTICLE_ID}`);
  });

  it('cites a French article with its accents, its language and the French typography of its subtitle', () => {
    const item = toCslItem(french(), 'fr');
    expect(item).toMatchObject({
      title:
        'L’évaluation formative à l’université\u00A0: pratiques et représentations des enseignants',
      'container-title': 'Revue des études éducatives',
      language: 'fr',
      page: '33-51',
      author: [
        { family: 'Dupré', given: 'Élodie' },
        { family: 'Lemaître', given: 'François-Xavier' },
      ],
    });
    // No Arabic title: cited in Arabic under its own.
    expect(toCslItem(french(), 'ar').title).toBe(item.title);
  });

  it('gives an article number where there are no pages, and a one-name author as a literal', () => {
    const source = frenchArticle();
    Object.assign(source.versions[0], { firstPage: null, lastPage: null, articleNumber: 'e1042' });
    source.versions[0].contributors[1].names = { Latn: { given: 'Nadar' } };
    const item = toCslItem(toCitableArticle(source, sampleAddresses(FRENCH_ARTICLE_ID)), 'en');
    expect(item.page).toBeUndefined();
    expect(item.number).toBe('e1042');
    expect(item.author[1]).toEqual({ literal: 'Nadar' });
  });

  it('dates the citation by the issue’s year, with the day only when it falls in that year', () => {
    const source = arabicArticle();
    source.versions[0].publishedAt = new Date('2026-12-30T09:00:00Z');
    source.issue = { ...source.issue, publishedAt: new Date('2026-12-30T09:00:00Z') };
    const item = toCslItem(toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID)), 'en');
    expect(item.issued).toEqual({ 'date-parts': [[2027]] });
  });

  it('keys the entry by a plain ASCII name and year', () => {
    expect(citationKey(french())).toBe('dupre2027');
    const source = arabicArticle();
    source.versions[0].contributors.reverse();
    expect(citationKey(toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID)))).toBe(
      'article2027-a7a1b2c3',
    );
  });
});
