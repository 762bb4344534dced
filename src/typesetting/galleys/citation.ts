import { displayName, type PersonNames } from '../../editorial/people';
import { pickLocalized, type Locale } from '../../common/i18n/locale';
import type { TypesetArticleInput } from '../typesetting-input';
import { labelsFor } from './labels';

/** "Benali, L." in Latin script; «بنعلي، ليلى» in Arabic. */
function citedName(names: PersonNames, locale: Locale): string {
  const order = locale === 'ar' ? (['Arab', 'Latn'] as const) : (['Latn', 'Arab'] as const);
  for (const script of order) {
    const name = names[script];
    if (!name?.given) continue;
    if (!name.family) return name.given;
    if (script === 'Arab') return `${name.family}، ${name.given}`;
    return `${name.family}, ${name.given.charAt(0)}.`;
  }
  return displayName(names, locale);
}

/**
 * How to cite the article, APA-like, in one language: authors (year). Title. Journal,
 * volume(issue), pages. DOI link (or the landing page before a DOI exists).
 */
export function citeArticle(input: TypesetArticleInput, locale: Locale): string {
  const { journal, issue, article } = input;
  const { publication } = article;
  const labels = labelsFor(locale);
  const names = publication.contributors.map((contributor) => citedName(contributor.names, locale));
  const authors =
    names.length > 20
      ? `${names.slice(0, 19).join(', ')}, … ${names[names.length - 1]}`
      : names.length > 1
        ? `${names.slice(0, -1).join(locale === 'ar' ? '؛ ' : ', ')}${labels.and}${names[names.length - 1]}`
        : (names[0] ?? '');
  const year = issue?.year ?? publication.copyrightYear;
  const title =
    (publication.metadata[publication.locale] ?? Object.values(publication.metadata)[0])?.title ??
    '';
  const journalTitle =
    pickLocalized(journal.titles, publication.locale, journal.primaryLocale) ?? '';
  const pages =
    publication.firstPage !== null && publication.lastPage !== null
      ? `, ${publication.firstPage}–${publication.lastPage}`
      : publication.articleNumber
        ? `, ${publication.articleNumber}`
        : '';
  const volume = issue ? `, ${issue.volume}(${issue.number})` : '';
  const link = publication.doi ? `https://doi.org/${publication.doi}` : article.landingUrl;
  const end = /[.?!؟]$/.test(title) ? '' : '.';
  return `${authors} (${year}). ${title}${end} ${journalTitle}${volume}${pages}. ${link}`;
}
