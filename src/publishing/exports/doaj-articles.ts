import { displayName } from '../../editorial/people';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import type { Journal } from '../../journals';
import type { Issue } from '../entities/issue.entity';
import type { Publication } from '../entities/publication.entity';
import { cleanText, element, serializeXmlDocument, textElement, type XmlChild } from './xml';

/** DOAJ names languages by ISO 639-2/B, three letters: Arabic is "ara", French "fre". */
const DOAJ_LANGUAGES: Record<Locale, string> = { ar: 'ara', en: 'eng', fr: 'fre' };

export interface DoajExportInput {
  journal: Pick<Journal, 'titles' | 'primaryLocale' | 'onlineIssn' | 'printIssn' | 'publisherName'>;
  issue: Pick<Issue, 'volume' | 'number' | 'publishedAt' | 'year'>;
  articles: {
    publication: Pick<
      Publication,
      | 'submissionId'
      | 'locale'
      | 'metadata'
      | 'contributors'
      | 'firstPage'
      | 'lastPage'
      | 'doi'
      | 'publishedAt'
    >;
    /** The full text readers get: the PDF galley, or else the article's page. */
    fullText: { url: string; format: 'pdf' | 'html' };
  }[];
}

/** What makes an export impossible, said before anything is built. */
export class DoajExportError extends Error {}

/** A host that reaches only this machine: `localhost`, a loopback address, or a bare name. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host.startsWith('127.') ||
    (!host.includes('.') && !host.includes(':'))
  );
}

/**
 * What the editors are told when doajArticles.xsd refuses the full-text URLs: DOAJ takes only
 * public http(s) addresses (its pattern wants a host with a dot and a top-level domain, or an IP
 * address), and Tahkim makes them from PUBLIC_URL. The remedy is to run with the site's public
 * address; no public URL is ever made up for the file.
 */
export function fullTextUrlAdvice(publicUrl: string): string {
  let host = '';
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    // An unreadable PUBLIC_URL is not public either.
  }
  const what = isLocalHost(host)
    ? 'a local address DOAJ cannot reach'
    : 'which DOAJ does not take as one';
  return (
    `DOAJ needs each article's full-text URL to be a public http(s) address, and the links are ` +
    `made from PUBLIC_URL, ${publicUrl}, ${what}: set PUBLIC_URL to the journal site's public ` +
    `address, then ask for a new export.`
  );
}

function isoDate(date: Date | null | undefined, year: number): string {
  return date ? date.toISOString().slice(0, 10) : String(year);
}

/**
 * The DOAJ article upload for an issue (doajArticles.xsd 1.3): one `record` per article, with its
 * titles, abstracts and keywords in every language the record has (the article's own first),
 * authors with affiliations and ORCID iDs, pages, DOI and full-text link. Authors' emails are
 * left out: DOAJ shows them to the public, and the journal publishes only the corresponding
 * author's.
 */
export function buildDoajArticles(input: DoajExportInput): string {
  const { journal, issue } = input;
  if (!journal.onlineIssn && !journal.printIssn)
    throw new DoajExportError('the journal has no ISSN, which DOAJ needs to match its articles');
  if (input.articles.length === 0) throw new DoajExportError('the issue has no articles');
  const journalTitle =
    cleanText(journal.titles[journal.primaryLocale]) ||
    cleanText(SUPPORTED_LOCALES.map((locale) => journal.titles[locale]).find(Boolean));
  const records = input.articles.map(({ publication, fullText }) => {
    const locales = [
      publication.locale,
      ...SUPPORTED_LOCALES.filter((locale) => locale !== publication.locale),
    ].filter((locale) => publication.metadata[locale]);
    const affiliations: string[] = [];
    const authors = publication.contributors.map((contributor) => {
      let affiliationId: number | null = null;
      const affiliation = cleanText(contributor.affiliation);
      if (affiliation) {
        let at = affiliations.indexOf(affiliation);
        if (at < 0) at = affiliations.push(affiliation) - 1;
        affiliationId = at + 1;
      }
      return element('author', {}, [
        textElement('name', cleanText(displayName(contributor.names, 'en'))),
        affiliationId !== null && textElement('affiliationId', affiliationId),
        contributor.orcid && textElement('orcid_id', `https://orcid.org/${contributor.orcid}`),
      ]);
    });
    const children: XmlChild[] = [
      textElement('language', DOAJ_LANGUAGES[publication.locale]),
      textElement('publisher', cleanText(journal.publisherName)),
      textElement('journalTitle', journalTitle),
      journal.printIssn && textElement('issn', journal.printIssn),
      journal.onlineIssn && textElement('eissn', journal.onlineIssn),
      textElement(
        'publicationDate',
        isoDate(publication.publishedAt ?? issue.publishedAt, issue.year),
      ),
      textElement('volume', issue.volume),
      textElement('issue', issue.number),
      publication.firstPage !== null && textElement('startPage', publication.firstPage),
      publication.lastPage !== null && textElement('endPage', publication.lastPage),
      publication.doi && textElement('doi', publication.doi),
      textElement('publisherRecordId', publication.submissionId),
      textElement('documentType', 'article'),
      ...locales.map((locale) =>
        textElement('title', cleanText(publication.metadata[locale]!.title), {
          language: DOAJ_LANGUAGES[locale],
        }),
      ),
      authors.length > 0 && element('authors', {}, authors),
      affiliations.length > 0 &&
        element(
          'affiliationsList',
          {},
          affiliations.map((name, index) =>
            textElement('affiliationName', name, { affiliationId: index + 1 }),
          ),
        ),
      ...locales
        .filter((locale) => cleanText(publication.metadata[locale]!.abstract))
        .map((locale) =>
          textElement('abstract', cleanText(publication.metadata[locale]!.abstract), {
            language: DOAJ_LANGUAGES[locale],
          }),
        ),
      textElement('fullTextUrl', fullText.url, { format: fullText.format }),
      ...locales
        .filter((locale) => publication.metadata[locale]!.keywords?.length)
        .map((locale) =>
          element(
            'keywords',
            { language: DOAJ_LANGUAGES[locale] },
            publication.metadata[locale]!.keywords!.map((keyword) =>
              textElement('keyword', cleanText(keyword)),
            ),
          ),
        ),
    ];
    return element('record', {}, children);
  });
  return serializeXmlDocument(element('records', {}, records));
}
