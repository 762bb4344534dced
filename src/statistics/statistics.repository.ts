import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import type { Period } from './period';

/** Days between two timestamptz expressions, as double precision (what percentile_cont takes). */
const days = (from: string, to: string) => `extract(epoch FROM (${to} - ${from}))::float8 / 86400`;
/** The median, rounded to one decimal; null over no rows. */
const medianDays = (expression: string) =>
  `round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expression}))::numeric, 1)`;
/** part / whole to three decimals; null when whole is 0. */
const rate = (part: string, whole: string) => `round((${part})::numeric / NULLIF(${whole}, 0), 3)`;

/**
 * Submissions received in [$2, $3) by journal $1: submitted (never drafts), with a submission
 * date in the period. Shared by the figures and the breakdowns.
 */
const RECEIVED = `
  SELECT s.id, s.submitted_at, s.locale
    FROM submissions s
   WHERE s.journal_id = $1
     AND s.stage <> 'draft'
     AND s.submitted_at IS NOT NULL
     AND s.submitted_at >= $2 AND s.submitted_at < $3`;

/**
 * Definitions (cohort: the submissions received in the period; what happened to them is
 * followed up to today, whenever it happened):
 *
 * - A decline (`decline` or `decline_without_review`) followed later by a `revert_decline` of the
 *   same submission was undone: it is not a decline. `revert_decline` takes back the latest
 *   decline, and a submission cannot be declined twice without a revert in between, so "a revert
 *   after it" is exactly "reverted".
 * - Final decision: the latest standing `accept`, `decline` or `decline_without_review`.
 * - Desk-reject rate: final decision `decline_without_review` / received.
 * - Acceptance rate: final decision `accept` / received with a final decision (submissions
 *   still under consideration, or withdrawn, are left out, not counted as declines).
 * - Days to first decision: submitted_at → the first editorial decision, whatever it is (the
 *   OJS/Janeway reading of "first decision"): `send_to_review` counts, since it tells the
 *   author their manuscript goes to review, as do desk rejects, requests for revisions, accepts
 *   and declines, even a decline reverted later (the author was told). `revert_decline` and
 *   `send_to_production` are left out: neither can be a first decision.
 * - Withdrawn submissions were received: they count in `received` (the desk-reject rate's
 *   denominator) but, having no final decision, not in the acceptance rate.
 * - Days to acceptance: submitted_at → the first `accept` decision.
 * - Days to publication: submitted_at → the first submission event of kind `published`.
 */
const SUBMISSION_FIGURES = `
  WITH received AS (${RECEIVED}),
  followed AS (
    SELECT r.id,
           ${days('r.submitted_at', 'firsts.first_decision_at')} AS days_to_first_decision,
           ${days('r.submitted_at', 'firsts.accepted_at')} AS days_to_acceptance,
           ${days('r.submitted_at', 'publication.published_at')} AS days_to_publication,
           final.kind AS final_decision
      FROM received r
      LEFT JOIN LATERAL (
        SELECT min(d.created_at) FILTER (
                 WHERE d.kind NOT IN ('revert_decline', 'send_to_production')) AS first_decision_at,
               min(d.created_at) FILTER (WHERE d.kind = 'accept') AS accepted_at
          FROM decisions d
         WHERE d.submission_id = r.id
      ) firsts ON true
      LEFT JOIN LATERAL (
        SELECT d.kind
          FROM decisions d
         WHERE d.submission_id = r.id
           AND d.kind IN ('accept', 'decline', 'decline_without_review')
           AND (d.kind = 'accept' OR NOT EXISTS (
                 SELECT 1 FROM decisions revert
                  WHERE revert.submission_id = d.submission_id
                    AND revert.kind = 'revert_decline'
                    AND revert.created_at > d.created_at))
         ORDER BY d.created_at DESC
         LIMIT 1
      ) final ON true
      LEFT JOIN LATERAL (
        SELECT min(e.occurred_at) AS published_at
          FROM submission_events e
         WHERE e.submission_id = r.id AND e.kind = 'published'
      ) publication ON true
  )
  SELECT count(*)::int AS "received",
         count(*) FILTER (WHERE final_decision = 'decline_without_review')::int AS "deskRejected",
         ${rate(`count(*) FILTER (WHERE final_decision = 'decline_without_review')`, 'count(*)')}
           AS "deskRejectRate",
         count(final_decision)::int AS "withFinalDecision",
         count(*) FILTER (WHERE final_decision = 'accept')::int AS "accepted",
         count(*) FILTER (WHERE final_decision IN ('decline', 'decline_without_review'))::int
           AS "declined",
         ${rate(`count(*) FILTER (WHERE final_decision = 'accept')`, 'count(final_decision)')}
           AS "acceptanceRate",
         count(days_to_publication)::int AS "published",
         ${medianDays('days_to_first_decision')} AS "medianDaysToFirstDecision",
         ${medianDays('days_to_acceptance')} AS "medianDaysToAcceptance",
         ${medianDays('days_to_publication')} AS "medianDaysToPublication"
    FROM followed`;

/**
 * Invitations sent in [$2, $3) by journal $1, followed to today. Accepted: answered and not
 * declined (an accepted invitation cancelled later keeps its answer; one cancelled unanswered
 * has none). Response time: invited_at → responded_at, over the answered ones, either way.
 * Completion time: responded_at (the acceptance) → completed_at, over completed reviews.
 */
const REVIEW_FIGURES = `
  SELECT count(*)::int AS "invitations",
         count(a.responded_at)::int AS "responses",
         count(*) FILTER (WHERE a.responded_at IS NOT NULL AND a.state <> 'declined')::int
           AS "accepted",
         count(*) FILTER (WHERE a.state = 'declined')::int AS "declined",
         count(a.completed_at)::int AS "completed",
         ${rate(
           `count(*) FILTER (WHERE a.responded_at IS NOT NULL AND a.state <> 'declined')`,
           'count(a.responded_at)',
         )} AS "acceptanceRate",
         ${medianDays(days('a.invited_at', 'a.responded_at'))} AS "medianDaysToRespond",
         ${medianDays(days('a.responded_at', 'a.completed_at'))} AS "medianDaysToComplete"
    FROM review_assignments a
   WHERE a.journal_id = $1
     AND a.invited_at >= $2 AND a.invited_at < $3`;

/**
 * Received submissions per country and per language in one pass (grouping sets). The country
 * is the corresponding contributor's (the first in byline order if several are; the first
 * contributor's if none is), upper-cased.
 */
const BREAKDOWNS = `
  WITH received AS (${RECEIVED})
  SELECT GROUPING(contact.country) = 0 AS "byCountry",
         contact.country AS "country",
         r.locale AS "locale",
         count(*)::int AS "submissions"
    FROM received r
    LEFT JOIN LATERAL (
      SELECT upper(c.country) AS country
        FROM contributors c
       WHERE c.submission_id = r.id
       ORDER BY c.corresponding DESC, c.seq
       LIMIT 1
    ) contact ON true
   GROUP BY GROUPING SETS ((contact.country), (r.locale))
   ORDER BY count(*) DESC, contact.country NULLS LAST, r.locale`;

export type RawRow = Record<string, string | number | null>;

/** A row of the breakdowns: per country (`byCountry`) or per language. */
export interface BreakdownRow {
  byCountry: boolean;
  country: string | null;
  locale: string | null;
  submissions: number;
}

/**
 * The statistics' SQL, over the tables of the features whose work they count (submissions,
 * decisions, reviews, history): read only.
 */
@Injectable()
export class StatisticsRepository extends Repository {
  private parameters(journalId: string, period: Period): string[] {
    return [journalId, period.start.toISOString(), period.end.toISOString()];
  }

  /** The cohort's figures (numerics as PostgreSQL gives them: strings). */
  async submissionFigures(journalId: string, period: Period): Promise<RawRow> {
    const [row] = await this.db.query<RawRow[]>(
      SUBMISSION_FIGURES,
      this.parameters(journalId, period),
    );
    return row;
  }

  /** The figures of the invitations sent in the period. */
  async reviewFigures(journalId: string, period: Period): Promise<RawRow> {
    const [row] = await this.db.query<RawRow[]>(REVIEW_FIGURES, this.parameters(journalId, period));
    return row;
  }

  /** Received submissions per country and per language, most first. */
  breakdowns(journalId: string, period: Period): Promise<BreakdownRow[]> {
    return this.db.query<BreakdownRow[]>(BREAKDOWNS, this.parameters(journalId, period));
  }
}
