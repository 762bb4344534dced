import {
  ARABIC_ARTICLE_ID,
  arabicArticle,
  FRENCH_ARTICLE_ID,
  frenchArticle,
  sampleNotice,
  SITE,
} from '../../publishing/citations/sample-articles';
import { toArticlePage } from './article-view';

const metaNames = (view: ReturnType<typeof toArticlePage>) =>
  view.head.metas.map((meta) => ('name' in meta ? meta.name : meta.property));

describe('toArticlePage', () => {
  it('an Arabic article on the English page: its own title first, then each translation', () => {
    const view = toArticlePage(arabicArticle(), { locale: 'en', publicUrl: SITE });
    expect(view.article.languages.map(({ locale, dir }) => [locale, dir])).toEqual([
      ['ar', 'rtl'],
      ['en', 'ltr'],
      ['fr', 'ltr'],
    ]);
    expect(view.article.translatedTitle?.title).toBe(
      'The effect of blended learning on university students’ achievement',
    );
    expect(view.article.authors.map((author) => [author.orcid, author.corresponding])).toEqual([
      ['0000-0002-1825-0097', true],
      [null, false],
      ['0000-0001-5109-3700', false],
    ]);
    expect(view.article.description).toBe(
      'This study examines the effect of blended learning on students’ achievement.',
    );
  });

  it('links every file under the article’s own page, the HTML galley to the site’s frame', () => {
    const view = toArticlePage(arabicArticle(), { locale: 'ar', publicUrl: SITE });
    const page = `/ar/j/jes/articles/${ARABIC_ARTICLE_ID}`;
    expect(view.article.files.map(({ kind, href }) => [kind, href])).toEqual([
      ['pdf', `${page}/galleys/c1000000-0000-4000-8000-000000000001/jes-2027-5.pdf`],
      ['html', `${page}/html`],
      ['jats', `${page}/galleys/c1000000-0000-4000-8000-000000000003/jes-2027-5.xml`],
    ]);
    expect(view.article.fullText).toBe(`${page}/html`);
    const meta = (name: string) =>
      view.head.metas.find((candidate) => 'name' in candidate && candidate.name === name)?.content;
    expect(meta('citation_pdf_url')).toBe(
      `${SITE}${page}/galleys/c1000000-0000-4000-8000-000000000001/jes-2027-5.pdf`,
    );
    expect(meta('citation_fulltext_html_url')).toBe(`${SITE}${page}/html`);
    expect(view.head.links).toEqual([
      {
        rel: 'alternate',
        href: `${SITE}${page}/galleys/c1000000-0000-4000-8000-000000000001/jes-2027-5.pdf`,
        type: 'application/pdf',
      },
      {
        rel: 'alternate',
        href: `${SITE}${page}/galleys/c1000000-0000-4000-8000-000000000003/jes-2027-5.xml`,
        type: 'application/jats+xml',
      },
    ]);
    expect(view.citations.map((citation) => citation.style)).toEqual([
      'apa',
      'chicago-author-date',
      'vancouver',
    ]);
    expect(view.citationFiles.map((file) => file.href)).toEqual([
      `${page}/cite.bib`,
      `${page}/cite.ris`,
      `${page}/cite.json`,
    ]);
    expect(JSON.parse(view.head.jsonLd!)).toMatchObject({ '@type': 'ScholarlyArticle' });
  });

  it('an older version: its own files and dates, no Highwire tags or citations, canonical to the newest', () => {
    const view = toArticlePage(frenchArticle(), { locale: 'fr', version: 1, publicUrl: SITE });
    const page = `/fr/j/jes/articles/${FRENCH_ARTICLE_ID}`;
    expect(view.article).toMatchObject({
      version: 1,
      newest: false,
      newestHref: page,
      href: `${page}/v/1`,
    });
    expect(view.article.files.map((file) => file.href)).toEqual([
      `${page}/galleys/c2000000-0000-4000-8000-000000000001/jes-2027-6-v1.pdf`,
    ]);
    expect(
      view.article.versions.map(({ version, shown, newest, href }) => [
        version,
        shown,
        newest,
        href,
      ]),
    ).toEqual([
      [2, false, true, page],
      [1, true, false, `${page}/v/1`],
    ]);
    expect(metaNames(view).filter((name) => /^(citation_|DC\.)/.test(name))).toEqual([]);
    expect(view.head.jsonLd).toBeNull();
    expect(view.citations).toEqual([]);
    expect(view.canonicalPath).toBe(`/j/jes/articles/${FRENCH_ARTICLE_ID}`);

    const newest = toArticlePage(frenchArticle(), { locale: 'fr', publicUrl: SITE });
    expect(newest.article).toMatchObject({ version: 2, newest: true, href: page });
    expect(newest.article.dates.corrected).toEqual(new Date('2027-05-02T09:00:00Z'));
    expect(metaNames(newest)).toContain('citation_title');
  });

  it('a retracted article keeps its record, with the retraction to show first', () => {
    const article = arabicArticle();
    article.notices = [sampleNotice('retraction', ARABIC_ARTICLE_ID)];
    const view = toArticlePage(article, { locale: 'ar', publicUrl: SITE });
    expect(view.article.retraction).toMatchObject({ kind: 'retraction' });
    expect(metaNames(view)).toContain('citation_title');
  });

  it('an unknown version is a 404', () => {
    expect(() =>
      toArticlePage(frenchArticle(), { locale: 'fr', version: 3, publicUrl: SITE }),
    ).toThrow(expect.objectContaining({ status: 404 }));
  });
});
