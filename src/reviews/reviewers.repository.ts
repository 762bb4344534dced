import { Injectable } from '@nestjs/common';
import type { Locale } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import type { PersonNames } from '../editorial/people';
import type { ConflictOfInterest } from './entities/review-assignment.entity';

/** A person as peer review reads them from their account: identity, language, availability. */
export interface ReviewerAccount {
  id: string;
  email: string;
  names: PersonNames;
  affiliation: string | null;
  preferredLocale: Locale;
  status: 'active' | 'invited' | 'deleted';
  availableForReview: boolean;
  maxConcurrentReviews: number;
  reviewInterests: string[];
}

/** A reviewer of a journal with their record there, as the suggestions rank them. */
export interface CandidateRow {
  id: string;
  names: PersonNames;
  email: string;
  affiliation: string | null;
  review_interests: string[];
  max_concurrent_reviews: number;
  available_for_review: boolean;
  active: number;
  completed: number;
  declined: number;
  answered: number;
  avg_days: string | null;
  last_review_at: Date | null;
  already_invited: boolean;
}

const ACCOUNT_COLUMNS = `u.id, u.email, u.names, u.affiliation, u.preferred_locale AS "preferredLocale",
  u.status, u.available_for_review AS "availableForReview",
  u.max_concurrent_reviews AS "maxConcurrentReviews", u.review_interests AS "reviewInterests"`;

/** What peer review reads of people: reviewers' accounts, their conflicts, their records. */
@Injectable()
export class ReviewersRepository extends Repository {
  /** A person with the reviewer role in the journal (whatever their account's status). */
  async reviewerOf(journalId: string, userId: string): Promise<ReviewerAccount | null> {
    const [row]: ReviewerAccount[] = await this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u
        WHERE u.id = $2 AND EXISTS (SELECT 1 FROM journal_roles r
                                     WHERE r.journal_id = $1 AND r.user_id = u.id AND r.role = 'reviewer')`,
      [journalId, userId],
    );
    return row ?? null;
  }

  async account(userId: string): Promise<ReviewerAccount> {
    const [row]: ReviewerAccount[] = await this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`,
      [userId],
    );
    if (!row) throw new Error(`no user ${userId}`);
    return row;
  }

  /**
   * Conflicts of interest between a submission and possible reviewers, found in SQL:
   * - `contributor`: the reviewer submitted it or is one of its contributors (by email);
   * - `shared_affiliation`: the reviewer's affiliation equals a contributor's (case and spacing
   *   aside);
   * - `coauthor`: the reviewer and one of its contributors are contributors together to another
   *   submission in this journal.
   * A contributor can never review; the other two need the editor's stated reason.
   */
  async conflicts(
    submissionId: string,
    reviewerIds: string[],
  ): Promise<Map<string, ConflictOfInterest[]>> {
    const conflicts = new Map<string, ConflictOfInterest[]>(reviewerIds.map((id) => [id, []]));
    if (reviewerIds.length === 0) return conflicts;
    const rows: { reviewer_id: string; kind: ConflictOfInterest['kind']; detail: string }[] =
      await this.db.query(
        `WITH sub AS (SELECT id, journal_id, submitter_id FROM submissions WHERE id = $1),
              c AS (SELECT email, lower(btrim(regexp_replace(affiliation, '\\s+', ' ', 'g'))) AS aff
                      FROM contributors WHERE submission_id = $1),
              r AS (SELECT id, email, affiliation,
                           lower(btrim(regexp_replace(coalesce(affiliation, ''), '\\s+', ' ', 'g'))) AS aff
                      FROM users WHERE id = ANY($2::uuid[]))
         SELECT r.id AS reviewer_id, 'contributor' AS kind, 'contributor to this submission' AS detail
           FROM r WHERE r.email IN (SELECT email FROM c) OR r.id = (SELECT submitter_id FROM sub)
         UNION
         SELECT r.id, 'shared_affiliation', r.affiliation
           FROM r JOIN c ON c.aff = r.aff WHERE r.aff <> ''
         UNION
         SELECT r.id, 'coauthor', coalesce(other.number, other.id::text)
           FROM r
           JOIN contributors mine ON mine.email = r.email
           JOIN submissions other ON other.id = mine.submission_id
            AND other.journal_id = (SELECT journal_id FROM sub) AND other.id <> $1
            AND other.stage <> 'draft'
           JOIN contributors theirs ON theirs.submission_id = other.id AND theirs.email <> r.email
            AND theirs.email IN (SELECT email FROM c)`,
        [submissionId, reviewerIds],
      );
    for (const row of rows)
      conflicts.get(row.reviewer_id)?.push({ kind: row.kind, detail: row.detail });
    return conflicts;
  }

  /** The journal's reviewers with their load and record there, for a submission. */
  candidates(journalId: string, submissionId: string): Promise<CandidateRow[]> {
    return this.db.query(
      `SELECT u.id, u.names, u.email, u.affiliation, u.review_interests, u.max_concurrent_reviews,
              u.available_for_review,
              count(*) FILTER (WHERE a.state IN ('invited', 'accepted'))::int AS active,
              count(*) FILTER (WHERE a.state = 'completed')::int AS completed,
              count(*) FILTER (WHERE a.state = 'declined')::int AS declined,
              count(*) FILTER (WHERE a.responded_at IS NOT NULL)::int AS answered,
              avg(extract(epoch FROM a.completed_at - a.responded_at) / 86400)
                FILTER (WHERE a.state = 'completed') AS avg_days,
              max(a.completed_at) AS last_review_at,
              bool_or(a.round_id = (SELECT id FROM review_rounds WHERE submission_id = $2
                                      ORDER BY number DESC LIMIT 1)) AS already_invited
         FROM journal_roles jr
         JOIN users u ON u.id = jr.user_id AND u.status IN ('active', 'invited')
         LEFT JOIN review_assignments a ON a.reviewer_id = u.id AND a.journal_id = jr.journal_id
        WHERE jr.journal_id = $1 AND jr.role = 'reviewer'
        GROUP BY u.id`,
      [journalId, submissionId],
    );
  }

  /** The 1-based positions of the documents that match a `to_tsquery('simple', …)` query. */
  async matching(documents: string[], query: string): Promise<number[]> {
    const hits: { i: number }[] = await this.db.query(
      `SELECT i::int AS i FROM unnest($1::text[]) WITH ORDINALITY AS d(doc, i)
        WHERE to_tsvector('simple', doc) @@ to_tsquery('simple', $2)`,
      [documents, query],
    );
    return hits.map((hit) => hit.i);
  }

  /** ts_rank of each reviewer's interests query against the submission's search vector. */
  ranks(
    submissionId: string,
    ids: string[],
    queries: string[],
  ): Promise<{ id: string; relevance: number }[]> {
    return this.db.query(
      `SELECT q.id, ts_rank(s.search_vector, to_tsquery('simple', q.query))::float8 AS relevance
         FROM submissions s, unnest($2::uuid[], $3::text[]) AS q(id, query)
        WHERE s.id = $1`,
      [submissionId, ids, queries],
    );
  }

  /** Which of the interests (each with its owner and query) match the submission. */
  matchedInterests(
    submissionId: string,
    owners: string[],
    interests: string[],
    queries: string[],
  ): Promise<{ owner: string; interest: string }[]> {
    return this.db.query(
      `SELECT q.owner, q.interest
         FROM submissions s, unnest($2::uuid[], $3::text[], $4::text[]) AS q(owner, interest, query)
        WHERE s.id = $1 AND s.search_vector @@ to_tsquery('simple', q.query)`,
      [submissionId, owners, interests, queries],
    );
  }
}
