import { Injectable } from '@nestjs/common';
import { type DataSource, In } from 'typeorm';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import { Repository, type Transactions } from '../../database/transactions';
import type { PublishedContributor, PublishedMetadata } from '../entities/publication.entity';
import type { IssueIdentity } from '../issue-identification';
import { ArticleSearchDocument } from './entities/article-search-document.entity';
import { ArticleSearchWord } from './entities/article-search-word.entity';
import type { SearchDocumentTexts } from './search-document';
import { type FacetCounts, facetsOf, type MatchGroup, type SearchFilters } from './search-facets';
import { wholeWordOnly } from './search-text';

/** An article's newest published version in a published issue: what its document is made of. */
export interface PublishedArticle {
  submissionId: string;
  publicationId: string;
  journalId: string;
  issueId: string;
  sectionId: string;
  /** The issue's year, volume and number, and the article's place in it: what recency means. */
  year: number;
  volume: number;
  number: number;
  seq: number;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: PublishedContributor[];
}

export type SearchDocumentRow = Omit<PublishedArticle, 'metadata' | 'contributors'> &
  SearchDocumentTexts;

/** A match on the page asked for, in rank order. */
export interface RankedMatch {
  submissionId: string;
  score: number;
}

export interface MatchPage {
  total: number;
  matches: RankedMatch[];
  facets: FacetCounts;
}

/** What a result shows of a matched article, read for the page's articles only. */
export interface MatchedArticle {
  submissionId: string;
  publicationId: string;
  version: number;
  doi: string | null;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: PublishedContributor[];
  firstPublishedAt: Date | null;
  sectionId: string;
  sectionTitles: LocalizedText;
  issueId: string;
  issue: IssueIdentity;
  retracted: boolean;
}

/** Per word: a title match weighs most, then the abstract, then keywords or names. */
const WEIGHTS = { title: 4, abstract: 2, other: 1 };

/** Well under PostgreSQL's 65,535 parameters a statement. */
const WORDS_PER_INSERT = 10_000;

/** More vocabulary words than this for one typed word: see wordsContaining. */
const MAX_WORDS_PER_TERM = 400;

/**
 * The search documents of published articles (article_search_documents): reading what is
 * published to make them, writing them, and searching them.
 */
@Injectable()
export class SearchDocumentsRepository extends Repository {
  /** One over a plain DataSource, outside the application (the benchmark builds it so). */
  static over(dataSource: DataSource): SearchDocumentsRepository {
    return new SearchDocumentsRepository({ tx: dataSource.manager } as Transactions);
  }

  /** Of these articles, those with a published version in a published issue: the newest such. */
  publishedArticles(submissionIds: string[]): Promise<PublishedArticle[]> {
    if (submissionIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT DISTINCT ON (p.submission_id)
              p.submission_id AS "submissionId", p.id AS "publicationId", i.journal_id AS "journalId",
              p.issue_id AS "issueId", p.section_id AS "sectionId", i.year, i.volume, i.number,
              p.seq, p.metadata, p.contributors
         FROM publications p JOIN issues i ON i.id = p.issue_id
        WHERE p.submission_id = ANY($1) AND p.status = 'published' AND i.status = 'published'
        ORDER BY p.submission_id, p.version DESC`,
      [submissionIds],
    );
  }

  /** Writes these documents, replacing each article's earlier one, and adds their new words. */
  async write(documents: SearchDocumentRow[]): Promise<void> {
    if (documents.length === 0) return;
    await this.db.query(
      `INSERT INTO article_search_documents
              (submission_id, publication_id, journal_id, issue_id, section_id, year, volume,
               number, seq, languages, title, keywords, authors, abstract_overlap, words)
       SELECT d."submissionId", d."publicationId", d."journalId", d."issueId", d."sectionId",
              d.year, d.volume, d.number, d.seq, ARRAY(SELECT jsonb_array_elements_text(d.languages)),
              d.title, d.keywords, d.authors, d."abstractOverlap",
              ARRAY(SELECT jsonb_array_elements_text(d.words))
         FROM jsonb_to_recordset($1::jsonb) AS d("submissionId" uuid, "publicationId" uuid,
              "journalId" uuid, "issueId" uuid, "sectionId" uuid, year int, volume int,
              number int, seq int, languages jsonb, title text, keywords text,
              authors text, "abstractOverlap" text, words jsonb)
       ON CONFLICT (submission_id) DO UPDATE SET
              publication_id = EXCLUDED.publication_id, journal_id = EXCLUDED.journal_id,
              issue_id = EXCLUDED.issue_id, section_id = EXCLUDED.section_id,
              year = EXCLUDED.year, volume = EXCLUDED.volume, number = EXCLUDED.number,
              seq = EXCLUDED.seq,
              languages = EXCLUDED.languages, title = EXCLUDED.title,
              keywords = EXCLUDED.keywords, authors = EXCLUDED.authors,
              abstract_overlap = EXCLUDED.abstract_overlap, words = EXCLUDED.words`,
      [JSON.stringify(documents)],
    );
    // In one order for every writer: two publications adding the same new words at once wait
    // for each other instead of deadlocking.
    const words = [...new Set(documents.flatMap((document) => document.words))].sort();
    for (let from = 0; from < words.length; from += WORDS_PER_INSERT)
      await this.db
        .createQueryBuilder()
        .insert()
        .into(ArticleSearchWord)
        .values(words.slice(from, from + WORDS_PER_INSERT).map((word) => ({ word })))
        .orIgnore()
        .execute();
  }

  async remove(submissionIds: string[]): Promise<void> {
    if (submissionIds.length === 0) return;
    await this.db.delete(ArticleSearchDocument, { submissionId: In(submissionIds) });
  }

  /** Whether the section is one of the journal's. */
  async hasSection(journalId: string, sectionId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM sections WHERE id = $1 AND journal_id = $2',
      [sectionId, journalId],
    );
    return rows.length > 0;
  }

  /**
   * The journal's articles that have every word (normalised, see searchTerms), with the
   * filters: how many, the page asked for in rank order (score, then the newest issue first,
   * then the issue's order), and the
   * facets (each counted with the other filters, so a reader sees what choosing it gives).
   *
   * A word is looked up in the vocabulary first (by substring, through its trigram index; a
   * short one as a whole word), then the articles by the whole words found (GIN on `words`):
   * exact, so no article's text is read to find it. Ranking reads the short texts in the row.
   */
  async search(
    journalId: string,
    terms: string[],
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): Promise<MatchPage> {
    const params: unknown[] = [journalId, limit, offset];
    const param = (value: unknown) => `$${params.push(value)}`;
    const has: string[] = [];
    const scores: string[] = [];
    for (const term of terms) {
      const whole = wholeWordOnly(term);
      const exact = param(term);
      // A subquery even for one word: a value the planner saw could lead it to read every row's
      // words rather than ask the index.
      has.push(
        `words && ${whole ? `(SELECT ARRAY[${exact}::text])` : this.wordsContaining(term, exact, param)}`,
      );
      // The same test on one field's text (a short word with a space on each side).
      const needle = whole ? param(` ${term} `) : exact;
      const inField = (column: string) =>
        whole
          ? `strpos(' ' || ${column} || ' ', ${needle}) > 0`
          : `strpos(${column}, ${needle}) > 0`;
      // The article has the word somewhere: if not in the title, keywords or names, then in the
      // abstract; if in the keywords or names, the overlap tells whether in the abstract too.
      scores.push(`CASE WHEN ${inField('title')} THEN ${WEIGHTS.title}
          WHEN NOT ${inField('keywords')} AND NOT ${inField('authors')} THEN ${WEIGHTS.abstract}
          WHEN ${inField('abstract_overlap')} THEN ${WEIGHTS.abstract}
          ELSE ${WEIGHTS.other} END`);
    }
    // Only the filters asked for: each one costs a test on every match.
    const chosen = [
      filters.sectionId !== undefined && `section_id = ${param(filters.sectionId)}`,
      filters.year !== undefined && `year = ${param(filters.year)}`,
      filters.language !== undefined && `${param(filters.language)} = ANY(languages)`,
    ].filter((condition): condition is string => Boolean(condition));
    // The matches once (materialised), then two passes over them: the page, and the counts by
    // section, year and languages (few groups), which make every facet (facetsOf).
    const [row]: { page: RankedMatch[] | null; groups: MatchGroup[] | null }[] =
      await this.db.query(
        `WITH matched AS MATERIALIZED (
         SELECT submission_id, section_id, year, volume, number, seq, languages,
                ${scores.join(' + ')} AS score
           FROM article_search_documents
          WHERE journal_id = $1 AND ${has.join(' AND ')}
       )
       SELECT (SELECT json_agg(m) FROM (
                 SELECT submission_id AS "submissionId", score FROM matched
                  ${chosen.length ? `WHERE ${chosen.join(' AND ')}` : ''}
                  ORDER BY score DESC, year DESC, volume DESC, number DESC, seq, submission_id
                  LIMIT $2 OFFSET $3) m
              ) AS page,
              (SELECT json_agg(g) FROM (
                 SELECT section_id AS "sectionId", year, languages, count(*)::int AS count
                   FROM matched GROUP BY section_id, year, languages) g
              ) AS groups`,
        params,
      );
    return { matches: row.page ?? [], ...facetsOf(row.groups ?? [], filters) };
  }

  /**
   * The vocabulary's words that contain the term, as an array expression evaluated once per
   * query (the planner cannot see into it, so it keeps to the GIN index). A term found in more
   * than MAX_WORDS_PER_TERM words (a fragment such as "ate") is taken at the start of words
   * only, and if still found in too many, as a whole word: past that, the index lookup costs
   * more than the search is worth.
   */
  private wordsContaining(term: string, exact: string, param: (value: unknown) => string): string {
    const escaped = term.replace(/[\\%_]/g, '\\$&');
    const within = (pattern: string) =>
      `SELECT word FROM article_search_words WHERE word LIKE ${param(pattern)} LIMIT ${MAX_WORDS_PER_TERM + 1}`;
    return `(SELECT CASE WHEN count(*) <= ${MAX_WORDS_PER_TERM} THEN COALESCE(array_agg(word), '{}')
               ELSE (SELECT CASE WHEN count(*) <= ${MAX_WORDS_PER_TERM} THEN array_agg(word)
                                 ELSE ARRAY[${exact}] END
                       FROM (${within(`${escaped}%`)}) starting)
               END
          FROM (${within(`%${escaped}%`)}) containing)`;
  }

  /** What the results show of these matched articles (in no particular order). */
  matchedArticles(submissionIds: string[]): Promise<MatchedArticle[]> {
    if (submissionIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT d.submission_id AS "submissionId", p.id AS "publicationId", p.version, p.doi,
              p.metadata, p.contributors,
              (SELECT min(f.published_at) FROM publications f
                WHERE f.submission_id = d.submission_id AND f.status = 'published') AS "firstPublishedAt",
              d.section_id AS "sectionId", s.titles AS "sectionTitles", d.issue_id AS "issueId",
              json_build_object('volume', i.volume, 'number', i.number, 'year', i.year,
                'titles', i.titles, 'showVolume', i.show_volume, 'showNumber', i.show_number,
                'showYear', i.show_year, 'showTitle', i.show_title) AS issue,
              EXISTS (SELECT 1 FROM publication_notices n
                       WHERE n.submission_id = d.submission_id AND n.kind = 'retraction') AS retracted
         FROM article_search_documents d
         JOIN publications p ON p.id = d.publication_id
         JOIN issues i ON i.id = d.issue_id
         JOIN sections s ON s.id = d.section_id
        WHERE d.submission_id = ANY($1)`,
      [submissionIds],
    );
  }

  /** The titles of these sections. */
  sectionTitles(sectionIds: string[]): Promise<{ id: string; titles: LocalizedText }[]> {
    if (sectionIds.length === 0) return Promise.resolve([]);
    return this.db.query('SELECT id, titles FROM sections WHERE id = ANY($1) ORDER BY seq', [
      sectionIds,
    ]);
  }
}
