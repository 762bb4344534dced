import type { JournalHomeView } from '../public/public-site.service';
import { AssetPipeline } from './assets';
import { intlLocale } from './intl';
import { Messages } from './messages';
import { WebViews } from './views';
import { pageShell } from './web-page';

/** A journal home with everything an issue may show, beyond what the demo has. */
const HOME: JournalHomeView = {
  journal: {
    slug: 'rev',
    titles: { fr: 'Revue' },
    abbreviations: {},
    descriptions: { fr: 'Une revue.' },
    primaryLocale: 'fr',
    languages: ['fr'],
    onlineIssn: '2958-1427',
    printIssn: '1234-5679',
    publisher: { name: 'Éditions', place: null },
  },
  current: {
    id: 'i1',
    volume: 2,
    number: 3,
    year: 2027,
    special: true,
    identification: {
      ar: 'المجلد 2، العدد 3 (2027)',
      en: 'Vol. 2, No. 3 (2027)',
      fr: 'Vol. 2, n° 3 (2027)',
    },
    titles: {},
    descriptions: { en: 'About water.' },
    publishedAt: new Date('2027-05-02T00:00:00Z'),
    coverUrl: '/api/public/journals/rev/issues/i1/cover',
    galleys: [
      { label: 'PDF', locale: 'fr', mediaType: 'application/pdf', size: 10, url: '/g/issue' },
    ],
    sections: [
      {
        titles: { fr: 'Articles' },
        articles: [
          {
            id: 'a1',
            locale: 'en',
            titles: { en: 'Water <and> wells' },
            authors: [{ Latn: { given: 'Ana', family: 'Lopes' } }, { Arab: { given: 'علي' } }],
            firstPage: 1001,
            lastPage: 1012,
            articleNumber: null,
            doi: '10.1/x',
            retracted: true,
            galleys: [
              {
                label: 'PDF عربي',
                locale: 'ar',
                mediaType: 'application/pdf',
                size: 10,
                url: '/g/a1',
              },
            ],
          },
        ],
      },
    ],
  },
  announcements: [
    {
      id: 'n1',
      titles: { fr: 'Appel <à> contributions' },
      summaries: { fr: 'Avant le 15 mars.' },
      bodies: { fr: 'Texte.' },
      publishedAt: new Date('2027-03-01T09:00:00Z'),
    },
  ],
};

describe('the web views', () => {
  let views: WebViews;
  const render = (view: string, data: object, locale: 'ar' | 'en' | 'fr') =>
    views.render(
      view,
      {
        ...pageShell({
          locale,
          path: '/j/rev',
          publicUrl: 'https://journals.example/',
          signedIn: false,
          defaultLocale: 'fr',
        }),
        ...data,
      },
      { locale, digits: 'latn', intl: intlLocale(locale) },
    );

  beforeAll(async () => {
    views = new WebViews(await Messages.load(), new AssetPipeline());
  });

  it('render an issue: cover, special, date, files, pages, DOI, retraction, each text marked', () => {
    const html = render('public/journal-home', HOME, 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(
      '<img class="issue-summary__cover" src="/api/public/journals/rev/issues/i1/cover" alt="غلاف \u2068المجلد 2، العدد 3 (2027)\u2069"',
    );
    expect(html).toContain('<p class="badge">عدد خاص</p>');
    expect(html).toContain('<time datetime="2027-05-02">نُشر في \u20682 مايو 2027\u2069</time>');
    expect(html).toContain('<div lang="en" dir="ltr"><p>About water.</p></div>');
    expect(html).toContain('<a href="/g/issue" hreflang="fr">العدد كاملًا (\u2068PDF\u2069)</a>');
    expect(html).toContain(
      '<a href="/ar/j/rev/articles/a1"><span lang="en" dir="ltr">Water &lt;and&gt; wells</span></a>',
    );
    expect(html).toContain('<span class="badge badge--alert">مسحوبة</span>');
    expect(html).toContain('<bdi>Ana Lopes</bdi>، <bdi>علي</bdi>');
    // Page numbers without grouping, in Latin digits.
    expect(html).toContain('<span>ص 1001–1012</span>');
    expect(html).toContain('<a href="https://doi.org/10.1/x" dir="ltr">10.1/x</a>');
    expect(html).toContain(
      '<bdi>PDF عربي</bdi><span class="visually-hidden"> من «\u2068Water &lt;and&gt; wells\u2069»</span>',
    );
    expect(html).toContain('<span>ردمد \u20681234-5679\u2069 (ورقي)</span>');
    expect(html).toContain(
      '<link rel="alternate" hreflang="x-default" href="https://journals.example/fr/j/rev">',
    );
    // The announcement, linked to its page, in its language, with its summary and date.
    expect(html).toContain(
      '<a href="/ar/j/rev/announcements/n1"><span lang="fr" dir="ltr">Appel &lt;à&gt; contributions</span></a>',
    );
    expect(html).toContain('<p lang="fr" dir="ltr">Avant le 15 mars.</p>');
    expect(html).toContain('<time datetime="2027-03-01">1 مارس 2027</time>');
    expect(html).toContain('<a href="/ar/j/rev/announcements">كل الإعلانات</a>');
  });

  it('refuse a view that does not exist', () => {
    expect(() => render('public/nothing', {}, 'en')).toThrow(/no web view "public\/nothing"/);
    expect(views.has('public/journal-home')).toBe(true);
  });
});
