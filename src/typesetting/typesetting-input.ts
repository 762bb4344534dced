import type { Locale, LocalizedText } from '../common/i18n/locale';
import type { Journal } from '../journals';
import type { GuestEditor, Publication } from '../publishing';
import type { ArticleContent } from './content/article-content';

/**
 * What every typeset output reads, gathered once from the publication records (the one source
 * of truth): the journal's facts, the issue's, and each article's record with its content.
 * The PDF engine, the HTML galley and the JATS XML are all pure functions of this.
 */
export interface TypesetJournal extends Pick<
  Journal,
  | 'slug'
  | 'titles'
  | 'abbreviations'
  | 'primaryLocale'
  | 'additionalLocales'
  | 'onlineIssn'
  | 'printIssn'
  | 'publisherName'
  | 'publisherPlace'
  | 'licenceUrl'
> {
  /** The journal's public home page, e.g. https://journal.example/journals/forum. */
  homeUrl: string;
}

export interface TypesetIssue {
  volume: number;
  number: number;
  year: number;
  titles: LocalizedText;
  /** «المجلد 3، العدد 2 (2027)», "Vol. 3, No. 2 (2027)"… in every language. */
  identification: LocalizedText;
  special: boolean;
  guestEditors: GuestEditor[];
  /** The publication date printed on the issue; null for proofs of an issue not yet out. */
  publishedAt: Date | null;
}

export type TypesetPublication = Pick<
  Publication,
  | 'id'
  | 'submissionId'
  | 'version'
  | 'locale'
  | 'metadata'
  | 'contributors'
  | 'firstPage'
  | 'lastPage'
  | 'articleNumber'
  | 'doi'
  | 'copyrightHolder'
  | 'copyrightYear'
  | 'licenceUrl'
  | 'funding'
  | 'references'
  | 'receivedAt'
  | 'revisedAt'
  | 'acceptedAt'
  | 'publishedAt'
>;

export interface TypesetArticle {
  publication: TypesetPublication;
  /** The section's title in each language ("Research articles", «بحوث»…). */
  sectionTitles: LocalizedText;
  /** The article's public landing page (the DOI resolves here). */
  landingUrl: string;
  content: ArticleContent;
  /**
   * A PDF supplied as the finished article (its galley source): its pages go into the issue as
   * they are, stamped with the issue's running heads and page numbers, never typeset again.
   */
  supplied?: SuppliedPdf;
}

export interface SuppliedPdf {
  bytes: Buffer;
  pages: number;
}

/** One article, alone (proofs, the HTML and JATS galleys). */
export interface TypesetArticleInput {
  journal: TypesetJournal;
  issue: TypesetIssue | null;
  article: TypesetArticle;
}

/** A whole issue, its articles in table-of-contents order (section by section). */
export interface TypesetIssueInput {
  journal: TypesetJournal;
  issue: TypesetIssue;
  /** The cover image, if the issue has one. */
  cover: { mediaType: string; data: Buffer } | null;
  /** The editorial board as the masthead prints it, in board order. */
  board: { names: LocalizedText; roleTitles: LocalizedText; affiliations: LocalizedText }[];
  articles: TypesetArticle[];
}

/** The article's own language first, then the journal's others (for abstracts, titles). */
export function localesOf(journal: TypesetJournal, article: TypesetPublication): Locale[] {
  const order: Locale[] = [article.locale, journal.primaryLocale, ...journal.additionalLocales];
  return [...new Set(order)].filter((locale) => article.metadata[locale]);
}
