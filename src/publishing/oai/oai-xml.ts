import { displayName, type PersonNames } from '../../accounts/user.entity';
import { SUPPORTED_LOCALES, type Locale, type LocalizedText } from '../../common/i18n/locale';
import type { PublishedMetadata } from '../entities/publication.entity';
import {
  cleanText,
  element,
  serializeXmlDocument,
  textElement,
  type XmlChild,
  type XmlElement,
} from '../exports/xml';

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
