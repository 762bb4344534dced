import {
  type Locale,
  type LocalizedText,
  pickLocalized,
  SUPPORTED_LOCALES,
} from '../../common/i18n/locale';
import { displayName, type PersonNames } from '../../editorial/people';
import type { PublishedMetadata } from '../entities/publication.entity';
import { identifyIssue } from '../issue-identification';
import {
  cleanText,
  element,
  serializeXmlDocument,
  textElement,
  type XmlChild,
  type XmlElement,
} from '../exports/xml';
import { articleLandingUrl } from '../../editorial/site-addresses';

/** The errors OAI-PMH 2.0 names (section 3.6); each answers HTTP 200 with an <error>. */
export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Seconds granularity, UTC, as the repository declares in Identify. */
export function utcDatestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * The response envelope: responseDate, the request echoed (its arguments only when the request
 * was understood, as the protocol asks for badVerb and badArgument), then the verb's element or
 * the errors.
 */
export function oaiResponse(
  baseUrl: string,
  request: Record<string, string>,
  body: XmlElement | OaiError[],
  now = new Date(),
): string {
  const errors = Array.isArray(body) ? body : [];
  const echo = errors.some((error) => error.code === 'badVerb' || error.code === 'badArgument')
    ? {}
    : request;
  return serializeXmlDocument(
    element(
      'OAI-PMH',
      {
        xmlns: OAI_NAMESPACE,
        'xmlns:xsi': XSI,
        'xsi:schemaLocation': `${OAI_NAMESPACE} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`,
      },
      [
        textElement('responseDate', utcDatestamp(now)),
        textElement('request', baseUrl, echo),
        ...(Array.isArray(body)
          ? body.map((error) => textElement('error', error.message, { code: error.code }))
          : [body]),
      ],
    ),
  );
}

export interface OaiRecordHeader {
  identifier: string;
  datestamp: Date;
  setSpecs: string[];
}

export function oaiHeader(header: OaiRecordHeader): XmlElement {
  return element('header', {}, [
    textElement('identifier', header.identifier),
    textElement('datestamp', utcDatestamp(header.datestamp)),
    ...header.setSpecs.map((spec) => textElement('setSpec', spec)),
  ]);
}

/** What a published article says of itself in Dublin Core. */
export interface DublinCoreArticle {
  locale: Locale;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: { names: PersonNames }[];
  publisher: string;
  publishedAt: Date;
  landingUrl: string;
  doi: string | null;
  /** "Journal title; Vol. 1, No. 2 (2026); 13-24" */
  source: string;
  issns: string[];
  galleys: { url: string; mediaType: string }[];
  copyright: string;
  licenceUrl: string;
  sectionTitles: LocalizedText;
}

/** "Benali, Leila": Dublin Core's usual creator order, in Latin script when there is one. */
function creator(names: PersonNames): string {
  for (const script of ['Latn', 'Arab', 'Tfng'] as const) {
    const name = names[script];
    if (name?.given) return name.family ? `${name.family}, ${name.given}` : name.given;
  }
  return displayName(names);
}

/** An oai_dc record: every language the article has, each text tagged with its xml:lang. */
export function oaiDublinCore(article: DublinCoreArticle): XmlElement {
  const locales = [article.locale, ...SUPPORTED_LOCALES.filter((l) => l !== article.locale)].filter(
    (locale) => article.metadata[locale],
  );
  const texts = (pick: (entry: PublishedMetadata) => string | null | undefined, name: string) =>
    locales.flatMap((locale) => {
      const value = cleanText(pick(article.metadata[locale]!));
      return value ? [textElement(name, value, { 'xml:lang': locale })] : [];
    });
  const children: XmlChild[] = [
    ...texts((entry) => entry.title, 'dc:title'),
    ...article.contributors.map((contributor) =>
      textElement('dc:creator', cleanText(creator(contributor.names))),
    ),
    ...locales.flatMap((locale) =>
      (article.metadata[locale]!.keywords ?? [])
        .map(cleanText)
        .filter(Boolean)
        .map((keyword) => textElement('dc:subject', keyword, { 'xml:lang': locale })),
    ),
    ...texts((entry) => entry.abstract, 'dc:description'),
    textElement('dc:publisher', cleanText(article.publisher)),
    textElement('dc:date', article.publishedAt.toISOString().slice(0, 10)),
    textElement('dc:type', 'info:eu-repo/semantics/article'),
    textElement('dc:type', 'info:eu-repo/semantics/publishedVersion'),
    ...[...new Set(article.galleys.map((galley) => galley.mediaType))].map((type) =>
      textElement('dc:format', type),
    ),
    textElement('dc:identifier', article.landingUrl),
    article.doi && textElement('dc:identifier', `https://doi.org/${article.doi}`),
    textElement('dc:source', cleanText(article.source)),
    ...article.issns.map((issn) => textElement('dc:source', issn)),
    textElement('dc:language', article.locale),
    ...article.galleys.map((galley) => textElement('dc:relation', galley.url)),
    textElement('dc:rights', cleanText(article.copyright)),
    textElement('dc:rights', article.licenceUrl),
  ];
  return element(
    'oai_dc:dc',
    {
      'xmlns:oai_dc': 'http://www.openarchives.org/OAI/2.0/oai_dc/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:xsi': XSI,
      'xsi:schemaLocation':
        'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    },
    children,
  );
}

/** What Identify says of the repository. */
export interface RepositoryIdentity {
  host: string;
  baseUrl: string;
  adminEmails: string[];
  earliest: Date;
  /** An identifier of the repository's form, for oai-identifier's sampleIdentifier. */
  sampleIdentifier: string;
}

// oai-identifier's repositoryIdentifier: a domain name with at least one dot.
const REPOSITORY_IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

/** The Identify answer; with an oai-identifier description when the host can name one. */
export function oaiIdentify(identity: RepositoryIdentity): XmlElement {
  const description = REPOSITORY_IDENTIFIER.test(identity.host)
    ? element('description', {}, [
        element(
          'oai-identifier',
          {
            xmlns: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
            'xsi:schemaLocation':
              'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd',
          },
          [
            textElement('scheme', 'oai'),
            textElement('repositoryIdentifier', identity.host),
            textElement('delimiter', ':'),
            textElement('sampleIdentifier', identity.sampleIdentifier),
          ],
        ),
      ])
    : null;
  return element('Identify', {}, [
    textElement('repositoryName', `Tahkim journals at ${identity.host}`),
    textElement('baseURL', identity.baseUrl),
    textElement('protocolVersion', '2.0'),
    ...identity.adminEmails.map((address) => textElement('adminEmail', address)),
    textElement('earliestDatestamp', utcDatestamp(identity.earliest)),
    // An unpublished issue's articles leave the repository; harvesters are not promised a trace.
    textElement('deletedRecord', 'transient'),
    textElement('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
    description,
  ]);
}

/** The ListMetadataFormats answer. */
export function oaiMetadataFormats(
  formats: readonly { prefix: string; schema: string; namespace: string }[],
): XmlElement {
  return element(
    'ListMetadataFormats',
    {},
    formats.map((format) =>
      element('metadataFormat', {}, [
        textElement('metadataPrefix', format.prefix),
        textElement('schema', format.schema),
        textElement('metadataNamespace', format.namespace),
      ]),
    ),
  );
}

/** The ListSets answer: a set per journal, and one per section of it. */
export function oaiSets(
  journals: { id: string; slug: string; titles: LocalizedText; primaryLocale: Locale }[],
  sections: { id: string; journal_id: string; titles: LocalizedText }[],
): XmlElement {
  const sets: XmlElement[] = [];
  for (const journal of journals) {
    const title = pickLocalized(journal.titles, journal.primaryLocale) ?? journal.slug;
    sets.push(
      element('set', {}, [textElement('setSpec', journal.slug), textElement('setName', title)]),
    );
    for (const section of sections.filter((candidate) => candidate.journal_id === journal.id))
      sets.push(
        element('set', {}, [
          textElement('setSpec', `${journal.slug}:${section.id}`),
          textElement(
            'setName',
            `${title}: ${pickLocalized(section.titles, journal.primaryLocale) ?? section.id}`,
          ),
        ]),
      );
  }
  return element('ListSets', {}, sets);
}

/** A published article's newest version, with its journal's and issue's rows as stored. */
export interface StoredArticle {
  submissionId: string;
  locale: Locale;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: { names: PersonNames }[];
  firstPage: number | null;
  lastPage: number | null;
  doi: string | null;
  copyrightHolder: string;
  copyrightYear: number;
  licenceUrl: string;
  publishedAt: Date | string | null;
  journal: Record<string, unknown>;
  issue: Record<string, unknown>;
  section_titles: LocalizedText;
  galleys: { id: string; media_type: string }[];
}

/** The Dublin Core of a published article, its links made on the site's public address. */
export function dublinCoreOf(article: StoredArticle, publicUrl: string): DublinCoreArticle {
  const { journal, issue } = article;
  const slug = journal.slug as string;
  const primary = journal.primary_locale as Locale;
  const journalTitle = pickLocalized(journal.titles as LocalizedText, primary) ?? slug;
  const identification = identifyIssue(
    {
      volume: issue.volume as number,
      number: issue.number as number,
      year: issue.year as number,
      titles: issue.titles as LocalizedText,
      showVolume: issue.show_volume as boolean,
      showNumber: issue.show_number as boolean,
      showYear: issue.show_year as boolean,
      showTitle: false,
    },
    'en',
  );
  const pages =
    article.firstPage !== null && article.lastPage !== null
      ? `; ${article.firstPage}-${article.lastPage}`
      : '';
  const url = (path: string) => new URL(path, publicUrl).href;
  return {
    locale: article.locale,
    metadata: article.metadata,
    contributors: article.contributors,
    publisher: journal.publisher_name as string,
    publishedAt: new Date(article.publishedAt!),
    landingUrl: articleLandingUrl(
      publicUrl,
      { slug, primaryLocale: primary },
      article.submissionId,
    ),
    doi: article.doi,
    source: `${journalTitle}; ${identification}${pages}`,
    issns: [journal.online_issn, journal.print_issn].filter((issn): issn is string =>
      Boolean(issn),
    ),
    galleys: article.galleys.map((galley) => ({
      url: url(`/api/public/journals/${slug}/galleys/${galley.id}/content`),
      mediaType: galley.media_type,
    })),
    copyright: `© ${article.copyrightYear} ${article.copyrightHolder}`,
    licenceUrl: article.licenceUrl,
    sectionTitles: article.section_titles,
  };
}
