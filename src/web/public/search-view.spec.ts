import type { ArticleSearchHit } from '../../publishing';
import { markedHtmlOnly, paginationOf, toSearchItem } from './search-view';

describe('markedHtmlOnly', () => {
  it('lets escaped text with <mark> through as it is', () => {
    const html = 'a &lt;b&gt; <mark>التطوع</mark> &amp; <mark>x</mark>';
    expect(markedHtmlOnly(html)).toBe(html);
  });

  it('escapes whole any other markup, so nothing but <mark> reaches the page', () => {
    expect(markedHtmlOnly('<mark>a</mark><script>alert(1)</script>')).toBe(
      '&#60;mark&#62;a&#60;/mark&#62;&#60;script&#62;alert(1)&#60;/script&#62;',
    );
    expect(markedHtmlOnly('<mark onclick="x">a</mark>')).not.toMatch(/<mark onclick/);
    expect(markedHtmlOnly('a <img src=x onerror=alert(1)>')).not.toContain('<img');
  });
});

const hit = (overrides: Partial<ArticleSearchHit> = {}): ArticleSearchHit => ({
  submissionId: 's1',
  publicationId: 'p1',
  version: 1,
  doi: null,
  languages: ['ar', 'en'],
  titles: { ar: 'التطوع الرقمي', en: 'Digital volunteering' },
  titlesHtml: { ar: '<mark>التطوع</mark> الرقمي', en: 'Digital <mark>volunteering</mark>' },
  subtitles: {},
  subtitlesHtml: {},
  authors: [
    {
      names: {
        Arab: { given: 'مريم', family: 'السيد' },
        Latn: { given: 'Maryam', family: 'Elsayed' },
      },
      html: { Arab: 'مريم السيد', Latn: '<mark>Maryam</mark> Elsayed' },
    },
  ],
  section: { id: 'sec', titles: { en: 'Research Articles' } },
  issue: {
    id: 'i1',
    volume: 1,
    number: 1,
    year: 2026,
    identification: { en: 'Vol. 1, No. 1 (2026)' },
  },
  year: 2026,
  publishedAt: null,
  retracted: false,
  matchedIn: ['title'],
  snippets: [
    { field: 'abstract', locale: 'en', html: 'An <mark>abstract</mark>' },
    { field: 'keywords', locale: 'ar', html: '<mark>التطوع</mark>' },
  ],
  ...overrides,
});

describe('toSearchItem', () => {
  it('shows the page’s language where the article has it, else another, marked as foreign', () => {
    const arabic = toSearchItem(hit(), 'ar');
    expect(arabic.title).toEqual({
      html: '<mark>التطوع</mark> الرقمي',
      lang: 'ar',
      dir: 'rtl',
      foreign: false,
    });
    expect(arabic.abstract).toMatchObject({ lang: 'en', dir: 'ltr', foreign: true });
    expect(arabic.keywords).toMatchObject({ lang: 'ar', foreign: false });
    const french = toSearchItem(hit(), 'fr');
    expect(french.title).toMatchObject({ lang: 'ar', dir: 'rtl', foreign: true });
    // The language filter comes before the others, then the journal's primary language.
    expect(toSearchItem(hit(), 'fr', 'en').title).toMatchObject({ lang: 'en', foreign: true });
    expect(toSearchItem(hit(), 'fr', undefined, 'en').title).toMatchObject({ lang: 'en' });
    expect(toSearchItem(hit(), 'fr', 'ar', 'en').title).toMatchObject({ lang: 'ar' });
  });

  it('names an author in the page’s script, unless the words were found in another', () => {
    expect(toSearchItem(hit(), 'ar').authors).toEqual(['<mark>Maryam</mark> Elsayed']);
    const plain = hit({
      authors: [{ names: {}, html: { Arab: 'مريم السيد', Latn: 'Maryam Elsayed' } }],
    });
    expect(toSearchItem(plain, 'ar').authors).toEqual(['مريم السيد']);
    expect(toSearchItem(plain, 'en').authors).toEqual(['Maryam Elsayed']);
  });

  it('gives the subtitle in the title’s language only', () => {
    const subtitled = hit({
      subtitlesHtml: { ar: 'العنوان <mark>الفرعي</mark>', fr: 'Sous-titre' },
    });
    expect(toSearchItem(subtitled, 'ar').subtitle?.html).toBe('العنوان <mark>الفرعي</mark>');
    expect(toSearchItem(subtitled, 'en').subtitle).toBeNull();
  });

  it('checks the search’s HTML before the page writes it', () => {
    const hostile = hit({ titlesHtml: { ar: '<b>x</b>' } });
    expect(toSearchItem(hostile, 'ar').title?.html).toBe('&#60;b&#62;x&#60;/b&#62;');
  });
});

describe('paginationOf', () => {
  const request = (page: number) => ({ text: 'q', year: 2026, page });

  it('is none for one page', () => {
    expect(paginationOf(request(1), 1)).toBeNull();
  });

  it('links the first and last pages and two on each side, with gaps, keeping the filters', () => {
    const view = paginationOf(request(6), 12)!;
    expect(view.previous).toBe('?q=q&year=2026&page=5');
    expect(view.next).toBe('?q=q&year=2026&page=7');
    expect(
      view.pages.map((link) => ('gap' in link ? '…' : `${link.page}${link.current ? '*' : ''}`)),
    ).toEqual(['1', '…', '4', '5', '6*', '7', '8', '…', '12']);
    const first = paginationOf(request(1), 3)!;
    expect(first.previous).toBeNull();
    expect(first.pages[0]).toEqual({ page: 1, href: '?q=q&year=2026', current: true });
  });
});
