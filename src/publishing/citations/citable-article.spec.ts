import { ProblemException } from '../../common/http/problem.exception';
import {
  fullTitle,
  invertedName,
  isUnderPage,
  nameIn,
  toCitableArticle,
  type ArticleAddresses,
} from './citable-article';
import {
  ARABIC_ARTICLE_ID,
  FRENCH_ARTICLE_ID,
  SITE,
  arabicArticle,
  frenchArticle,
  sampleAddresses,
  sampleNotice,
} from './sample-articles';

const arabicPage = (locale: string) => `${SITE}/${locale}/j/jes/articles/${ARABIC_ARTICLE_ID}`;

describe('toCitableArticle', () => {
  it('describes the newest version with its galleys, in every language the page is served in', () => {
    const article = toCitableArticle(arabicArticle(), sampleAddresses(ARABIC_ARTICLE_ID));
    expect(article).toMatchObject({
      submissionId: ARABIC_ARTICLE_ID,
      version: 1,
      newest: true,
      locale: 'ar',
      issue: { volume: 12, number: 2, year: 2027 },
      pages: { first: 15, last: 32, articleNumber: null },
      doi: '10.32013/jes.2027.5',
      journal: { issns: { online: '2737-8128', print: '1110-452X' } },
      retracted: false,
    });
    expect(Object.keys(article.urls)).toEqual(['ar', 'en', 'fr']);
    expect(article.urls.en).toEqual({
      page: arabicPage('en'),
      canonical: arabicPage('en'),
      pdf: `${arabicPage('en')}/galleys/c1000000-0000-4000-8000-000000000001/jes-2027-5.pdf`,
      html: `${arabicPage('en')}/galleys/c1000000-0000-4000-8000-000000000002/jes-2027-5.html`,
      jats: {
        url: `${arabicPage('en')}/galleys/c1000000-0000-4000-8000-000000000003/jes-2027-5.xml`,
        mediaType: 'application/jats+xml',
      },
    });
    expect(article.authors.map((author) => author.orcid)).toEqual([
      '0000-0002-1825-0097',
      null,
      '0000-0001-5109-3700',
    ]);
  });

  it('serves only the languages it is told', () => {
    const article = toCitableArticle(arabicArticle(), sampleAddresses(ARABIC_ARTICLE_ID), {
      locales: ['ar', 'en'],
    });
    expect(Object.keys(article.urls)).toEqual(['ar', 'en']);
  });

  it('describes an older version on its own page, canonical to the newest, with its own galleys', () => {
    const article = toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID), {
      version: 1,
    });
    const newest = `${SITE}/fr/j/jes/articles/${FRENCH_ARTICLE_ID}`;
    expect(article).toMatchObject({ version: 1, newest: false });
    expect(article.urls.fr).toMatchObject({
      page: `${newest}/versions/1`,
      canonical: newest,
      pdf: `${newest}/galleys/c2000000-0000-4000-8000-000000000001/jes-2027-6-v1.pdf`,
      html: null,
      jats: null,
    });
    const latest = toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID));
    expect(latest).toMatchObject({ version: 2, newest: true });
    expect(latest.urls.fr?.pdf).toContain('jes-2027-6.pdf');
    // A correction is dated by its own publication; the article by its first.
    expect(latest.dates.version).toEqual(new Date('2027-05-02T09:00:00Z'));
    expect(latest.dates.online).toEqual(new Date('2027-03-15T09:00:00Z'));
  });

  it('answers 404 for a version that was never published', () => {
    const unknownVersion = () =>
      toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID), { version: 7 });
    expect(unknownVersion).toThrow(ProblemException);
    try {
      unknownVersion();
    } catch (error) {
      expect((error as ProblemException).getStatus()).toBe(404);
    }
  });

  it('refuses addresses that are not absolute, so no tag ever carries a relative URL', () => {
    const relative: ArticleAddresses = {
      ...sampleAddresses(ARABIC_ARTICLE_ID),
      galley: (galley) => `/ar/j/jes/articles/${ARABIC_ARTICLE_ID}/galleys/${galley.id}`,
    };
    expect(() => toCitableArticle(arabicArticle(), relative)).toThrow(/absolute/);
    expect(() =>
      toCitableArticle(arabicArticle(), { ...relative, page: () => 'javascript:alert(1)' }),
    ).toThrow(/absolute/);
  });

  it('takes the later of the issue’s and the article’s dates as the publication date', () => {
    const online = arabicArticle();
    // Online first: the article came out before its issue.
    online.versions[0].publishedAt = new Date('2027-01-10T09:00:00Z');
    const early = toCitableArticle(online, sampleAddresses(ARABIC_ARTICLE_ID));
    expect(early.dates.online).toEqual(new Date('2027-01-10T09:00:00Z'));
    expect(early.dates.published).toEqual(new Date('2027-03-15T09:00:00Z'));
    // Added later to an issue already out.
    online.versions[0].publishedAt = new Date('2027-04-20T09:00:00Z');
    const late = toCitableArticle(online, sampleAddresses(ARABIC_ARTICLE_ID));
    expect(late.dates.published).toEqual(new Date('2027-04-20T09:00:00Z'));
  });

  it('leaves out the volume or number the journal does not show, and ISSNs or ORCID iDs that do not check', () => {
    const source = arabicArticle();
    source.issue = { ...source.issue, showVolume: false };
    source.journal = { ...source.journal, printIssn: '1110-4521' };
    source.versions[0].contributors[0].orcid = '0000-0002-1825-0098';
    const article = toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID));
    expect(article.issue).toEqual({ volume: null, number: 2, year: 2027 });
    expect(article.journal.issns).toEqual({ online: '2737-8128', print: null });
    expect(article.authors[0].orcid).toBeNull();
  });

  it('marks a retracted article and keeps its notices', () => {
    const source = arabicArticle();
    source.notices = [sampleNotice('retraction', ARABIC_ARTICLE_ID)];
    const article = toCitableArticle(source, sampleAddresses(ARABIC_ARTICLE_ID));
    expect(article.retracted).toBe(true);
    expect(article.notices).toEqual([
      expect.objectContaining({ kind: 'retraction', publishedAt: source.notices[0].createdAt }),
    ]);
  });
});

describe('names, titles and addresses', () => {
  const both = {
    Arab: { given: 'ليلى', family: 'بنعلي' },
    Latn: { given: 'Leila', family: 'Benali' },
  };

  it('cites the Latin-script name in English and French, the Arabic one in Arabic', () => {
    expect(nameIn(both, 'en')).toEqual({ given: 'Leila', family: 'Benali' });
    expect(nameIn(both, 'fr')).toEqual({ given: 'Leila', family: 'Benali' });
    expect(nameIn(both, 'ar')).toEqual({ given: 'ليلى', family: 'بنعلي' });
  });

  it('falls back to the script a person has', () => {
    expect(nameIn({ Arab: { given: 'سعاد', family: 'الإدريسي' } }, 'en')).toEqual({
      given: 'سعاد',
      family: 'الإدريسي',
    });
    expect(nameIn({ Latn: { given: 'Élodie', family: 'Dupré' } }, 'ar')).toEqual({
      given: 'Élodie',
      family: 'Dupré',
    });
    expect(nameIn({}, 'en')).toBeNull();
    expect(invertedName({ given: 'Plato' })).toBe('Plato');
  });

  it('joins title and subtitle as each language writes it', () => {
    expect(fullTitle({ title: 'Title', subtitle: 'A subtitle' }, 'en')).toBe('Title: A subtitle');
    expect(fullTitle({ title: 'Titre', subtitle: 'sous-titre' }, 'fr')).toBe(
      'Titre\u00A0: sous-titre',
    );
    expect(fullTitle({ title: 'لماذا؟', subtitle: 'دراسة' }, 'ar')).toBe('لماذا؟ دراسة');
    expect(fullTitle({ title: '  Spaced\n title ' }, 'en')).toBe('Spaced title');
  });

  it('knows what lies under the article’s page', () => {
    const page = arabicPage('ar');
    expect(isUnderPage(`${page}/galleys/1/a.pdf`, page)).toBe(true);
    expect(isUnderPage(`${SITE}/j/jes/galleys/1/a.pdf`, page)).toBe(false);
    expect(isUnderPage(`${page}-other/a.pdf`, page)).toBe(false);
    expect(
      isUnderPage(`https://cdn.example.org/ar/j/jes/articles/${ARABIC_ARTICLE_ID}/a.pdf`, page),
    ).toBe(false);
  });
});
