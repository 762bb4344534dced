import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { element, textElement, type XmlElement } from '../exports/xml';
import { OaiRecordsRepository, type RecordRow } from './oai-records.repository';
import {
  checkFormat,
  echoOf,
  type ListQuery,
  listQueryOf,
  METADATA_FORMATS,
  type OaiRequest,
  parseRequest,
} from './oai-request';
import {
  dublinCoreOf,
  OaiError,
  oaiDublinCore,
  oaiHeader,
  oaiIdentify,
  oaiMetadataFormats,
  oaiResponse,
  oaiSets,
} from './oai-xml';
import { decodeToken, encodeToken } from './resumption-token';

/** Records (or headers) per ListRecords/ListIdentifiers page; the rest follows a resumptionToken. */
export const OAI_PAGE_SIZE = 100;

// The schema's adminEmail pattern: a domain with a dot.
const ADMIN_EMAIL = /^\S+@(\S+\.)+\S+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The OAI-PMH 2.0 data provider for every journal of the installation: published articles
 * (their newest published version) in Dublin Core, one set per journal and one per section,
 * paged with stateless resumption tokens over a keyset, and every protocol error as the
 * protocol says (HTTP 200 with `<error code>`). Drafts, reviews and editors never appear.
 * The request is parsed by oai-request, tokens by resumption-token, the records read by
 * OaiRecordsRepository and written by oai-xml: this answers each verb with them.
 */
@Injectable()
export class OaiPmh {
  /** Settable for tests that walk several pages without seeding hundreds of articles. */
  pageSize = OAI_PAGE_SIZE;

  constructor(
    private readonly records: OaiRecordsRepository,
    private readonly config: AppConfig,
  ) {}

  private get baseUrl() {
    return new URL('/api/oai', this.config.PUBLIC_URL).href;
  }

  private get host() {
    return new URL(this.config.PUBLIC_URL).hostname;
  }

  identifierOf(submissionId: string) {
    return `oai:${this.host}:article/${submissionId}`;
  }

  async answer(raw: Record<string, unknown>): Promise<string> {
    const request = echoOf(raw);
    try {
      return oaiResponse(this.baseUrl, request, await this.dispatch(parseRequest(raw)));
    } catch (error) {
      if (error instanceof OaiError) return oaiResponse(this.baseUrl, request, [error]);
      throw error;
    }
  }

  private dispatch({ verb, args }: OaiRequest): Promise<XmlElement> {
    switch (verb) {
      case 'Identify':
        return this.identify();
      case 'ListMetadataFormats':
        return this.listMetadataFormats(args.identifier);
      case 'ListSets':
        if (args.resumptionToken)
          throw new OaiError(
            'badResumptionToken',
            'ListSets answers in one response: there is no token to resume',
          );
        return this.listSets();
      case 'GetRecord':
        return this.getRecord(args.identifier!, args.metadataPrefix!);
      case 'ListIdentifiers':
      case 'ListRecords':
        return this.list(verb, args);
    }
  }

  private async identify(): Promise<XmlElement> {
    // OAI-PMH wants a routable address: the sender's, and the journals' contacts.
    const sender = /<([^>]+)>/.exec(this.config.MAIL_FROM)?.[1] ?? this.config.MAIL_FROM;
    const admins = [...new Set([sender, ...(await this.records.contacts())])].filter((address) =>
      ADMIN_EMAIL.test(address),
    );
    if (admins.length === 0) admins.push(`postmaster@${this.host}`);
    return oaiIdentify({
      host: this.host,
      baseUrl: this.baseUrl,
      adminEmails: admins,
      earliest: (await this.records.earliest()) ?? new Date(0),
      sampleIdentifier: this.identifierOf('00000000-0000-4000-8000-000000000000'),
    });
  }

  private async listMetadataFormats(identifier: string | undefined): Promise<XmlElement> {
    if (identifier) await this.submissionIdOf(identifier);
    return oaiMetadataFormats(METADATA_FORMATS);
  }

  private async listSets(): Promise<XmlElement> {
    const journals = await this.records.journals();
    // Sets are journals with a published issue: before the first one there are none to list.
    if (journals.length === 0) throw new OaiError('noSetHierarchy', 'No journal has published yet');
    const sections = await this.records.sections(journals.map((journal) => journal.id));
    return oaiSets(journals, sections);
  }

  private async submissionIdOf(identifier: string): Promise<string> {
    const prefix = `oai:${this.host}:article/`;
    const id = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : '';
    if (UUID.test(id) && (await this.records.records({ submissionId: id })).length) return id;
    throw new OaiError('idDoesNotExist', `${identifier} is not an identifier of this repository`);
  }

  private async getRecord(identifier: string, prefix: string): Promise<XmlElement> {
    checkFormat(prefix);
    const id = await this.submissionIdOf(identifier);
    const [row] = await this.records.records({ submissionId: id });
    const [record] = await this.render([row], true);
    return element('GetRecord', {}, [record]);
  }

  private async list(
    verb: 'ListIdentifiers' | 'ListRecords',
    args: Record<string, string | undefined>,
  ): Promise<XmlElement> {
    const resumed = args.resumptionToken !== undefined;
    let query: ListQuery;
    let total: number | null = null;
    if (resumed) ({ query, total } = decodeToken(args.resumptionToken!));
    else query = listQueryOf(args);
    const rows = await this.records.records({ ...query, limit: this.pageSize + 1 });
    if (rows.length === 0) {
      if (resumed)
        throw new OaiError(
          'badResumptionToken',
          'The token resumes a list that has no more records',
        );
      throw new OaiError('noRecordsMatch', 'No record matches these arguments');
    }
    total ??= await this.records.count(query);
    const page = rows.slice(0, this.pageSize);
    const items = await this.render(page, verb === 'ListRecords');
    const more = rows.length > this.pageSize;
    const last = page[page.length - 1];
    const token = more
      ? encodeToken(
          {
            ...query,
            after: { datestamp: last.datestamp.toISOString(), id: last.submission_id },
            cursor: query.cursor + page.length,
          },
          total,
        )
      : '';
    // The last page carries an empty token: the list is complete.
    const resumption =
      more || query.cursor > 0
        ? textElement('resumptionToken', token, { completeListSize: total, cursor: query.cursor })
        : null;
    return element(verb, {}, [...items, resumption]);
  }

  /** Each row's header, and with it its Dublin Core when asked. */
  private async render(rows: RecordRow[], withMetadata: boolean): Promise<XmlElement[]> {
    if (rows.length === 0) return [];
    const details = withMetadata
      ? await this.records.details(rows.map((row) => row.submission_id))
      : [];
    return rows.map((row) => {
      const header = oaiHeader({
        identifier: this.identifierOf(row.submission_id),
        datestamp: row.datestamp,
        setSpecs: [row.journal_slug, `${row.journal_slug}:${row.section_id}`],
      });
      if (!withMetadata) return header;
      const detail = details.find((candidate) => candidate.submissionId === row.submission_id)!;
      const metadata = oaiDublinCore(dublinCoreOf(detail, this.config.PUBLIC_URL));
      return element('record', {}, [header, element('metadata', {}, [metadata])]);
    });
  }
}
