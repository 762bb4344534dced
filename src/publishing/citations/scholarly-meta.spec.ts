import { toCitableArticle, type ArticleAddresses } from './citable-article';
import { articleHeadLinks, scholarlyMetaTags, type HeadMeta } from './scholarly-meta';
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
const page = (locale: string, id = ARABIC_ARTICLE_ID) => `${SITE}/${locale}/j/jes/articles/${id}`;

const named = (tags: HeadMeta[], prefix: string) =>
  tags.filter(
    (tag): tag is Extract<HeadMeta, { name: string }> =>
      'name' in tag && tag.name.startsWith(prefix),
  );
const pairs = (tags: HeadMeta[], prefix: string) =>
  named(tags, prefix).map(({ name, content }) => [name, content]);
const property = (tags: HeadMeta[], name: string) =>
  tags.filter((tag) => 'property' in tag && tag.property === name).map(({ content }) => content);

describe('scholarlyMetaTags', () => {
  it('gives Google Scholar’s Highwire tags for a realistic article, in order, as its PDF prints it', () => {
    const pdf = `${page('en')}/galleys/c1000000-0000-4000-8000-000000000001/jes-2027-5.pdf`;
    const html = `${page('en')}/galleys/c1000000-0000-4000-8000-000000000002/jes-2027-5.html`;
    expect(pairs(scholarlyMetaTags(arabic(), 'en'), 'citation_')).toEqual([
      ['citation_title', 'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية'],
      ['citation_author', 'بنعلي, ليلى'],
      ['citation_author_institution', 'Université Mohammed V de Rabat'],
      ['citation_author_orcid', 'https://orcid.org/0000-0002-1825-0097'],
      ['citation_author', 'العمراني, يوسف'],
      ['citation_author_institution', 'جامعة القاضي عياض'],
      ['citation_author', 'الإدريسي, سعاد'],
      ['citation_author_orcid', 'https://orcid.org/0000-0001-5109-3700'],
      ['citation_publication_date', '2027/03/15'],
      ['citation_online_date', '2027/03/15'],
      ['citation_journal_title', 'مجلة الدراسات التربوية'],
      ['citation_journal_abbrev', 'م. د. ت.'],
      ['citation_publisher', 'Université Mohammed V de Rabat'],
      ['citation_issn', '2737-8128'],
      ['citation_issn', '1110-452X'],
      ['citation_volume', '12'],
      ['citation_issue', '2'],
      ['citation_firstpage', '15'],
      ['citation_lastpage', '32'],
      ['citation_doi', '10.32013/jes.2027.5'],
      ['citation_language', 'ar'],
      ['citation_keywords', 'التعلم المدمج; التحصيل الدراسي'],
      ['citation_abstract_html_url', page('en')],
      ['citation_fulltext_html_url', html],
      ['citation_pdf_url', pdf],
      [
        'citation_reference',
        'Garrison, D. R., & Kanuka, H. (2004). Blended learning: Uncovering its transformative potential in higher education. The Internet and Higher Education, 7(2), 95–105.',
      ],
      [
        'citation_reference',
        'الزهراني، أحمد. (2019). التعليم الإلكتروني في الجامعات العربية. دار الفكر.',
      ],
      [
        'citation_reference',
        'Means, B., Toyama, Y., Murphy, R., & Baki, M. (2013). The effectiveness of online and blended learning. Teachers College Record, 115(3).',
      ],
    ]);
  });

  it('describes the article the same way on every language’s page, but for the page’s own addresses', () => {
    const strip = (tags: HeadMeta[]) =>
      pairs(tags, 'citation_').filter(([name]) => !name!.endsWith('_url'));
    expect(strip(scholarlyMetaTags(arabic(), 'ar'))).toEqual(
      strip(scholarlyMetaTags(arabic(), 'fr')),
    );
    expect(pairs(scholarlyMetaTags(arabic(), 'ar'), 'citation_pdf_url')[0][1]).toMatch(
      new RegExp(`^${page('ar')}/`),
    );
  });

  it('cites Latin-script names for an article written in French, and leaves out what it lacks', () => {
    const tags = scholarlyMetaTags(
      toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID)),
      'ar',
    );
    expect(pairs(tags, 'citation_author')).toEqual([
      ['citation_author', 'Dupré, Élodie'],
      ['citation_author_institution', 'Université de Montréal'],
      ['citation_author', 'Lemaître, François-Xavier'],
      ['citation_author_institution', 'Université Laval'],
    ]);
    // No HTML galley: no full-text HTML tag.
    expect(pairs(tags, 'citation_fulltext_html_url')).toEqual([]);
    expect(pairs(tags, 'citation_language')).toEqual([['citation_language', 'fr']]);
  });

  it('puts an article number where the first page would be', () => {
    const source = arabicArticle();
    Object.assign(source.versions[0], { firstPage: null, lastPage: null, articleNumber: 'e1042' });
    const tags = scholarlyMetaTags(
      toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID)),
      'en',
    );
    expect(pairs(tags, 'citation_firstpage')).toEqual([['citation_firstpage', 'e1042']]);
    expect(pairs(tags, 'citation_lastpage')).toEqual([]);
  });

  it('refuses a PDF address outside the article’s page, which Scholar would not take', () => {
    const elsewhere: ArticleAddresses = {
      ...sampleAddresses(ARABIC_ARTICLE_ID),
      galley: (galley) => `${SITE}/files/${galley.id}.pdf`,
    };
    const article = toCitableArticle(arabicArticle(), elsewhere);
    expect(() => scholarlyMetaTags(article, 'en')).toThrow(/citation_pdf_url must lie under/);
  });

  it('gives Dublin Core with each title, keyword and abstract in its language', () => {
    const tags = named(scholarlyMetaTags(arabic(), 'en'), 'DC.');
    expect(tags.slice(0, 3)).toEqual([
      {
        name: 'DC.title',
        content: 'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية',
        lang: 'ar',
      },
      {
        name: 'DC.title.alternative',
        content:
          'The effect of blended learning on university students’ achievement: A field study',
        lang: 'en',
      },
      {
        name: 'DC.title.alternative',
        content: 'L’effet de l’apprentissage mixte sur la réussite des étudiants',
        lang: 'fr',
      },
    ]);
    const byName = (name: string) => tags.filter((tag) => tag.name === name);
    expect(byName('DC.creator').map(({ content }) => content)).toEqual([
      'بنعلي, ليلى',
      'العمراني, يوسف',
      'الإدريسي, سعاد',
    ]);
    expect(byName('DC.identifier')).toEqual([
      { name: 'DC.identifier', content: 'https://doi.org/10.32013/jes.2027.5' },
    ]);
    expect(byName('DC.subject').map(({ content, lang }) => [lang, content])).toEqual([
      ['ar', 'التعلم المدمج'],
      ['ar', 'التحصيل الدراسي'],
      ['en', 'blended learning'],
      ['en', 'academic achievement'],
      ['fr', 'apprentissage mixte'],
    ]);
    expect(byName('DC.description').map(({ lang }) => lang)).toEqual(['ar', 'en', 'fr']);
    for (const [name, content] of [
      ['DC.date', '2027-03-15'],
      ['DC.language', 'ar'],
      ['DC.publisher', 'Université Mohammed V de Rabat'],
      ['DC.rights', 'https://creativecommons.org/licenses/by/4.0/'],
      ['DC.source', 'مجلة الدراسات التربوية'],
      ['DC.type', 'Text'],
    ])
      expect(byName(name)).toEqual([{ name, content }]);
  });

  it('gives Open Graph in the page’s language, pointing to the canonical page', () => {
    const tags = scholarlyMetaTags(arabic(), 'ar');
    const og = tags.filter((tag) => 'property' in tag);
    expect(og.slice(0, 8)).toEqual([
      { property: 'og:type', content: 'article' },
      { property: 'og:title', content: 'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية' },
      { property: 'og:url', content: page('ar') },
      {
        property: 'og:description',
        content: 'تبحث هذه الدراسة في أثر التعلم المدمج في التحصيل الدراسي لدى طلبة الجامعة.',
      },
      { property: 'og:site_name', content: 'مجلة الدراسات التربوية' },
      { property: 'og:locale', content: 'ar_AR' },
      { property: 'og:locale:alternate', content: 'en_US' },
      { property: 'og:locale:alternate', content: 'fr_FR' },
    ]);
    expect(property(tags, 'article:published_time')).toEqual(['2027-03-15T09:00:00.000Z']);
    expect(property(tags, 'article:modified_time')).toEqual([]);
    expect(property(tags, 'article:author')).toEqual([
      'ليلى بنعلي',
      'يوسف العمراني',
      'سعاد الإدريسي',
    ]);
    expect(property(scholarlyMetaTags(arabic(), 'en'), 'article:author')).toEqual([
      'Leila Benali',
      'Youssef El Amrani',
      'سعاد الإدريسي',
    ]);
    expect(property(scholarlyMetaTags(arabic(), 'fr'), 'og:title')).toEqual([
      'L’effet de l’apprentissage mixte sur la réussite des étudiants',
    ]);
  });

  it('cuts a long description at a word, and Highwire, Dublin Core and Open Graph come in that order', () => {
    const source = arabicArticle();
    source.versions[0].metadata.en!.abstract = 'word '.repeat(200);
    const tags = scholarlyMetaTags(
      toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID)),
      'en',
    );
    const [description] = property(tags, 'og:description');
    expect(Array.from(description).length).toBeLessThanOrEqual(301);
    expect(description).toMatch(/word…$/);
    const kinds = tags.map((tag) =>
      'property' in tag ? 'og' : tag.name.startsWith('DC.') ? 'dc' : 'highwire',
    );
    expect(kinds.join(' ')).toMatch(/^(highwire )+(dc )+(og ?)+$/);
  });

  it('keeps every tag on a retracted article: the record stays, marked on the page', () => {
    const source = arabicArticle();
    source.notices = [sampleNotice('retraction', ARABIC_ARTICLE_ID)];
    const retracted = scholarlyMetaTags(
      toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID)),
      'en',
    );
    expect(retracted).toEqual(scholarlyMetaTags(arabic(), 'en'));
  });

  describe('an older version’s page', () => {
    const older = () =>
      toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID), { version: 1 });
    const newest = page('fr', FRENCH_ARTICLE_ID);

    it('gets no citation_* and no Dublin Core tags, so indexers keep one record per article', () => {
      const tags = scholarlyMetaTags(older(), 'fr');
      expect(named(tags, 'citation_')).toEqual([]);
      expect(named(tags, 'DC.')).toEqual([]);
      expect(tags.length).toBeGreaterThan(0);
      expect(tags.every((tag) => 'property' in tag)).toBe(true);
      expect(property(tags, 'og:url')).toEqual([newest]);
    });

    it('links to the newest version as canonical', () => {
      expect(articleHeadLinks(older(), 'fr')).toEqual([
        { rel: 'canonical', href: newest },
        {
          rel: 'alternate',
          href: `${newest}/galleys/c2000000-0000-4000-8000-000000000001/jes-2027-6-v1.pdf`,
          type: 'application/pdf',
        },
      ]);
    });

    it('while the newest version’s page has them, dated by its correction', () => {
      const tags = scholarlyMetaTags(
        toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID)),
        'fr',
      );
      expect(named(tags, 'citation_').length).toBeGreaterThan(10);
      expect(pairs(tags, 'citation_pdf_url')).toEqual([
        [
          'citation_pdf_url',
          `${newest}/galleys/c2000000-0000-4000-8000-000000000002/jes-2027-6.pdf`,
        ],
      ]);
      expect(property(tags, 'article:modified_time')).toEqual(['2027-05-02T09:00:00.000Z']);
    });
  });
});

describe('articleHeadLinks', () => {
  it('gives the canonical page and the PDF and JATS as alternates', () => {
    expect(articleHeadLinks(arabic(), 'ar')).toEqual([
      { rel: 'canonical', href: page('ar') },
      {
        rel: 'alternate',
        href: `${page('ar')}/galleys/c1000000-0000-4000-8000-000000000001/jes-2027-5.pdf`,
        type: 'application/pdf',
      },
      {
        rel: 'alternate',
        href: `${page('ar')}/galleys/c1000000-0000-4000-8000-000000000003/jes-2027-5.xml`,
        type: 'application/jats+xml',
      },
    ]);
  });
});
