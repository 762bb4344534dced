import { displayName } from '../../editorial/people';
import { directionOf, pickLocalized, type Locale } from '../../common/i18n/locale';
import {
  CREATIVE_COMMONS_LICENCE_NAMES,
  type CreativeCommonsLicence,
} from '../../common/validation/validators';
import type { Block, ContentAsset } from '../content/article-content';
import { citeArticle } from '../galleys/citation';
import { labelsFor } from '../galleys/labels';
import {
  localesOf,
  type TypesetArticle,
  type TypesetIssue,
  type TypesetIssueInput,
  type TypesetJournal,
} from '../typesetting-input';

/**
 * The data the Typst template lays out (templates/typesetting/tahkim.typ reads it as JSON):
 * every string already chosen, localised and formatted here, so the template has no logic
 * beyond layout, and nothing here is ever interpreted as markup.
 */
export interface TypstDocumentData {
  direction: 'rtl' | 'ltr';
  primaryLocale: Locale;
  title: string;
  authors: string[];
  keywords: string[];
  journal: { title: string };
  /** Cover, masthead and contents: an issue has them, an article's proof does not. */
  front: TypstFrontMatter | null;
  /** The number of the first article's first page. */
  startPage: number;
  articles: TypstArticleData[];
}

export interface TypstFrontMatter {
  titles: { locale: Locale; text: string; primary: boolean }[];
  identifications: { locale: Locale; text: string }[];
  issueTitle: string | null;
  issnLines: string[];
  publisher: string;
  place: string | null;
  date: string | null;
  coverImage: boolean;
  board: { name: string; role: string; affiliation: string | null }[];
  guestEditors: string[];
  rights: string;
  licence: { url: string; name: string };
  labels: { board: string; guestEditors: string; contents: string };
  sections: { title: string; articles: string[] }[];
}

export interface TypstArticleData {
  /** Unique in the document: the publication's id. */
  key: string;
  locale: Locale;
  journalTitle: string;
  issnLine: string;
  issueLine: string;
  doi: string | null;
  sectionTitle: string | null;
  title: string;
  subtitle: string | null;
  tocTitle: string;
  runningHead: string;
  authors: {
    name: string;
    affiliations: number[];
    orcid: string | null;
    corresponding: boolean;
    email: string | null;
  }[];
  affiliations: string[];
  abstracts: {
    locale: Locale;
    title: string | null;
    label: string;
    text: string;
    keywordsLabel: string;
    keywords: string[];
  }[];
  dates: { label: string; value: string }[];
  copyright: string;
  licence: { url: string; name: string; badge: string };
  /** The citation around its pages: the template puts the pages it laid out between. */
  cite: { before: string; after: string; pages: boolean };
  /** Tables carry their column count, figures their image's file name (see forTemplate). */
  blocks: (Block | (Block & { columns: number }) | (Block & { file: string }))[];
  references: string[];
  funding: string | null;
  /** A supplied PDF's page count: that many pages with heads and folios, its pages stamped in after. */
  supplied: { pages: number } | null;
  labels: {
    table: string;
    figure: string;
    page: string;
    pages: string;
    corresponding: string;
    cite: string;
    funding: string;
    references: string;
  };
}

/** Where the template finds an article's image: `/assets/<article key>/<asset id>.<ext>`. */
export function assetPath(articleKey: string, asset: Pick<ContentAsset, 'id' | 'mediaType'>) {
  return `/assets/${articleKey}/${assetFileName(asset)}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};

// Typst tells image formats by extension, so the file name carries one.
export function assetFileName(asset: Pick<ContentAsset, 'id' | 'mediaType'>) {
  return `${asset.id}.${EXTENSIONS[asset.mediaType] ?? 'png'}`;
}

function licenceOf(url: string) {
  const name = CREATIVE_COMMONS_LICENCE_NAMES[url as CreativeCommonsLicence] ?? url;
  // The badge is the licence's short form ("cc by-nc"), drawn as a framed mark.
  const badge = name.replace(/\s*\d+\.\d+$/, '').toLowerCase();
  return { url, name, badge };
}

/** Dates with Latin digits in every language, as the DOI, pages and ISSN around them. */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(`${locale}-u-nu-latn`, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

function issnLines(journal: TypesetJournal, locale: Locale): string[] {
  const labels = labelsFor(locale);
  const lines: string[] = [];
  if (journal.onlineIssn) lines.push(`ISSN ${journal.onlineIssn} (${labels.issnOnline})`);
  if (journal.printIssn) lines.push(`ISSN ${journal.printIssn} (${labels.issnPrint})`);
  return lines;
}

function columnsOf(block: Extract<Block, { type: 'table' }>): number {
  // The widest row, counting spans; a row under a rowspan is narrower, never wider.
  return Math.max(
    1,
    ...block.rows.map((row) => row.cells.reduce((sum, cell) => sum + (cell.colspan ?? 1), 0)),
  );
}

/**
 * The blocks as the template takes them: tables with their column count, figures with the file
 * name their image is mapped at (Typst tells formats by extension).
 */
function forTemplate(blocks: Block[], assets: ContentAsset[]): TypstArticleData['blocks'] {
  return numberFootnotes(withTemplateFields(blocks, assets));
}

function withTemplateFields(blocks: Block[], assets: ContentAsset[]): TypstArticleData['blocks'] {
  return blocks.map((block) => {
    if (block.type === 'table') return { ...block, columns: columnsOf(block) };
    if (block.type === 'figure') {
      const asset = assets.find((candidate) => candidate.id === block.assetId);
      return { ...block, file: asset ? assetFileName(asset) : block.assetId };
    }
    if (block.type === 'list')
      return {
        ...block,
        items: block.items.map((item) => withTemplateFields(item, assets) as Block[]),
      };
    if (block.type === 'quote')
      return { ...block, blocks: withTemplateFields(block.blocks, assets) as Block[] };
    return block;
  });
}

/**
 * Numbers an article's notes 1, 2, 3… in reading order, on copies. The template prints these
 * numbers as they are: a note call whose number Typst had to count would be laid out again on
 * every pass of its layout, which made footnotes the slowest part of an issue.
 */
function numberFootnotes<T>(blocks: T): T {
  let count = 0;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
    const node = value as Record<string, unknown>;
    if (node.type === 'footnote') {
      const number = ++count;
      return { ...node, number, paragraphs: visit(node.paragraphs) };
    }
    // Keys in the order the template lays them out: a table's caption is above its rows.
    const keys = Object.keys(node).sort((a, b) => layoutOrder(a) - layoutOrder(b));
    return Object.fromEntries(keys.map((key) => [key, visit(node[key])]));
  };
  return visit(blocks) as T;
}

// A figure's caption is below its image (which holds no notes), a table's above its rows.
const layoutOrder = (key: string) => (key === 'caption' ? 0 : 1);

function familyName(
  names: TypesetArticle['publication']['contributors'][number]['names'],
  locale: Locale,
) {
  const order = locale === 'ar' ? (['Arab', 'Latn'] as const) : (['Latn', 'Arab'] as const);
  for (const script of order) {
    const name = names[script];
    if (name?.given) return name.family || name.given;
  }
  return '';
}

// Stands for the page range while the citation is written; the template prints the real one.
const PAGES_MARK = '\u0000pages\u0000';

function citeWithPages(
  journal: TypesetJournal,
  issue: TypesetIssue | null,
  article: TypesetArticle,
  locale: Locale,
): TypstArticleData['cite'] {
  // With pages only when the article has (or, in an issue, is given) a place in an issue.
  const paged = issue !== null;
  const marked = citeArticle(
    {
      journal,
      issue,
      article: paged
        ? {
            ...article,
            publication: { ...article.publication, firstPage: 0, lastPage: 0, articleNumber: null },
          }
        : article,
    },
    locale,
  ).replace('0–0', PAGES_MARK);
  const [before, after = ''] = marked.split(PAGES_MARK);
  return { before, after, pages: marked.includes(PAGES_MARK) };
}

export function articleData(
  journal: TypesetJournal,
  issue: TypesetIssue | null,
  article: TypesetArticle,
): TypstArticleData {
  const { publication, content } = article;
  const locale = publication.locale;
  const labels = labelsFor(locale);
  const own = publication.metadata[locale] ?? Object.values(publication.metadata)[0];
  const affiliations: string[] = [];
  const authors = publication.contributors.map((contributor) => {
    const indexes: number[] = [];
    if (contributor.affiliation) {
      let index = affiliations.indexOf(contributor.affiliation);
      if (index < 0) index = affiliations.push(contributor.affiliation) - 1;
      indexes.push(index + 1);
    }
    return {
      name: displayName(contributor.names, locale),
      affiliations: indexes,
      orcid: contributor.orcid ?? null,
      corresponding: contributor.corresponding,
      email: contributor.corresponding ? (contributor.email ?? null) : null,
    };
  });
  const families = publication.contributors.map((c) => familyName(c.names, locale));
  const byline =
    families.length > 2
      ? `${families[0]} ${labels.etAl}`
      : families.join(locale === 'ar' ? ' و' : locale === 'fr' ? ' et ' : ' & ');
  const title = own?.title ?? '';
  const dates: TypstArticleData['dates'] = [];
  const dated: [Date | null, string][] = [
    [publication.receivedAt, labels.received],
    [publication.revisedAt, labels.revised],
    [publication.acceptedAt, labels.accepted],
    [publication.publishedAt ?? issue?.publishedAt ?? null, labels.published],
  ];
  for (const [date, label] of dated)
    if (date) dates.push({ label, value: formatDate(date, locale) });
  return {
    key: publication.id,
    locale,
    journalTitle: pickLocalized(journal.titles, locale, journal.primaryLocale) ?? '',
    issnLine: issnLines(journal, locale).join(' · '),
    issueLine: issue ? (pickLocalized(issue.identification, locale) ?? '') : labels.proof,
    doi: publication.doi,
    sectionTitle: pickLocalized(article.sectionTitles, locale, journal.primaryLocale) ?? null,
    title,
    subtitle: own?.subtitle ?? null,
    tocTitle: own?.subtitle ? `${title}: ${own.subtitle}` : title,
    runningHead: `${byline} — ${title.length > 70 ? `${title.slice(0, 67).trimEnd()}…` : title}`,
    authors,
    affiliations,
    abstracts: localesOf(journal, publication).flatMap((abstractLocale) => {
      const entry = publication.metadata[abstractLocale];
      if (!entry?.abstract) return [];
      const words = labelsFor(abstractLocale);
      return [
        {
          locale: abstractLocale,
          // An abstract in another language carries the title in that language.
          title: abstractLocale === locale ? null : entry.title,
          label: words.abstract,
          text: entry.abstract,
          keywordsLabel: words.keywords,
          keywords: entry.keywords ?? [],
        },
      ];
    }),
    dates,
    copyright: `© ${publication.copyrightYear} ${publication.copyrightHolder}`,
    licence: licenceOf(publication.licenceUrl),
    cite: citeWithPages(journal, issue, article, locale),
    blocks: forTemplate(content.blocks, content.assets),
    references: publication.references.length ? publication.references : content.references,
    funding: publication.funding,
    supplied: article.supplied ? { pages: article.supplied.pages } : null,
    labels: {
      table: labels.table,
      figure: labels.figure,
      page: labels.page,
      pages: labels.pages,
      corresponding: labels.correspondingAuthor,
      cite: labels.citeThisArticle,
      funding: labels.funding,
      references: labels.references,
    },
  };
}

function documentKeywords(articles: TypesetArticle[]): string[] {
  return [
    ...new Set(
      articles.flatMap((article) => {
        const own = article.publication.metadata[article.publication.locale];
        return own?.keywords ?? [];
      }),
    ),
  ];
}

/** One article on its own: a proof, numbered from its first page if it has one. */
export function articleDocument(
  journal: TypesetJournal,
  issue: TypesetIssue | null,
  article: TypesetArticle,
): TypstDocumentData {
  const data = articleData(journal, issue, article);
  return {
    direction: directionOf(journal.primaryLocale),
    primaryLocale: journal.primaryLocale,
    title: data.title,
    authors: data.authors.map((author) => author.name),
    keywords: documentKeywords([article]),
    journal: { title: pickLocalized(journal.titles, journal.primaryLocale) ?? '' },
    front: null,
    startPage: article.publication.firstPage ?? 1,
    articles: [data],
  };
}

/** The whole issue: cover, masthead, contents and every article, in contents order. */
export function issueDocument(input: TypesetIssueInput): TypstDocumentData {
  const { journal, issue } = input;
  const primary = journal.primaryLocale;
  const labels = labelsFor(primary);
  const locales = [primary, ...journal.additionalLocales.filter((l) => l !== primary)];
  // The layout decides every page number but the first: the records' pages, written back by
  // the last typesetting, must not change the data (nor, so, its hash).
  const articles = input.articles.map((article) =>
    articleData(journal, issue, {
      ...article,
      publication: { ...article.publication, firstPage: null, lastPage: null },
    }),
  );
  const sections: TypstFrontMatter['sections'] = [];
  input.articles.forEach((article, index) => {
    const title = pickLocalized(article.sectionTitles, primary) ?? '';
    const last = sections[sections.length - 1];
    if (last && last.title === title) last.articles.push(articles[index].key);
    else sections.push({ title, articles: [articles[index].key] });
  });
  const licence = licenceOf(journal.licenceUrl);
  const journalTitle = pickLocalized(journal.titles, primary) ?? '';
  return {
    direction: directionOf(primary),
    primaryLocale: primary,
    title: `${journalTitle} — ${pickLocalized(issue.identification, primary) ?? ''}`,
    authors: [journal.publisherName],
    keywords: documentKeywords(input.articles),
    journal: { title: journalTitle },
    front: {
      titles: locales
        .filter((locale) => journal.titles[locale])
        .map((locale) => ({ locale, text: journal.titles[locale]!, primary: locale === primary })),
      identifications: locales
        .filter((locale) => issue.identification[locale])
        .map((locale) => ({ locale, text: issue.identification[locale]! })),
      issueTitle: pickLocalized(issue.titles, primary) ?? null,
      issnLines: issnLines(journal, primary),
      publisher: journal.publisherName,
      place: journal.publisherPlace,
      date: issue.publishedAt ? formatDate(issue.publishedAt, primary) : null,
      coverImage: input.cover !== null,
      board: input.board.map((member) => ({
        name: pickLocalized(member.names, primary) ?? '',
        role: pickLocalized(member.roleTitles, primary) ?? '',
        affiliation: pickLocalized(member.affiliations, primary) ?? null,
      })),
      guestEditors: issue.guestEditors.map((editor) =>
        [pickLocalized(editor.names, primary), editor.affiliation].filter(Boolean).join(' — '),
      ),
      rights: labels.issueRights,
      licence,
      labels: {
        board: labels.editorialBoard,
        guestEditors: labels.guestEditors,
        contents: labels.tableOfContents,
      },
      sections,
    },
    startPage: input.articles[0]?.publication.firstPage ?? 1,
    articles,
  };
}
