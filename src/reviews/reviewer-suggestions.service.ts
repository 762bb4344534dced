import { Injectable } from '@nestjs/common';
import { foldForMatching } from '../anonymisation/name-matcher';
import type { PersonNames } from '../editorial/people';
import type { Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { EditorialListing, searchQuery } from '../submissions';
import type { ConflictOfInterest } from './entities/review-assignment.entity';
import { interestQuery, interestsQuery } from './interest-query';
import { type CandidateRow, ReviewersRepository } from './reviewers.repository';

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
    private readonly reviewers: ReviewersRepository,
    private readonly listing: EditorialListing,
  ) {}

  async suggest(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    options: { q?: string; includeConflicted?: boolean; limit?: number },
  ): Promise<ReviewerCandidate[]> {
    await this.listing.handled(journal, viewer, submissionId);
    const rows = await this.reviewers.candidates(journal.id, submissionId);
    // Name/email/interest search: folded the same way as the submissions' search.
    const matching = options.q ? await this.matchingSearch(rows, options.q) : rows;
    const ranks = await this.relevance(submissionId, matching);
    const conflicts = await this.reviewers.conflicts(
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
    const hits = await this.reviewers.matching(documents, query);
    return hits.map((i) => rows[i - 1]);
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
    const [ranks, matches] = await Promise.all([
      this.reviewers.ranks(submissionId, ids, queries),
      this.reviewers.matchedInterests(submissionId, interestOwners, interestTexts, interestQueries),
    ]);
    for (const rank of ranks)
      result.set(rank.id, {
        relevance: Math.round(rank.relevance * 10000) / 10000,
        matched: matches.filter((match) => match.owner === rank.id).map((match) => match.interest),
      });
    return result;
  }
}
