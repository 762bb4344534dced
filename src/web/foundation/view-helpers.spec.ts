import Handlebars from 'handlebars';
import type { Locale } from '../../common/i18n/locale';
import { AssetPipeline } from './assets';
import { intlLocale } from './intl';
import { Messages } from './messages';
import { registerViewHelpers } from './view-helpers';

describe('the template helpers', () => {
  const engine = Handlebars.create();
  const assets = new AssetPipeline();
  const render = (template: string, context: object, locale: Locale = 'ar', digits?: 'arab') =>
    engine.compile(template)(context, {
      data: { locale, digits: digits ?? 'latn', intl: intlLocale(locale, digits) },
    });

  beforeAll(async () => {
    registerViewHelpers(engine, await Messages.load(), assets);
  });

  describe('localized', () => {
    const titles = { en: 'Journal of <Volunteer> Work', fr: 'Revue' };

    it('shows the page’s language as it is, another one marked with its lang and dir', () => {
      expect(render('{{localized titles}}', { titles }, 'fr')).toBe('Revue');
      expect(render('{{localized titles}}', { titles }, 'ar')).toBe(
        '<span lang="en" dir="ltr">Journal of &lt;Volunteer&gt; Work</span>',
      );
      expect(render('{{localized titles tag="h2" class="x"}}', { titles }, 'ar')).toBe(
        '<h2 class="x" lang="en" dir="ltr">Journal of &lt;Volunteer&gt; Work</h2>',
      );
      expect(render('{{localized t tag="p"}}', { t: { ar: 'عربي' } }, 'en')).toBe(
        '<p lang="ar" dir="rtl">عربي</p>',
      );
    });

    it('tries the preferred language before the others', () => {
      expect(render('{{text titles prefer="fr"}}', { titles }, 'ar')).toBe('Revue');
      expect(render('{{langOf titles prefer="fr"}}', { titles }, 'ar')).toBe('fr');
    });

    it('isolates a text of unknown language, and makes paragraphs of blank lines', () => {
      expect(render('{{localized name}}', { name: 'Ana <b>' })).toBe('<bdi>Ana &lt;b&gt;</bdi>');
      expect(render('{{localized t block=true}}', { t: { ar: 'أ\n\nب\nج' } })).toBe(
        '<div><p>أ</p><p>ب<br>ج</p></div>',
      );
      expect(render('{{localized t}}', { t: {} })).toBe('');
    });

    it('writes only the elements it knows', () => {
      expect(() => render('{{localized t tag="script"}}', { t: { ar: 'x' } })).toThrow(/<script>/);
    });
  });

  it('isolates names in <bdi>, in the script that suits the page', () => {
    const names = {
      Arab: { given: 'ليلى', family: 'بنعلي' },
      Latn: { given: 'Leila', family: 'Benali' },
    };
    expect(render('{{name names}}', { names }, 'ar')).toBe('<bdi>ليلى بنعلي</bdi>');
    expect(render('{{name names}}', { names }, 'fr')).toBe('<bdi>Leila Benali</bdi>');
  });

  it('translates, isolating text arguments so they keep their own direction', () => {
    expect(render('{{t "journal.published-by" publisher="Arab Union"}}', {}, 'ar')).toBe(
      'تصدر عن \u2068Arab Union\u2069',
    );
    expect(render('{{t "language.autonym" locale="fr"}}', {}, 'ar')).toBe('Français');
    expect(render('{{t "installation.count" count=3}}', {}, 'ar', 'arab')).toBe('٣ مجلات');
  });

  it('formats dates, numbers and language names in the page’s language', () => {
    const at = new Date('2026-03-12T23:30:00Z');
    expect(render('{{date at}}', { at }, 'ar')).toBe('12 مارس 2026');
    expect(render('{{date at}}', { at }, 'fr')).toBe('12 mars 2026');
    expect(render('{{date at style="year"}}', { at }, 'ar', 'arab')).toBe('٢٠٢٦');
    expect(render('{{isoDate at}}', { at })).toBe('2026-03-12');
    expect(render('{{number n}}', { n: 1234 }, 'fr')).toBe('1\u202f234');
    expect(render('{{language "en"}}', {}, 'ar')).toBe('الإنجليزية');
    expect(render('{{languageList codes}}', { codes: ['ar', 'en'] }, 'fr')).toBe(
      'arabe et anglais',
    );
  });

  it('builds addresses in the page’s language, each segment encoded', () => {
    expect(render('{{path "j" slug "about"}}', { slug: 'a b/c' }, 'fr')).toBe(
      '/fr/j/a%20b%2Fc/about',
    );
    expect(render('{{path}}', {}, 'ar')).toBe('/ar/');
    expect(render('{{path "j" "x" locale="en"}}', {}, 'ar')).toBe('/en/j/x');
  });

  it('has JavaScript’s && and ||: the value that decides', () => {
    expect(render('{{or a b}}', { a: null, b: 12 })).toBe('12');
    expect(render('{{or a b}}', { a: 3, b: 12 })).toBe('3');
    expect(render('{{#if (and a b)}}y{{else}}n{{/if}}', { a: 1, b: undefined })).toBe('n');
    expect(render('{{and a b}}', { a: 1, b: 'x' })).toBe('x');
  });

  it('names assets by their hashed address', () => {
    expect(render('{{asset "css/site.css"}}', {})).toBe(assets.url('css/site.css'));
  });

  it('writes JSON that cannot close its script element', () => {
    expect(render('{{json value}}', { value: { a: '</script><b>&' } })).toBe(
      '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}',
    );
  });
});
