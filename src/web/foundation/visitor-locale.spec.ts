import {
  type LanguageSignals,
  LOCALE_COOKIE,
  localeInPath,
  pathAfterLocale,
  preferredLocale,
  switchTarget,
  visitorLocale,
} from './visitor-locale';

/** A request as Express would present it, with Express's own Accept-Language negotiation. */
function request(path: string, acceptLanguage?: string, cookie?: string): LanguageSignals {
  const accepted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().split(';')[0].split('-')[0])
    .filter(Boolean);
  return {
    path,
    cookies: cookie ? { [LOCALE_COOKIE]: cookie } : {},
    headers: { 'accept-language': acceptLanguage },
    acceptsLanguages: (...offered: string[]) => accepted.find((l) => offered.includes(l)) ?? false,
  };
}

describe('the visitor’s language', () => {
  it('is the saved choice first, then the browser’s, then none', () => {
    expect(preferredLocale(request('/', 'en-GB,en;q=0.9', 'fr'))).toBe('fr');
    expect(preferredLocale(request('/', 'de,fr;q=0.8'))).toBe('fr');
    expect(preferredLocale(request('/', 'de'))).toBeNull();
    expect(preferredLocale(request('/'))).toBeNull();
    // A cookie that names no language the site speaks is ignored.
    expect(preferredLocale(request('/', 'en', 'xx'))).toBe('en');
  });

  it('is the address’s language on a page of the site', () => {
    expect(visitorLocale(request('/fr/j/x', 'ar', 'en'), 'ar')).toBe('fr');
    expect(visitorLocale(request('/xx/j/x', undefined, 'en'), 'ar')).toBe('en');
    expect(visitorLocale(request('/nowhere'), 'ar')).toBe('ar');
    expect(localeInPath('/api/journals')).toBeNull();
    expect(localeInPath('/en')).toBe('en');
  });

  it('keeps the address after the language, with its query', () => {
    expect(pathAfterLocale('/ar/j/volunteering/about?x=1')).toBe('/j/volunteering/about?x=1');
    expect(pathAfterLocale('/ar')).toBe('/');
    expect(pathAfterLocale('/ar/')).toBe('/');
    expect(pathAfterLocale('/ar?q=1')).toBe('/?q=1');
  });

  it('sends the switcher to the same page in the chosen language, never to another site', () => {
    expect(switchTarget('en', '/j/volunteering/about')).toBe('/en/j/volunteering/about');
    expect(switchTarget('fr', '/')).toBe('/fr/');
    for (const hostile of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      '/a\nb',
      7,
    ])
      expect(switchTarget('ar', hostile)).toBe('/ar/');
  });
});
