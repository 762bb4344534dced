import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PersonNames } from '../accounts/user.entity';
import type { Journal } from '../journals/journal.entity';
import { foldForMatching } from '../anonymisation/name-matcher';
import { EditorialListing } from '../submissions/editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { searchQuery } from '../submissions/submission-search';
import type { ConflictOfInterest } from './entities/review-assignment.entity';
import { interestQuery, interestsQuery } from './interest-query';
import { findConflicts } from './reviewer-conflicts';

export interface ReviewerCandidate {
  id: string;
  names: PersonNames;
  email: string;
  affiliation: string | null;
  interests: string[];
  /** The interests that match the submission's title, abstract and keywords. */
  matchedInterests: string[];
  /** PostgreSQL's ts_rank of the interests against the submission, 0 when nothing matches. */
  relevance: number;
  activeReviews: number;
  maxReviews: number;
  available: boolean;
  completedReviews: number;
  /** Share of answered invitations that were declined, 0–1; null before any answer. */
  declineRate: number | null;
  averageDaysToComplete: number | null;
  lastReviewAt: Date | null;
  /** Already invited in the submission's current round. */
  alreadyInvited: boolean;
  conflicts: ConflictOfInterest[];
  score: number;
}

interface CandidateRow {
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

/**
 * Ranked reviewer suggestions for a submission, and a search over all of the journal's
 * reviewers. The score favours matching interests and penalises load and declines:
 * `100·relevance/(relevance+0.1) − 30·load − 15·declineRate`, where load is active reviews
 * over the reviewer's maximum. Reviewers at capacity or unavailable sort last; conflicted
 * reviewers are left out unless asked for.
 */
@Injectable()
export class ReviewerSuggestions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listing: EditorialListing,
  ) {}

  async suggest(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    options: { q?: string; includeConflicted?: boolean; limit?: number },
  ): Promise<ReviewerCandidate[]> {
    await this.listing.handled(journal, viewer, submissionId);
    const rows: CandidateRow[] = await this.dataSource.query(
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
      [journal.id, submissionId],
    );
    // Name/email/interest search: folded the same way as the submissions' search.
    const matching = options.q ? await this.matchingSearch(rows, options.q) : rows;
    const ranks = await this.relevance(submissionId, matching);
    const conflicts = await findConflicts(
      this.dataSource.manager,
      submissionId,
      matching.map((row) => row.id),
    );
    const candidates = matching.map((row): ReviewerCandidate => {
      const { relevance, matched } = ranks.get(row.id) ?? { relevance: 0, matched: [] };
      const load = row.max_concurrent_reviews > 0 ? row.active / row.max_concurrent_reviews : 1;
      const declineRate = row.answered > 0 ? row.declined / row.answered : null;
      return {
        id: row.id,
        names: row.names,
        email: row.email,
        affiliation: row.affiliation,
        interests: row.review_interests,
        matchedInterests: matched,
        relevance,
        activeReviews: row.active,
        maxReviews: row.max_concurrent_reviews,
        available: row.available_for_review && row.active < row.max_concurrent_reviews,
        completedReviews: row.completed,
        declineRate,
        averageDaysToComplete:
          row.avg_days === null ? null : Math.round(Number(row.avg_days) * 10) / 10,
        lastReviewAt: row.last_review_at,
        alreadyInvited: row.already_invited ?? false,
        conflicts: conflicts.get(row.id) ?? [],
        score:
          Math.round(
            (100 * relevance) / (relevance + 0.1) -
              30 * Math.min(load, 1) -
              15 * (declineRate ?? 0),
          ) || 0,
      };
    });
    return candidates
      .filter((candidate) => options.includeConflicted || candidate.conflicts.length === 0)
      .sort(
        (a, b) =>
          Number(b.available) - Number(a.available) ||
          b.score - a.score ||
          a.email.localeCompare(b.email),
      )
      .slice(0, options.limit ?? 50);
  }

  /** Reviewers whose name (any script), email or interests contain every word typed. */
  private async matchingSearch(rows: CandidateRow[], q: string): Promise<CandidateRow[]> {
    const query = searchQuery(q);
    if (!query || rows.length === 0) return [];
    const documents = rows.map((row) =>
      foldForMatching(
        [
          ...Object.values(row.names).flatMap((name) => [name?.given, name?.family]),
          row.email.replace(/[@.]/g, ' '),
          row.email,
          ...row.review_interests,
        ]
          .filter(Boolean)
          .join(' '),
      ),
    );
    const hits: { i: number }[] = await this.dataSource.query(
      `SELECT i::int AS i FROM unnest($1::text[]) WITH ORDINALITY AS d(doc, i)
        WHERE to_tsvector('simple', doc) @@ to_tsquery('simple', $2)`,
      [documents, query],
    );
    return hits.map((hit) => rows[hit.i - 1]);
  }

  /** ts_rank of each reviewer's interests against the submission, and which interests match. */
  private async relevance(
    submissionId: string,
    rows: CandidateRow[],
  ): Promise<Map<string, { relevance: number; matched: string[] }>> {
    const result = new Map<string, { relevance: number; matched: string[] }>();
    const ids: string[] = [];
    const queries: string[] = [];
    const interestOwners: string[] = [];
    const interestTexts: string[] = [];
    const interestQueries: string[] = [];
    for (const row of rows) {
      const query = interestsQuery(row.review_interests);
      if (!query) continue;
      ids.push(row.id);
      queries.push(query);
      for (const interest of row.review_interests) {
        const single = interestQuery(interest);
        if (!single) continue;
        interestOwners.push(row.id);
        interestTexts.push(interest);
        interestQueries.push(single);
      }
    }
    if (ids.length === 0) return result;
    const [ranks, matches]: [
      { id: string; relevance: number }[],
      { owner: string; interest: string }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT q.id, ts_rank(s.search_vector, to_tsquery('simple', q.query))::float8 AS relevance
           FROM submissions s, unnest($2::uuid[], $3::text[]) AS q(id, query)
          WHERE s.id = $1`,
        [submissionId, ids, queries],
      ),
      this.dataSource.query(
        `SELECT q.owner, q.interest
           FROM submissions s, unnest($2::uuid[], $3::text[], $4::text[]) AS q(owner, interest, query)
          WHERE s.id = $1 AND s.search_vector @@ to_tsquery('simple', q.query)`,
        [submissionId, interestOwners, interestTexts, interestQueries],
      ),
    ]);
    for (const rank of ranks)
      result.set(rank.id, {
        relevance: Math.round(rank.relevance * 10000) / 10000,
        matched: matches.filter((match) => match.owner === rank.id).map((match) => match.interest),
      });
    return result;
  }
}
