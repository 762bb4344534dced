import type { Locale } from '../common/i18n/locale';

/** A published file as its address needs it. */
export interface AddressedGalley {
  id: string;
  originalName: string;
}

const segment = encodeURIComponent;

/**
 * The public site's addresses of a journal's issues, articles and their files, after the language
 * (the path every page's `{{path}}` and the layout's alternates start from):
 * `/j/{slug}/articles/{id}`. In the editorial core because the site is not the only one to give
 * them: the DOI deposit, the DOAJ export, OAI-PMH and the typeset PDFs name the article's page.
 * Files live under their article's or issue's page, as Google Scholar wants of a PDF, and keep
 * their address for good (a galley never changes; a correction is a new one).
 */
export const publicPaths = {
  archive: (slug: string) => `/j/${segment(slug)}/issues`,
  issue: (slug: string, volume: number, number: number) =>
    `/j/${segment(slug)}/issues/${volume}/${number}`,
  issueGalley: (slug: string, volume: number, number: number, galley: AddressedGalley) =>
    `${publicPaths.issue(slug, volume, number)}/galleys/${galley.id}/${segment(galley.originalName)}`,
  article: (slug: string, id: string) => `/j/${segment(slug)}/articles/${id}`,
  /** An older version's own page; the newest version's is the article's. */
  version: (slug: string, id: string, version: number) =>
    `${publicPaths.article(slug, id)}/v/${version}`,
  /** The HTML galley in the site's frame: the newest version's, or an older one's. */
  fullText: (slug: string, id: string, version?: number) =>
    `${version ? publicPaths.version(slug, id, version) : publicPaths.article(slug, id)}/html`,
  articleGalley: (slug: string, id: string, galley: AddressedGalley) =>
    `${publicPaths.article(slug, id)}/galleys/${galley.id}/${segment(galley.originalName)}`,
  citation: (slug: string, id: string, extension: string) =>
    `${publicPaths.article(slug, id)}/cite.${extension}`,
  announcements: (slug: string) => `/j/${segment(slug)}/announcements`,
  announcement: (slug: string, id: string) => `${publicPaths.announcements(slug)}/${id}`,
};

/** `https://journals.example/ar/j/…`: a path above made absolute, in a language. */
export function absoluteUrl(publicUrl: string, locale: Locale, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${locale}${path}`;
}

/** The path in a language, as links on a page write it: `/ar/j/…`. */
export const localPath = (locale: Locale, path: string): string => `/${locale}${path}`;

/**
 * The article's page in the journal's primary language, absolute: where its DOI resolves, and
 * what Crossref, DOAJ, OAI-PMH and the typeset PDF give as its landing page. The page itself
 * offers every language the article has.
 */
export function articleLandingUrl(
  publicUrl: string,
  journal: { slug: string; primaryLocale: Locale },
  submissionId: string,
): string {
  return absoluteUrl(
    publicUrl,
    journal.primaryLocale,
    publicPaths.article(journal.slug, submissionId),
  );
}
