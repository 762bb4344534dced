import { Injectable } from '@nestjs/common';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import { Repository } from '../../database/transactions';
import type { Publication } from '../entities/publication.entity';
import type { ListQuery } from './oai-request';

/** One article of the repository, with its datestamp. */
export interface RecordRow {
  submission_id: string;
  datestamp: Date;
  journal_slug: string;
  section_id: string;
}

/** What a record's metadata is made of: its newest published version, journal and issue. */
export type RecordDetail = Pick<
  Publication,
  | 'submissionId'
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
  | 'publishedAt'
> & {
  /** The journal's row, as stored (snake_case). */
  journal: Record<string, unknown>;
  /** The issue's row, as stored (snake_case). */
  issue: Record<string, unknown>;
  section_titles: LocalizedText;
  galleys: { id: string; media_type: string }[];
};

/** A journal as a set of the repository. */
export interface SetJournal {
  id: string;
  slug: string;
  titles: LocalizedText;
  primaryLocale: Locale;
}

export type RecordFilter = Partial<ListQuery> & { submissionId?: string; limit?: number };

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

function filters(filter: Partial<ListQuery> & { submissionId?: string }) {
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

/**
 * What the OAI-PMH provider reads: the newest published version of each article of a published
 * issue (its datestamp moves when a correction or a notice is published), and the journals and
 * sections that are its sets. Drafts, reviews and editors never appear.
 */
@Injectable()
export class OaiRecordsRepository extends Repository {
  /** The repository's records in datestamp order, filtered, from a keyset position. */
  records(filter: RecordFilter): Promise<RecordRow[]> {
    const { where, params } = filters(filter);
    const limit = filter.limit ? `LIMIT ${Number(filter.limit)}` : '';
    return this.db.query(
      `${RECORDS_SQL} ${where} ORDER BY datestamp, submission_id ${limit}`,
      params,
    );
  }

  /** How many records the list has in all (from its first page). */
  async count(query: ListQuery): Promise<number> {
    const { where, params } = filters({ ...query, after: null });
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM (${RECORDS_SQL} ${where}) counted`,
      params,
    );
    return row.n;
  }

  /** The newest published version of each article, with its journal, issue and galleys. */
  details(submissionIds: string[]): Promise<RecordDetail[]> {
    return this.db.query(
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
      [submissionIds],
    );
  }

  /** When the first article of the repository was published; null before any. */
  async earliest(): Promise<Date | null> {
    const [row]: { earliest: Date | null }[] = await this.db.query(
      `SELECT min(p.published_at) AS earliest FROM publications p
         JOIN issues i ON i.id = p.issue_id
        WHERE p.status = 'published' AND i.status = 'published'`,
    );
    return row?.earliest ? new Date(row.earliest) : null;
  }

  /** The journals' contact addresses. */
  async contacts(): Promise<string[]> {
    const rows: { contact_email: string }[] = await this.db.query(
      `SELECT DISTINCT contact_email FROM journals WHERE contact_email IS NOT NULL ORDER BY contact_email`,
    );
    return rows.map((row) => row.contact_email);
  }

  /** The journals with a published issue, by slug. */
  journals(): Promise<SetJournal[]> {
    return this.db.query(
      `SELECT id, slug, titles, primary_locale AS "primaryLocale" FROM journals
        WHERE EXISTS (SELECT 1 FROM issues i WHERE i.journal_id = journals.id AND i.status = 'published')
        ORDER BY slug`,
    );
  }

  /** Those journals' sections, in each journal's order. */
  sections(
    journalIds: string[],
  ): Promise<{ id: string; journal_id: string; titles: LocalizedText }[]> {
    if (journalIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT id, journal_id, titles FROM sections WHERE journal_id = ANY($1) ORDER BY journal_id, seq`,
      [journalIds],
    );
  }
}
