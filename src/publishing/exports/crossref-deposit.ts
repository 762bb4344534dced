import type { NameScript, PersonName } from '../../editorial/people';
import { SUPPORTED_LOCALES, type Locale, type LocalizedText } from '../../common/i18n/locale';
import { normalizeIssn } from '../../common/identifiers/issn';
import { normalizeOrcid } from '../../common/identifiers/orcid';
import type { Journal } from '../../journals';
import type { Issue } from '../entities/issue.entity';
import type {
  Publication,
  PublishedContributor,
  PublishedMetadata,
} from '../entities/publication.entity';
import {
  cleanText,
  element,
  serializeXmlDocument,
  stripInvalidXmlChars,
  textElement,
  type XmlChild,
  type XmlElement,
} from './xml';

export interface CrossrefDepositInput {
  /** Unique per deposit (Crossref's doi_batch_id, 4–100 characters), e.g. `tahkim-<issueId>-<timestamp>`. */
  batchId: string;
  /** Crossref's `<timestamp>`: an integer that grows with each deposit (e.g. Date.now()). */
  timestamp: number;
  depositor: { name: string; email: string };
  /** The publisher name. */
  registrant: string;
  journal: Pick<
    Journal,
    'titles' | 'abbreviations' | 'primaryLocale' | 'onlineIssn' | 'printIssn' | 'doiPrefix'
  >;
  issue: Pick<Issue, 'volume' | 'number' | 'year' | 'titles' | 'publishedAt' | 'special'>;
  articles: {
    publication: Pick<
      Publication,
      | 'locale'
      | 'metadata'
      | 'contributors'
      | 'firstPage'
      | 'lastPage'
      | 'articleNumber'
      | 'doi'
      | 'licenceUrl'
      | 'publishedAt'
      | 'references'
      | 'funding'
      | 'version'
    >;
    /** Public landing page of the article (the DOI resolves here). */
    resourceUrl: string;
    /** Full-text URLs for similarity check / text mining, e.g. the PDF galley. */
    fullTextUrls?: { url: string; mediaType: string }[];
  }[];
}

type DepositArticle = CrossrefDepositInput['articles'][number];

const CROSSREF_NAMESPACE = 'http://www.crossref.org/schema/5.4.0';
const NAMESPACE_ATTRIBUTES = {
  version: '5.4.0',
  xmlns: CROSSREF_NAMESPACE,
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xmlns:jats': 'http://www.ncbi.nlm.nih.gov/JATS1',
  'xmlns:ai': 'http://www.crossref.org/AccessIndicators.xsd',
  // libxml2 ignores this hint; Crossref's own tools read it.
  'xsi:schemaLocation': `${CROSSREF_NAMESPACE} https://www.crossref.org/schemas/crossref5.4.0.xsd`,
};

/** journal_metadata allows at most 10 full_title and 10 abbrev_title. */
const MAX_JOURNAL_TITLES = 10;
/** journal_article allows at most 20 titles. */
const MAX_ARTICLE_TITLES = 20;

/**
 * Scripts in the order Crossref is best served: Latin first (its matching and most indexes work
 * on Latin-script names), then Arabic, then Tifinagh. Schema 5.4.0 has no `alt-name` any more,
 * so one script is deposited; `person_name/@language` says which language a non-Latin name is in.
 * A Tifinagh name gets no language: the script does not tell which Tamazight language it is.
 */
const NAME_SCRIPTS: { script: NameScript; language?: Locale }[] = [
  { script: 'Latn' },
  { script: 'Arab', language: 'ar' },
  { script: 'Tfng' },
];

/**
 * MIME types for `resource/@mime_type` in a text-mining collection. The schema enumerates the
 * IANA list; these are the full-text types a journal serves, each checked against
 * mediatypes5.4.0.xsd. Another type is deposited without the attribute rather than invalidly.
 */
const DEPOSITABLE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'text/html',
  'application/xhtml+xml',
  'application/xml',
  'text/xml',
  'text/plain',
  'application/epub+zip',
]);

/** The locales of a localised value, the preferred one first, then Tahkim's order. */
function localesInOrder(preferred: Locale): Locale[] {
  return [preferred, ...SUPPORTED_LOCALES.filter((locale) => locale !== preferred)];
}

/** Each language's cleaned, non-empty text, the preferred language first. */
function localizedTexts(text: LocalizedText | null | undefined, preferred: Locale): string[] {
  return localesInOrder(preferred)
    .map((locale) => cleanText(text?.[locale]))
    .filter((value) => value !== '');
}

/** Date parts in UTC, as the rest of Tahkim reckons publication years. */
function dateParts(date: Date | string | null | undefined) {
  if (date === null || date === undefined) return null;
  const when = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(when.getTime())) return null;
  return {
    year: when.getUTCFullYear(),
    month: String(when.getUTCMonth() + 1).padStart(2, '0'),
    day: String(when.getUTCDate()).padStart(2, '0'),
  };
}

/** `publication_date media_type="online"`: month, day, year, in that order; the year alone without a date. */
function publicationDate(date: Date | null | undefined, fallbackYear: number): XmlElement {
  const parts = dateParts(date);
  return element('publication_date', { media_type: 'online' }, [
    parts && textElement('month', parts.month),
    parts && textElement('day', parts.day),
    textElement('year', parts?.year ?? fallbackYear),
  ]);
}

function isoDate(date: Date | null | undefined): string | undefined {
  const parts = dateParts(date);
  return parts ? `${parts.year}-${parts.month}-${parts.day}` : undefined;
}

function issnElement(value: string | null, mediaType: 'electronic' | 'print'): XmlChild {
  if (!value?.trim()) return null;
  const issn = normalizeIssn(value);
  if (!issn)
    throw new Error(`the journal's ${mediaType} ISSN ${JSON.stringify(value)} is not valid`);
  return textElement('issn', issn, { media_type: mediaType });
}

function journalMetadata(journal: CrossrefDepositInput['journal']): XmlElement {
  const titles = localizedTexts(journal.titles, journal.primaryLocale);
  if (titles.length === 0) throw new Error('the journal has no title');
  const abbreviations = localizedTexts(journal.abbreviations, journal.primaryLocale);
  return element('journal_metadata', { language: journal.primaryLocale }, [
    // The primary language's title first: the one Crossref shows and matches on.
    ...titles.slice(0, MAX_JOURNAL_TITLES).map((title) => textElement('full_title', title)),
    ...abbreviations
      .slice(0, MAX_JOURNAL_TITLES)
      .map((abbreviation) => textElement('abbrev_title', abbreviation)),
    issnElement(journal.onlineIssn, 'electronic'),
    issnElement(journal.printIssn, 'print'),
  ]);
}

function journalIssue(issue: CrossrefDepositInput['issue'], primaryLocale: Locale): XmlElement {
  // journal_issue takes one `titles`: the issue's title in the journal's language (a special
  // issue's theme, usually). `special` itself has no place: special_numbering would stand in for
  // the issue number, which Tahkim issues always have.
  const [title] = localizedTexts(issue.titles, primaryLocale);
  return element('journal_issue', {}, [
    title && element('titles', {}, [textElement('title', title)]),
    publicationDate(issue.publishedAt, issue.year),
    element('journal_volume', {}, [textElement('volume', issue.volume)]),
    textElement('issue', issue.number),
  ]);
}

/**
 * One `titles` per language, the article's own first. Crossref takes up to 20 `titles` in a
 * journal_article for multilingual titles; `original_language_title` is not used because it
 * means the deposit is for a translation of a work published first in another language.
 */
function articleTitles(publication: DepositArticle['publication']): XmlElement[] {
  const titles = localesInOrder(publication.locale)
    .map((locale) => publication.metadata[locale])
    .filter((metadata): metadata is PublishedMetadata => Boolean(metadata))
    .map((metadata) => ({
      title: cleanText(metadata.title),
      subtitle: cleanText(metadata.subtitle),
    }))
    .filter(({ title }) => title !== '')
    .slice(0, MAX_ARTICLE_TITLES)
    .map(({ title, subtitle }) =>
      element('titles', {}, [
        textElement('title', title),
        subtitle && textElement('subtitle', subtitle),
      ]),
    );
  if (titles.length === 0) {
    throw new Error(`the article ${publication.doi ?? '(no DOI)'} has no title`);
  }
  return titles;
}

/** The name to deposit: the first script (Latin, Arabic, Tifinagh) with any part written. */
function depositedName(
  contributor: PublishedContributor,
): { given: string; family: string; language?: Locale } | null {
  for (const { script, language } of NAME_SCRIPTS) {
    const name: PersonName | undefined = contributor.names?.[script];
    const given = cleanText(name?.given);
    const family = cleanText(name?.family);
    if (!given && !family) continue;
    // A single name (mononym) goes into surname alone: the `surname, name*` form, valid in both
    // revisions of the 5.4.0 schema (one of them has no `<name>`).
    return family ? { given, family, language } : { given: '', family: given, language };
  }
  return null;
}

function personName(contributor: PublishedContributor, first: boolean): XmlChild {
  const chosen = depositedName(contributor);
  if (!chosen) return null;
  const affiliation = cleanText(contributor.affiliation);
  const orcid = contributor.orcid ? normalizeOrcid(contributor.orcid) : null;
  return element(
    'person_name',
    {
      sequence: first ? 'first' : 'additional',
      contributor_role: 'author',
      language: chosen.language,
    },
    [
      chosen.given && textElement('given_name', chosen.given),
      textElement('surname', chosen.family),
      affiliation &&
        element('affiliations', {}, [
          element('institution', {}, [textElement('institution_name', affiliation)]),
        ]),
      // An iD that fails its check digit is left out rather than deposited as a wrong link.
      orcid && textElement('ORCID', `https://orcid.org/${orcid}`, { authenticated: 'false' }),
    ],
  );
}

function contributors(publication: DepositArticle['publication']): XmlChild {
  const people: XmlElement[] = [];
  for (const contributor of publication.contributors ?? []) {
    const person = personName(contributor, people.length === 0);
    if (person) people.push(person);
  }
  return people.length > 0 && element('contributors', {}, people);
}

/** Paragraphs of a plain-text abstract: split at blank lines, each on one line. */
function paragraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return stripInvalidXmlChars(text)
    .split(/\r?\n[^\S\r\n]*(?:\r?\n)+/u)
    .map((paragraph) => cleanText(paragraph))
    .filter((paragraph) => paragraph !== '');
}

/** One `jats:abstract xml:lang` per language that has one, the article's own first. */
function abstracts(publication: DepositArticle['publication']): XmlElement[] {
  return localesInOrder(publication.locale).flatMap((locale) => {
    const parts = paragraphs(publication.metadata[locale]?.abstract);
    if (parts.length === 0) return [];
    return [
      element(
        'jats:abstract',
        { 'xml:lang': locale },
        parts.map((part) => textElement('jats:p', part)),
      ),
    ];
  });
}

function pages(publication: DepositArticle['publication']): XmlChild {
  if (publication.firstPage === null || publication.firstPage === undefined) return null;
  return element('pages', {}, [
    textElement('first_page', publication.firstPage),
    publication.lastPage !== null &&
      publication.lastPage !== undefined &&
      textElement('last_page', publication.lastPage),
  ]);
}

/** An article number (e-locator) for journals that number articles rather than pages. */
function publisherItem(publication: DepositArticle['publication']): XmlChild {
  const number = cleanText(publication.articleNumber);
  return (
    number &&
    element('publisher_item', {}, [
      textElement('item_number', number, { item_number_type: 'article_number' }),
    ])
  );
}

/**
 * Access indicators: free to read (Tahkim journals are open access) and the licence of the
 * version of record, from the publication date.
 */
function accessIndicators(
  publication: DepositArticle['publication'],
  published: Date | null,
): XmlElement {
  const licence = cleanText(publication.licenceUrl);
  return element('ai:program', { name: 'AccessIndicators' }, [
    element('ai:free_to_read'),
    licence &&
      textElement('ai:license_ref', licence, {
        applies_to: 'vor',
        start_date: isoDate(published),
      }),
  ]);
}

/**
 * Full-text URLs: a `text-mining` collection with every file and its MIME type, and a
 * `crawler-based` one for Similarity Check with the one file it is to crawl (the first PDF, else
 * the first file), as `crawler="iParadigms"`: the value Crossref documents and every schema
 * version accepts (5.4.0 also has `similarity-check`).
 */
function fullTextCollections(files: DepositArticle['fullTextUrls']): XmlElement[] {
  const usable = (files ?? [])
    .map((file) => ({
      url: cleanText(file.url),
      mediaType: cleanText(file.mediaType).toLowerCase(),
    }))
    .filter((file) => file.url !== '');
  if (usable.length === 0) return [];
  const crawled = usable.find((file) => file.mediaType === 'application/pdf') ?? usable[0];
  return [
    element('collection', { property: 'crawler-based' }, [
      element('item', { crawler: 'iParadigms' }, [textElement('resource', crawled.url)]),
    ]),
    element(
      'collection',
      { property: 'text-mining' },
      usable.map((file) =>
        element('item', {}, [
          textElement('resource', file.url, {
            mime_type: DEPOSITABLE_MEDIA_TYPES.has(file.mediaType) ? file.mediaType : undefined,
          }),
        ]),
      ),
    ),
  ];
}

function citationList(references: string[] | null | undefined): XmlChild {
  const citations = (references ?? []).map((reference) => cleanText(reference)).filter(Boolean);
  return (
    citations.length > 0 &&
    element(
      'citation_list',
      {},
      citations.map((citation, index) =>
        element('citation', { key: `ref${index + 1}` }, [
          textElement('unstructured_citation', citation),
        ]),
      ),
    )
  );
}

/**
 * One journal_article, its children in the order of the schema's sequence: titles,
 * contributors, jats:abstract*, publication_date, pages, publisher_item, (fr:program) ai:program,
 * version_info, doi_data, citation_list.
 *
 * Funding is not deposited: `funding` is a free-text statement, and FundRef wants each funder's
 * name (ideally its Funder Registry id) and award number as separate assertions. Putting the
 * whole statement into `funder_name` would pass the schema but register a funder that does not
 * exist.
 */
function journalArticle(article: DepositArticle, issue: CrossrefDepositInput['issue']): XmlElement {
  const { publication } = article;
  const doi = cleanText(publication.doi);
  if (!doi) throw new Error('an article without a DOI cannot be deposited');
  const published = publication.publishedAt ?? issue.publishedAt;
  return element(
    'journal_article',
    { publication_type: 'full_text', language: publication.locale },
    [
      ...articleTitles(publication),
      contributors(publication),
      ...abstracts(publication),
      publicationDate(published, issue.year),
      pages(publication),
      publisherItem(publication),
      accessIndicators(publication, published),
      // The record's version: a correction is a new version under the same DOI.
      Number.isInteger(publication.version) &&
        publication.version > 0 &&
        element('version_info', {}, [textElement('version', publication.version)]),
      element('doi_data', {}, [
        textElement('doi', doi),
        textElement('resource', cleanText(article.resourceUrl)),
        ...fullTextCollections(article.fullTextUrls),
      ]),
      citationList(publication.references),
    ],
  );
}

/**
 * A Crossref metadata deposit (schema 5.4.0) for a published journal issue and its articles:
 * the file sent to Crossref to register or update their DOIs. Pure: no database, no clock.
 *
 * Throws on what cannot be expressed (no journal title, an invalid ISSN, an article without a
 * DOI or title, a negative or non-finite timestamp). Formats the schema checks itself (DOI
 * syntax, URLs, lengths) are left to validation against the XSD.
 */
export function buildCrossrefDeposit(input: CrossrefDepositInput): string {
  const timestamp = Math.trunc(input.timestamp);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new Error(`the deposit timestamp ${input.timestamp} is not a non-negative integer`);
  }
  if (input.articles.length === 0) throw new Error('a deposit needs at least one article');
  const root = element('doi_batch', NAMESPACE_ATTRIBUTES, [
    element('head', {}, [
      textElement('doi_batch_id', cleanText(input.batchId)),
      textElement('timestamp', timestamp),
      element('depositor', {}, [
        textElement('depositor_name', cleanText(input.depositor.name)),
        textElement('email_address', cleanText(input.depositor.email)),
      ]),
      textElement('registrant', cleanText(input.registrant)),
    ]),
    element('body', {}, [
      element('journal', {}, [
        journalMetadata(input.journal),
        journalIssue(input.issue, input.journal.primaryLocale),
        ...input.articles.map((article) => journalArticle(article, input.issue)),
      ]),
    ]),
  ]);
  return serializeXmlDocument(root);
}
