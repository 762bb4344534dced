import { directionOf, type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { Digits } from './intl';

/** What a page controller returns: a view of templates/web/pages and the data it shows. */
export interface WebPage {
  kind: 'web-page';
  /** `<area>/<name>`: templates/web/pages/<area>/<name>.hbs. */
  view: string;
  data: object;
  options: PageOptions;
}

export interface PageOptions {
  /**
   * `public` (the default): the same for every visitor, so shared caches may keep it a few
   * minutes when nobody is signed in; `private`: for this visitor only, never kept by others.
   */
  cache?: 'public' | 'private';
  /** The digits of an Arabic page (see intl.ts): Latin unless the journal chooses otherwise. */
  digits?: Digits;
  /** The language search engines are sent to by `x-default`: the journal's primary language. */
  defaultLocale?: Locale;
  /** Not for search engines (a search result, a form): `<meta name="robots" content="noindex">`. */
  noindex?: boolean;
  /**
   * The address after the language whose page is canonical, when it is another than this one
   * (an article's older version points to the newest): canonical and `hreflang` links name it.
   */
  canonicalPath?: string;
  /**
   * Set when `data` is the same for every request that gives this key (it names the published
   * record it was read from): the page rendered for visitors who are not signed in is kept and
   * served again from memory for as long as the key is asked for.
   */
  cacheKey?: string;
  /**
   * The status to answer with: 200 unless a form is shown again because what was sent was
   * refused (422), or the page says something else went wrong (409 for a stale edit).
   */
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429;
}

/** `return page('public/journal-home', await this.site.journalHome(slug))` in a controller. */
export function page(view: string, data: object = {}, options: PageOptions = {}): WebPage {
  return { kind: 'web-page', view, data, options };
}

export function isWebPage(value: unknown): value is WebPage {
  return (value as WebPage | null)?.kind === 'web-page';
}

/**
 * What a redirecting page controller returns: after a form is accepted (post–redirect–get, 303),
 * or to send the visitor elsewhere. `rememberLocale` also saves the visitor's choice of language;
 * `flash` is a catalog key the next page shows once ("Your profile is saved").
 */
export interface WebRedirect {
  kind: 'web-redirect';
  url: string;
  statusCode: 301 | 302 | 303;
  rememberLocale?: Locale;
  flash?: string;
}

export function redirectTo(
  url: string,
  statusCode: 301 | 302 | 303 = 303,
  rememberLocale?: Locale,
): WebRedirect {
  return { kind: 'web-redirect', url, statusCode, rememberLocale };
}

/** After a form is accepted: 303 to `url`, whose page then says `flash` once. */
export function redirectAfterForm(url: string, flash?: string): WebRedirect {
  return { kind: 'web-redirect', url, statusCode: 303, flash };
}

export function isWebRedirect(value: unknown): value is WebRedirect {
  return (value as WebRedirect | null)?.kind === 'web-redirect';
}

/** The sign-in page in `locale`, coming back to `next` (a path after the language) once in. */
export function signInAddress(locale: Locale, next: string): string {
  return next === '/' ? `/${locale}/login` : `/${locale}/login?next=${encodeURIComponent(next)}`;
}

/** The page in one language, for `hreflang` and the language switcher. */
export interface PageAlternate {
  locale: Locale;
  /** Its absolute address: `https://…/en/j/volunteering/about`. */
  href: string;
  /** The switcher's link: saves the choice, then opens the same page in that language. */
  switchHref: string;
  current: boolean;
}

/** What every layout reads besides the page's own data. */
export interface PageShell {
  lang: Locale;
  dir: 'rtl' | 'ltr';
  page: {
    /** The address after the language, with its query: `/j/volunteering/about`. */
    path: string;
    canonical: string;
    alternates: PageAlternate[];
    xDefault: string;
    noindex: boolean;
    /** The sign-in page, coming back here. */
    signIn: string;
  };
  site: { url: string };
  viewer: { signedIn: boolean };
  /** The token every form of a private page carries (see csrf.ts); absent on shared pages. */
  csrf?: string;
  /** A catalog key said once, after a form was accepted. */
  flash?: string;
  /** Quoted on error pages. */
  correlationId?: string;
}

export interface ShellInput {
  locale: Locale;
  /** The request's address after its language (see pathAfterLocale). */
  path: string;
  publicUrl: string;
  signedIn: boolean;
  defaultLocale: Locale;
  noindex?: boolean;
  /** See PageOptions.canonicalPath. */
  canonicalPath?: string;
  correlationId?: string;
  csrf?: string;
  flash?: string;
}

/** The layout's facts for a page: its language and direction, and its address in each language. */
export function pageShell(input: ShellInput): PageShell {
  const base = input.publicUrl.replace(/\/+$/, '');
  const path = input.path.startsWith('/') ? input.path : `/${input.path}`;
  const withoutQuery = (input.canonicalPath ?? path).split(/[?#]/)[0];
  const addressIn = (locale: Locale) => `${base}/${locale}${withoutQuery}`;
  const next = encodeURIComponent(path);
  return {
    lang: input.locale,
    dir: directionOf(input.locale),
    page: {
      path,
      canonical: addressIn(input.locale),
      alternates: SUPPORTED_LOCALES.map((locale) => ({
        locale,
        href: addressIn(locale),
        switchHref: `/${locale}/language?next=${next}`,
        current: locale === input.locale,
      })),
      // The installation's home lets the visitor's browser choose; other pages send search
      // engines to the journal's primary language.
      xDefault: withoutQuery === '/' ? `${base}/` : addressIn(input.defaultLocale),
      noindex: input.noindex ?? false,
      signIn: signInAddress(input.locale, path),
    },
    site: { url: `${base}/` },
    viewer: { signedIn: input.signedIn },
    csrf: input.csrf,
    flash: input.flash,
    correlationId: input.correlationId,
  };
}
