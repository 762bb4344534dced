import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pickLocalized, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { AppConfig } from '../../config/app-config';
import type { Journal } from '../../journals/journal.entity';
import { element, textElement, type XmlElement } from '../exports/xml';
import type { Issue } from '../entities/issue.entity';
import type { Publication } from '../entities/publication.entity';
import { identifyIssue } from '../issue-identification';
import { OaiError, oaiDublinCore, oaiHeader, oaiResponse, utcDatestamp } from './oai-xml';

/** Records (or headers) per ListRecords/ListIdentifiers page; the rest follows a resumptionToken. */
export const OAI_PAGE_SIZE = 100;

const VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'ListIdentifiers',
  'ListRecords',
  'GetRecord',
] as const;
type Verb = (typeof VERBS)[number];

/** The arguments each verb takes: required, optional, or exclusive (resumptionToken). */
const ARGUMENTS: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

const METADATA_FORMATS = [
  {
    prefix: 'oai_dc',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
// The schema's adminEmail pattern: a domain with a dot.
const ADMIN_EMAIL = /^\S+@(\S+\.)+\S+$/;
// oai-identifier's repositoryIdentifier: a domain name with at least one dot.
const REPOSITORY_IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

interface ListQuery {
  prefix: string;
  from: Date | null;
  until: Date | null;
  set: string | null;
  /** Keyset: records after this (datestamp, submission id). */
  after: { datestamp: string; id: string } | null;
  cursor: number;
}

interface RecordRow {
  submission_id: string;
  datestamp: Date;
  journal_slug: string;
  section_id: string;
}

/**
 * The OAI-PMH 2.0 data provider for every journal of the installation: published articles
 * (their newest published version) in Dublin Core, one set per journal and one per section,
 * paged with stateless resumption tokens over a keyset, and every protocol error as the
 * protocol says (HTTP 200 with `<error code>`). Drafts, reviews and editors never appear.
 */
@Injectable()
export class OaiPmh {
  /** Settable for tests that walk several pages without seeding hundreds of articles. */
  pageSize = OAI_PAGE_SIZE;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const request: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw))
      if (typeof value === 'string') request[key] = value;
    try {
      const body = await this.dispatch(raw);
      return oaiResponse(this.baseUrl, request, body);
    } catch (error) {
      if (error instanceof OaiError) return oaiResponse(this.baseUrl, request, [error]);
      throw error;
    }
  }

  private async dispatch(raw: Record<string, unknown>): Promise<XmlElement> {
    const verb = raw.verb;
    if (typeof verb !== 'string')
      throw new OaiError(
        'badVerb',
        Array.isArray(verb) ? 'The verb is repeated' : 'The verb is missing',
      );
    if (!(VERBS as readonly string[]).includes(verb))
      throw new OaiError('badVerb', `"${verb}" is not an OAI-PMH verb`);
    const args = this.checkArguments(verb as Verb, raw);
    switch (verb as Verb) {
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
        return this.list(verb as 'ListIdentifiers' | 'ListRecords', args);
    }
  }

  private checkArguments(
    verb: Verb,
    raw: Record<string, unknown>,
  ): Record<string, string | undefined> {
    const spec = ARGUMENTS[verb];
    const args: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'verb') continue;
      if (typeof value !== 'string')
        throw new OaiError('badArgument', `The argument ${key} is repeated`);
      if (![...spec.required, ...spec.optional, spec.exclusive].includes(key))
        throw new OaiError('badArgument', `${verb} does not take the argument ${key}`);
      args[key] = value;
    }
    if (spec.exclusive && args[spec.exclusive] !== undefined) {
      if (Object.keys(args).length > 1)
        throw new OaiError('badArgument', `${spec.exclusive} is an exclusive argument`);
      return args;
    }
    for (const key of spec.required)
      if (!args[key]) throw new OaiError('badArgument', `${verb} needs the argument ${key}`);
    return args;
  }

  private async identify(): Promise<XmlElement> {
    const [earliest]: { earliest: Date | null }[] = await this.dataSource.query(
      `SELECT min(p.published_at) AS earliest FROM publications p
         JOIN issues i ON i.id = p.issue_id
        WHERE p.status = 'published' AND i.status = 'published'`,
    );
    // OAI-PMH wants a routable address: the sender's, and the journals' contacts.
    const contacts: { contact_email: string }[] = await this.dataSource.query(
      `SELECT DISTINCT contact_email FROM journals WHERE contact_email IS NOT NULL ORDER BY contact_email`,
    );
    const sender = /<([^>]+)>/.exec(this.config.MAIL_FROM)?.[1] ?? this.config.MAIL_FROM;
    const admins = [...new Set([sender, ...contacts.map((row) => row.contact_email)])].filter(
      (address) => ADMIN_EMAIL.test(address),
    );
    if (admins.length === 0) admins.push(`postmaster@${this.host}`);
    const description = REPOSITORY_IDENTIFIER.test(this.host)
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
              textElement('repositoryIdentifier', this.host),
              textElement('delimiter', ':'),
              textElement(
                'sampleIdentifier',
                this.identifierOf('00000000-0000-4000-8000-000000000000'),
              ),
            ],
          ),
        ])
      : null;
    return element('Identify', {}, [
      textElement('repositoryName', `Tahkim journals at ${this.host}`),
      textElement('baseURL', this.baseUrl),
      textElement('protocolVersion', '2.0'),
      ...admins.map((address) => textElement('adminEmail', address)),
      textElement(
        'earliestDatestamp',
        utcDatestamp(earliest?.earliest ? new Date(earliest.earliest) : new Date(0)),
      ),
      // An unpublished issue's articles leave the repository; harvesters are not promised a trace.
      textElement('deletedRecord', 'transient'),
      textElement('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
      description,
    ]);
  }

  private async listMetadataFormats(identifier: string | undefined): Promise<XmlElement> {
    if (identifier) await this.submissionIdOf(identifier);
    return element(
      'ListMetadataFormats',
      {},
      METADATA_FORMATS.map((format) =>
        element('metadataFormat', {}, [
          textElement('metadataPrefix', format.prefix),
          textElement('schema', format.schema),
          textElement('metadataNamespace', format.namespace),
        ]),
      ),
    );
  }

  private async listSets(): Promise<XmlElement> {
    const journals: Pick<Journal, 'id' | 'slug' | 'titles' | 'primaryLocale'>[] =
      await this.dataSource.query(
        `SELECT id, slug, titles, primary_locale AS "primaryLocale" FROM journals
        WHERE EXISTS (SELECT 1 FROM issues i WHERE i.journal_id = journals.id AND i.status = 'published')
        ORDER BY slug`,
      );
    const sections: { id: string; journal_id: string; titles: Record<string, string> }[] =
      journals.length
        ? await this.dataSource.query(
            `SELECT id, journal_id, titles FROM sections WHERE journal_id = ANY($1) ORDER BY journal_id, seq`,
            [journals.map((journal) => journal.id)],
          )
        : [];
    const sets: XmlElement[] = [];
    for (const journal of journals) {
      sets.push(
        element('set', {}, [
          textElement('setSpec', journal.slug),
          textElement(
            'setName',
            pickLocalized(journal.titles, journal.primaryLocale) ?? journal.slug,
          ),
        ]),
      );
      for (const section of sections.filter((candidate) => candidate.journal_id === journal.id))
        sets.push(
          element('set', {}, [
            textElement('setSpec', `${journal.slug}:${section.id}`),
            textElement(
              'setName',
              `${pickLocalized(journal.titles, journal.primaryLocale) ?? journal.slug}: ${pickLocalized(section.titles, journal.primaryLocale) ?? section.id}`,
            ),
          ]),
        );
    }
    // Sets are journals with a published issue: before the first one there are none to list.
    if (sets.length === 0) throw new OaiError('noSetHierarchy', 'No journal has published yet');
    return element('ListSets', {}, sets);
  }

  private async submissionIdOf(identifier: string): Promise<string> {
    const prefix = `oai:${this.host}:article/`;
    const id = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : '';
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      const rows = await this.records({ submissionId: id });
      if (rows.length) return id;
    }
    throw new OaiError('idDoesNotExist', `${identifier} is not an identifier of this repository`);
  }

  private checkFormat(prefix: string) {
    if (!METADATA_FORMATS.some((format) => format.prefix === prefix))
      throw new OaiError(
        'cannotDisseminateFormat',
        `The repository does not disseminate ${prefix}: it offers oai_dc`,
      );
  }

  private async getRecord(identifier: string, prefix: string): Promise<XmlElement> {
    this.checkFormat(prefix);
    const id = await this.submissionIdOf(identifier);
    const [row] = await this.records({ submissionId: id });
    const [record] = await this.render([row], true);
    return element('GetRecord', {}, [record]);
  }

  private parseDate(value: string | undefined, end: boolean): Date | null {
    if (value === undefined) return null;
    if (DAY.test(value)) {
      const date = new Date(`${value}T${end ? '23:59:59' : '00:00:00'}Z`);
      if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return date;
    } else if (SECOND.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return date;
    }
    throw new OaiError(
      'badArgument',
      `${value} is not a date of this repository's granularity (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)`,
    );
  }

  private async list(
    verb: 'ListIdentifiers' | 'ListRecords',
    args: Record<string, string | undefined>,
  ): Promise<XmlElement> {
    let query: ListQuery;
    let total: number | null = null;
    if (args.resumptionToken !== undefined) {
      ({ query, total } = this.decodeToken(args.resumptionToken));
    } else {
      this.checkFormat(args.metadataPrefix!);
      if (args.from && args.until && args.from.length !== args.until.length)
        throw new OaiError('badArgument', 'from and until must have the same granularity');
      const from = this.parseDate(args.from, false);
      const until = this.parseDate(args.until, true);
      if (from && until && from > until)
        throw new OaiError('badArgument', 'from is later than until');
      if (args.set && !/^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(args.set))
        throw new OaiError('badArgument', `${args.set} is not a setSpec`);
      query = {
        prefix: args.metadataPrefix!,
        from,
        until,
        set: args.set ?? null,
        after: null,
        cursor: 0,
      };
    }
    const rows = await this.records({ ...query, limit: this.pageSize + 1 });
    if (rows.length === 0) {
      if (args.resumptionToken !== undefined)
        throw new OaiError(
          'badResumptionToken',
          'The token resumes a list that has no more records',
        );
      throw new OaiError('noRecordsMatch', 'No record matches these arguments');
    }
    total ??= await this.count(query);
    const page = rows.slice(0, this.pageSize);
    const items = await this.render(page, verb === 'ListRecords');
    const more = rows.length > this.pageSize;
    const last = page[page.length - 1];
    const token = more
      ? this.encodeToken(
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

  private encodeToken(query: ListQuery, total: number): string {
    const payload = {
      p: query.prefix,
      f: query.from?.toISOString() ?? null,
      u: query.until?.toISOString() ?? null,
      s: query.set,
      a: query.after,
      c: query.cursor,
      n: total,
    };
    return Buffer.from(JSON.stringify(payload)).toString('base64url');
  }

  private decodeToken(token: string): { query: ListQuery; total: number } {
    const fail = () =>
      new OaiError('badResumptionToken', 'The resumption token is not one this repository gave');
    let payload: {
      p?: unknown;
      f?: unknown;
      u?: unknown;
      s?: unknown;
      a?: { datestamp?: unknown; id?: unknown } | null;
      c?: unknown;
      n?: unknown;
    };
    try {
      payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      throw fail();
    }
    const date = (value: unknown) => {
      if (value === null) return null;
      if (typeof value !== 'string' || Number.isNaN(new Date(value).getTime())) throw fail();
      return new Date(value);
    };
    if (
      typeof payload !== 'object' ||
      payload === null ||
      typeof payload.p !== 'string' ||
      !Number.isInteger(payload.c) ||
      !Number.isInteger(payload.n) ||
      (payload.s !== null && typeof payload.s !== 'string') ||
      !payload.a ||
      typeof payload.a.datestamp !== 'string' ||
      typeof payload.a.id !== 'string' ||
      !/^[0-9a-f-]{36}$/i.test(payload.a.id)
    )
      throw fail();
    this.checkFormat(payload.p);
    return {
      query: {
        prefix: payload.p,
        from: date(payload.f),
        until: date(payload.u),
        set: payload.s as string | null,
        after: { datestamp: date(payload.a.datestamp)!.toISOString(), id: payload.a.id },
        cursor: payload.c as number,
      },
      total: payload.n as number,
    };
  }

  /**
   * The repository's records: the newest published version of each article of a published
   * issue, with a datestamp that moves when a correction or a notice is published.
   */
  private records(
    filter: Partial<ListQuery> & { submissionId?: string; limit?: number },
  ): Promise<RecordRow[]> {
    const { where, params } = this.filters(filter);
    const limit = filter.limit ? `LIMIT ${Number(filter.limit)}` : '';
    return this.dataSource.query(
      `${RECORDS_SQL} ${where} ORDER BY datestamp, submission_id ${limit}`,
      params,
    );
  }

  private async count(query: ListQuery): Promise<number> {
    const { where, params } = this.filters({ ...query, after: null });
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (${RECORDS_SQL} ${where}) counted`,
      params,
    );
    return row.n;
  }

  private filters(filter: Partial<ListQuery> & { submissionId?: string }) {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      clauses.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.submissionId) add('submission_id = ?', filter.submissionId);
    if (filter.from) add('datestamp >= ?', filter.from);
    if (filter.until) add('datestamp <= ?', filter.until);
    if (filter.set) {
      const [slug, section] = filter.set.split(':');
      add('journal_slug = ?', slug);
      if (section) add('section_id::text = ?', section);
    }
    if (filter.after) {
      params.push(filter.after.datestamp, filter.after.id);
      clauses.push(
        `(datestamp, submission_id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  private async render(rows: RecordRow[], withMetadata: boolean): Promise<XmlElement[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.submission_id);
    const details: (Publication & {
      journal: Journal;
      issue: Issue;
      section_titles: Record<string, string>;
      galleys: { id: string; media_type: string }[];
    })[] = withMetadata
      ? await this.dataSource.query(
          `SELECT DISTINCT ON (p.submission_id) p.submission_id AS "submissionId", p.locale, p.metadata,
                  p.contributors, p.first_page AS "firstPage", p.last_page AS "lastPage",
                  p.article_number AS "articleNumber", p.doi, p.copyright_holder AS "copyrightHolder",
                  p.copyright_year AS "copyrightYear", p.licence_url AS "licenceUrl",
                  p.published_at AS "publishedAt",
                  to_jsonb(j) AS journal, to_jsonb(i) AS issue, s.titles AS section_titles,
                  coalesce((SELECT jsonb_agg(jsonb_build_object('id', g.id, 'media_type', g.media_type) ORDER BY g.seq, g.created_at)
                              FROM galleys g WHERE g.publication_id = p.id), '[]') AS galleys
             FROM publications p
             JOIN issues i ON i.id = p.issue_id
             JOIN journals j ON j.id = i.journal_id
             JOIN sections s ON s.id = p.section_id
            WHERE p.submission_id = ANY($1) AND p.status = 'published'
            ORDER BY p.submission_id, p.version DESC`,
          [ids],
        )
      : [];
    return rows.map((row) => {
      const header = oaiHeader({
        identifier: this.identifierOf(row.submission_id),
        datestamp: row.datestamp,
        setSpecs: [row.journal_slug, `${row.journal_slug}:${row.section_id}`],
      });
      if (!withMetadata) return header;
      const detail = details.find((candidate) => candidate.submissionId === row.submission_id)!;
      const journal = detail.journal as unknown as Record<string, unknown>;
      const issue = detail.issue as unknown as Record<string, unknown>;
      const slug = journal.slug as string;
      const primary = journal.primary_locale as (typeof SUPPORTED_LOCALES)[number];
      const journalTitle = pickLocalized(journal.titles as Record<string, string>, primary) ?? slug;
      const identification = identifyIssue(
        {
          volume: issue.volume as number,
          number: issue.number as number,
          year: issue.year as number,
          titles: issue.titles as Record<string, string>,
          showVolume: issue.show_volume as boolean,
          showNumber: issue.show_number as boolean,
          showYear: issue.show_year as boolean,
          showTitle: false,
        },
        'en',
      );
      const pages =
        detail.firstPage !== null && detail.lastPage !== null
          ? `; ${detail.firstPage}-${detail.lastPage}`
          : '';
      const url = (path: string) => new URL(path, this.config.PUBLIC_URL).href;
      const metadata = oaiDublinCore({
        locale: detail.locale,
        metadata: detail.metadata,
        contributors: detail.contributors,
        publisher: journal.publisher_name as string,
        publishedAt: new Date(detail.publishedAt!),
        landingUrl: url(`/journals/${slug}/articles/${row.submission_id}`),
        doi: detail.doi,
        source: `${journalTitle}; ${identification}${pages}`,
        issns: [journal.online_issn, journal.print_issn].filter((issn): issn is string =>
          Boolean(issn),
        ),
        galleys: detail.galleys.map((galley) => ({
          url: url(`/api/public/journals/${slug}/galleys/${galley.id}/content`),
          mediaType: galley.media_type,
        })),
        copyright: `© ${detail.copyrightYear} ${detail.copyrightHolder}`,
        licenceUrl: detail.licenceUrl,
        sectionTitles: detail.section_titles,
      });
      return element('record', {}, [header, element('metadata', {}, [metadata])]);
    });
  }
}

/** One row per article in the repository, with its datestamp (to the second, as declared). */
const RECORDS_SQL = `
  SELECT * FROM (
    SELECT DISTINCT ON (p.submission_id)
           p.submission_id, p.section_id, j.slug AS journal_slug,
           date_trunc('second', greatest(
             p.published_at,
             (SELECT max(n.created_at) FROM publication_notices n WHERE n.submission_id = p.submission_id)
           )) AS datestamp
      FROM publications p
      JOIN issues i ON i.id = p.issue_id AND i.status = 'published'
      JOIN journals j ON j.id = i.journal_id
     WHERE p.status = 'published'
     ORDER BY p.submission_id, p.version DESC
  ) repository`;
