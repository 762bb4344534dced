import { parseDocument } from 'htmlparser2';
import { isTag, type Element } from 'domhandler';
import { toCitableArticle } from './citable-article';
import { jsonLdScript, scholarlyArticleJsonLd } from './json-ld';
import {
  ARABIC_ARTICLE_ID,
  FRENCH_ARTICLE_ID,
  SITE,
  arabicArticle,
  frenchArticle,
  sampleAddresses,
  sampleNotice,
} from './sample-articles';

const arabic = () => toCitableArticle(arabicArticle(), sampleAddresses(ARABIC_ARTICLE_ID));
const page = (locale: string) => `${SITE}/${locale}/j/jes/articles/${ARABIC_ARTICLE_ID}`;

describe('scholarlyArticleJsonLd', () => {
  it('describes the article as a ScholarlyArticle in its issue, volume and periodical', () => {
    const node = scholarlyArticleJsonLd(arabic(), 'en');
    expect(node).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      '@id': page('en'),
      url: page('en'),
      headline: 'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية',
      name: 'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية',
      inLanguage: 'ar',
      datePublished: '2027-03-15',
      dateCreated: '2026-09-01',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '2',
        isPartOf: {
          '@type': 'PublicationVolume',
          volumeNumber: '12',
          isPartOf: {
            '@type': 'Periodical',
            name: 'مجلة الدراسات التربوية',
            issn: ['2737-8128', '1110-452X'],
            publisher: { '@type': 'Organization', name: 'Université Mohammed V de Rabat' },
          },
        },
      },
      identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.32013/jes.2027.5' },
      sameAs: 'https://doi.org/10.32013/jes.2027.5',
      keywords: ['التعلم المدمج', 'التحصيل الدراسي'],
      abstract: 'تبحث هذه الدراسة في أثر التعلم المدمج في التحصيل الدراسي لدى طلبة الجامعة.',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      pageStart: '15',
      pageEnd: '32',
    });
    expect(node!.citation).toHaveLength(3);
    expect(node!.alternateName).toEqual([
      'The effect of blended learning on university students’ achievement: A field study',
      'L’effet de l’apprentissage mixte sur la réussite des étudiants',
    ]);
    expect(node).not.toHaveProperty('creativeWorkStatus');
    expect(node).not.toHaveProperty('dateModified');
  });

  it('names each author as a Person with affiliation and ORCID iD, in the article’s script', () => {
    expect(scholarlyArticleJsonLd(arabic(), 'fr')!.author).toEqual([
      {
        '@type': 'Person',
        name: 'ليلى بنعلي',
        givenName: 'ليلى',
        familyName: 'بنعلي',
        alternateName: ['Leila Benali'],
        affiliation: { '@type': 'Organization', name: 'Université Mohammed V de Rabat' },
        sameAs: 'https://orcid.org/0000-0002-1825-0097',
      },
      {
        '@type': 'Person',
        name: 'يوسف العمراني',
        givenName: 'يوسف',
        familyName: 'العمراني',
        alternateName: ['Youssef El Amrani'],
        affiliation: { '@type': 'Organization', name: 'جامعة القاضي عياض' },
      },
      {
        '@type': 'Person',
        name: 'سعاد الإدريسي',
        givenName: 'سعاد',
        familyName: 'الإدريسي',
        sameAs: 'https://orcid.org/0000-0001-5109-3700',
      },
    ]);
  });

  it('stops at the periodical the journal numbers: no volume, no PublicationVolume', () => {
    const source = arabicArticle();
    source.issue = { ...source.issue, showVolume: false };
    const node = scholarlyArticleJsonLd(
      toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID)),
      'en',
    );
    expect(node!.isPartOf).toMatchObject({
      '@type': 'PublicationIssue',
      isPartOf: { '@type': 'Periodical' },
    });
  });

  it('marks a retracted article and lists its notices as corrections', () => {
    const source = arabicArticle();
    source.notices = [sampleNotice('retraction', ARABIC_ARTICLE_ID)];
    const node = scholarlyArticleJsonLd(
      toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID)),
      'en',
    );
    expect(node).toMatchObject({
      creativeWorkStatus: 'Retracted',
      correction: [
        {
          '@type': 'CorrectionComment',
          name: 'retraction',
          text: 'This article has been retracted.',
          datePublished: '2027-06-01',
        },
      ],
    });
  });

  it('gives nothing on an older version’s page, and dates the newest by its correction', () => {
    const older = toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID), {
      version: 1,
    });
    expect(scholarlyArticleJsonLd(older, 'fr')).toBeNull();
    const newest = toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID));
    expect(scholarlyArticleJsonLd(newest, 'fr')).toMatchObject({
      datePublished: '2027-03-15',
      dateModified: '2027-05-02',
    });
  });
});

describe('jsonLdScript', () => {
  const hostile = () => {
    const source = arabicArticle();
    source.versions[0].metadata.ar!.title =
      'A </script><script>alert(1)</script> <!-- & --> title\u2028with\u2029separators';
    return toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID));
  };

  it('escapes <, >, & and the line separators, and stays the same JSON', () => {
    const node = scholarlyArticleJsonLd(hostile(), 'en')!;
    const script = jsonLdScript(node);
    expect(script).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script).toContain('A \\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(script).toContain('\\u003c!-- \\u0026 --\\u003e');
    expect(JSON.parse(script)).toEqual(node);
  });

  it('cannot end its script element inside a page', () => {
    const node = scholarlyArticleJsonLd(hostile(), 'en')!;
    const html = `<html><head><script type="application/ld+json">${jsonLdScript(node)}</script></head><body><p>after</p></body></html>`;
    const scripts: Element[] = [];
    const walk = (nodes: ReturnType<typeof parseDocument>['children']) => {
      for (const child of nodes)
        if (isTag(child)) {
          if (child.name === 'script') scripts.push(child);
          walk(child.children);
        }
    };
    walk(parseDocument(html).children);
    expect(scripts).toHaveLength(1);
    const text = scripts[0].children.map((child) => ('data' in child ? child.data : '')).join('');
    expect(JSON.parse(text)).toEqual(node);
  });

  it('escapes the line separators JSON allows and older script parsers did not', () => {
    const script = jsonLdScript({ name: 'a\u2028b\u2029c' });
    expect(script).toBe('{"name":"a\\u2028b\\u2029c"}');
    expect(JSON.parse(script)).toEqual({ name: 'a\u2028b\u2029c' });
  });

  it('writes null as null', () => {
    expect(jsonLdScript(null)).toBe('null');
  });
});
