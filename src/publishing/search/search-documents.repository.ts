import { Injectable } from '@nestjs/common';
import { type DataSource, In } from 'typeorm';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import { Repository, type Transactions } from '../../database/transactions';
import type { PublishedContributor, PublishedMetadata } from '../entities/publication.entity';
import type { IssueIdentity } from '../issue-identification';
import { ArticleSearchDocument } from './entities/article-search-document.entity';
import { ArticleSearchWord } from './entities/article-search-word.entity';
import {
  LANGUAGE_BITS,
  languageMaskOf,
  languagesOfMask,
  type SearchDocumentTexts,
} from './search-document';
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

/** What a search found: how many, the facets, and the page asked for, in rank order. */
export interface MatchPage {
  total: number;
  facets: FacetCounts;
  articles: MatchedArticle[];
  /** The journal's sections, in their order. */
  sections: { id: string; titles: LocalizedText }[];
}

/** What a result shows of a matched article, read for the page's articles only. */
export interface MatchedArticle {
  submissionId: string;
  publicationId: string;
  version: number;
  doi: string | null;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  /** Their names only: a result shows nothing else of them. */
  contributors: Pick<PublishedContributor, 'names'>[];
  /** ISO 8601. */
  firstPublishedAt: string | null;
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
 * How many of the newest articles the page is first looked for in (see search): enough for
 * words in a fair share of titles to fill it there, and read only as far as it takes; none for
 * a page that deep, which the titles' index finds for less.
 */
function newestToLookAt(ranks: number): number {
  return ranks > 400 ? 0 : Math.max(500, 5 * ranks);
}

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
               number, seq, language_mask, title, keywords, authors, abstract_overlap, words)
       SELECT d."submissionId", d."publicationId", d."journalId", d."issueId", d."sectionId",
              d.year, d.volume, d.number, d.seq, d."languageMask",
              d.title, d.keywords, d.authors, d."abstractOverlap",
              ARRAY(SELECT jsonb_array_elements_text(d.words))
         FROM jsonb_to_recordset($1::jsonb) AS d("submissionId" uuid, "publicationId" uuid,
              "journalId" uuid, "issueId" uuid, "sectionId" uuid, year int, volume int,
              number int, seq int, "languageMask" smallint, title text, keywords text,
              authors text, "abstractOverlap" text, words jsonb)
       ON CONFLICT (submission_id) DO UPDATE SET
              publication_id = EXCLUDED.publication_id, journal_id = EXCLUDED.journal_id,
              issue_id = EXCLUDED.issue_id, section_id = EXCLUDED.section_id,
              year = EXCLUDED.year, volume = EXCLUDED.volume, number = EXCLUDED.number,
              seq = EXCLUDED.seq,
              language_mask = EXCLUDED.language_mask, title = EXCLUDED.title,
              keywords = EXCLUDED.keywords, authors = EXCLUDED.authors,
              abstract_overlap = EXCLUDED.abstract_overlap, words = EXCLUDED.words`,
      [
        JSON.stringify(
          documents.map((document) => ({
            ...document,
            languageMask: languageMaskOf(document.languages),
          })),
        ),
      ],
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

  /**
   * The journal's articles that have every word (normalised, see searchTerms), with the
   * filters: how many, the facets (each counted with the other filters, so a reader sees what
   * choosing it gives; facetsOf), the page asked for in rank order (score, then the newest issue
   * first, then the issue's order) with what its results show, and the journal's sections. One
   * statement.
   *
   * A word is looked up in the vocabulary first (by substring, through its trigram index; a
   * short one as a whole word), then the articles by the whole words found (GIN on `words`):
   * exact, so no article's text is read to find it. The facets and the total need only each
   * match's section, year and languages, read in one pass. The page is looked for first among
   * the matches with every word in their title: the highest score there is, so they come in
   * order of recency, and nothing outranks them but a newer one of the same. They are looked for
   * among the newest articles (the recency index, the title read first), then through the GIN
   * index over the titles' words. When they fill the page, no match is scored. Otherwise (words
   * seldom all in a title, a deep page) every match of the filters is scored from the short
   * texts in the row.
   * `newest`: how many of the newest articles to look through first (tests ask for none).
   */
  async search(
    journalId: string,
    terms: string[],
    filters: SearchFilters,
    limit: number,
    offset: number,
    newest = newestToLookAt(limit + offset),
  ): Promise<MatchPage> {
    const ranks = limit + offset;
    const params: unknown[] = [journalId, limit, offset, ranks, newest];
    const param = (value: unknown) => `$${params.push(value)}`;
    const lookups: string[] = [];
    const has: string[] = [];
    const titleHas: string[] = [];
    const inTitle: string[] = [];
    const found: string[] = [];
    const scores: string[] = [];
    terms.forEach((term, i) => {
      const whole = wholeWordOnly(term);
      const exact = param(term);
      // Each word's vocabulary words, and whether they are every word that contains it.
      lookups.push(
        `(${whole ? `SELECT ARRAY[${exact}::text] AS words, true AS every` : this.wordsContaining(term, exact, param)}) w${i}`,
      );
      // Through the CTE even for one word: a value the planner saw could lead it to read every
      // row's words rather than ask the index.
      const words = `(SELECT w${i}_words FROM terms)`;
      has.push(`words && ${words}`);
      titleHas.push(`string_to_array(title, ' ') && ${words}`);
      // When they are every word that contains it, a title that has the word is a match.
      found.push(`((SELECT w${i}_every FROM terms) OR words && ${words})`);
      // The same test on one field's text (a short word with a space on each side).
      const needle = whole ? param(` ${term} `) : exact;
      const inField = (column: string) =>
        whole
          ? `strpos(' ' || ${column} || ' ', ${needle}) > 0`
          : `strpos(${column}, ${needle}) > 0`;
      inTitle.push(inField('title'));
      // The article has the word somewhere: if not in the title, keywords or names, then in the
      // abstract; if in the keywords or names, the overlap tells whether in the abstract too.
      scores.push(`CASE WHEN ${inField('title')} THEN ${WEIGHTS.title}
          WHEN NOT ${inField('keywords')} AND NOT ${inField('authors')} THEN ${WEIGHTS.abstract}
          WHEN ${inField('abstract_overlap')} THEN ${WEIGHTS.abstract}
          ELSE ${WEIGHTS.other} END`);
    });
    const chosen = [
      filters.sectionId !== undefined && `section_id = ${param(filters.sectionId)}`,
      filters.year !== undefined && `year = ${param(filters.year)}`,
      filters.language !== undefined &&
        `language_mask & ${param(LANGUAGE_BITS[filters.language])} <> 0`,
    ].filter((condition): condition is string => Boolean(condition));
    const ofFilters = chosen.map((condition) => ` AND ${condition}`).join('');
    const score = scores.join(' + ');
    const recency = 'year DESC, volume DESC, number DESC, seq, submission_id';
    const counted = (source: string) =>
      `(SELECT json_agg(g) FROM (
          SELECT section_id AS "sectionId", year, language_mask AS "languageMask",
                 count(*)::int AS count
            FROM ${source} GROUP BY section_id, year, language_mask) g)`;
    // Rows are fetched, scored and counted only by the parts a one-time filter lets run (each
    // (SELECT …) below without a column is one, evaluated when first needed): the facets, then
    // the page from the first way that gives it.
    const [row]: {
      groups: (Omit<MatchGroup, 'languages'> & { languageMask: number })[] | null;
      articles: MatchedArticle[] | null;
      sections: MatchPage['sections'] | null;
    }[] = await this.db.query(
      `WITH terms AS MATERIALIZED (
         SELECT ${terms.map((_, i) => `w${i}.words AS w${i}_words, w${i}.every AS w${i}_every`).join(', ')}
           FROM ${lookups.join(', ')}
       ),
       -- Every word in the title is the highest score: such matches come in order of recency.
       -- First looked for among the newest articles (of the filters), the title read first.
       newest AS MATERIALIZED (
         SELECT submission_id, year, volume, number, seq
           FROM (SELECT submission_id, year, volume, number, seq, title, words
                   FROM article_search_documents
                  -- Not at all for a word that is in no article.
                  WHERE (SELECT ${terms.map((_, i) => `cardinality(w${i}_words) > 0`).join(' AND ')} FROM terms)
                    AND journal_id = $1${ofFilters}
                  ORDER BY ${recency}
                  LIMIT $5) newest
          WHERE CASE WHEN ${inTitle.join(' AND ')} THEN ${found.join(' AND ')} ELSE false END
          ORDER BY ${recency}
          LIMIT $4
       ),
       -- Short of the page there, through the titles' words (when they are every word that
       -- contains each typed one; a fragment taken at the start of words is not).
       titled AS MATERIALIZED (
         SELECT submission_id, year, volume, number, seq
           FROM (SELECT submission_id, year, volume, number, seq
                   FROM article_search_documents
                  WHERE (SELECT count(*) < $4 FROM newest)
                    AND (SELECT ${terms.map((_, i) => `w${i}_every`).join(' AND ')} FROM terms)
                    AND journal_id = $1 AND ${titleHas.join(' AND ')}${ofFilters}
                 -- All of them, then sorted: walking the recency index for the few that have
                 -- the words (as a small LIMIT tempts the planner to) reads every title.
                 OFFSET 0) titled
          ORDER BY ${recency}
          LIMIT $4
       ),
       best AS MATERIALIZED (
         SELECT * FROM newest WHERE (SELECT count(*) = $4 FROM newest)
         UNION ALL
         SELECT * FROM titled WHERE (SELECT count(*) = $4 FROM titled)
       ),
       settled AS (SELECT count(*) = $4 AS fast FROM best),
       -- Else every match, scored when it is of the filters (the page is of them only).
       matched AS MATERIALIZED (
         SELECT submission_id, section_id, year, volume, number, seq, language_mask,
                ${chosen.length ? `CASE WHEN ${chosen.join(' AND ')} THEN ${score} END` : score} AS score
           FROM article_search_documents
          WHERE journal_id = $1 AND ${has.join(' AND ')}
       ),
       page AS (
         SELECT submission_id, rank
           FROM (SELECT submission_id, row_number() OVER (ORDER BY ${recency}) AS rank
                   FROM best) ranked
          WHERE rank > $3 AND (SELECT fast FROM settled)
         UNION ALL
         SELECT submission_id, $3 + row_number() OVER (ORDER BY score DESC, ${recency})
           FROM (SELECT submission_id, score, year, volume, number, seq FROM matched
                  WHERE score IS NOT NULL
                  ORDER BY score DESC, ${recency}
                  LIMIT $2 OFFSET $3) ranked
          WHERE NOT (SELECT fast FROM settled)
       )
       SELECT CASE WHEN (SELECT fast FROM settled)
                   THEN ${counted(`article_search_documents WHERE journal_id = $1 AND ${has.join(' AND ')}`)}
                   ELSE ${counted('matched')} END AS groups,
              (SELECT json_agg(article ORDER BY rank) FROM (
                 SELECT page.rank, json_build_object(
                          'submissionId', d.submission_id, 'publicationId', p.id,
                          'version', p.version, 'doi', p.doi, 'metadata', p.metadata,
                          'contributors', (SELECT json_agg(json_build_object('names', c.value -> 'names') ORDER BY c.at)
                                             FROM jsonb_array_elements(p.contributors) WITH ORDINALITY AS c(value, at)),
                          'firstPublishedAt', (SELECT min(f.published_at) FROM publications f
                                                WHERE f.submission_id = d.submission_id AND f.status = 'published'),
                          'sectionId', d.section_id, 'sectionTitles', s.titles, 'issueId', d.issue_id,
                          'issue', json_build_object('volume', i.volume, 'number', i.number, 'year', i.year,
                            'titles', i.titles, 'showVolume', i.show_volume, 'showNumber', i.show_number,
                            'showYear', i.show_year, 'showTitle', i.show_title),
                          'retracted', EXISTS (SELECT 1 FROM publication_notices n
                                                WHERE n.submission_id = d.submission_id AND n.kind = 'retraction')
                        ) AS article
                   FROM page
                   JOIN article_search_documents d ON d.submission_id = page.submission_id
                   JOIN publications p ON p.id = d.publication_id
                   JOIN issues i ON i.id = d.issue_id
                   JOIN sections s ON s.id = d.section_id) articles
              ) AS articles,
              (SELECT json_agg(json_build_object('id', id, 'titles', titles) ORDER BY seq)
                 FROM sections WHERE journal_id = $1) AS sections`,
      params,
    );
    const groups = (row.groups ?? []).map(({ languageMask, ...group }) => ({
      ...group,
      languages: languagesOfMask(languageMask),
    }));
    return {
      ...facetsOf(groups, filters),
      articles: row.articles ?? [],
      sections: row.sections ?? [],
    };
  }

  /**
   * The vocabulary's words that contain the term (`words`), and whether they are all of them
   * (`every`): one row, evaluated once per query. A term found in more than
   * MAX_WORDS_PER_TERM words (a fragment such as "ate") is taken at the start of words only, and
   * if still found in too many, as a whole word: past that, the index lookup costs more than the
   * search is worth.
   */
  private wordsContaining(term: string, exact: string, param: (value: unknown) => string): string {
    const escaped = term.replace(/[\\%_]/g, '\\$&');
    const within = (pattern: string) =>
      `SELECT word FROM article_search_words WHERE word LIKE ${param(pattern)} LIMIT ${MAX_WORDS_PER_TERM + 1}`;
    return `SELECT CASE WHEN count(*) <= ${MAX_WORDS_PER_TERM} THEN COALESCE(array_agg(word), '{}')
               ELSE (SELECT CASE WHEN count(*) <= ${MAX_WORDS_PER_TERM} THEN COALESCE(array_agg(word), '{}')
                                 ELSE ARRAY[${exact}::text] END
                       FROM (${within(`${escaped}%`)}) starting)
               END AS words,
               count(*) <= ${MAX_WORDS_PER_TERM} AS every
          FROM (${within(`%${escaped}%`)}) containing`;
  }
}
