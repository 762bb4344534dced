import { Injectable } from '@nestjs/common';
import type { Journal } from '../journals';
import { type CsvCell, toCsv, UTF8_BOM } from './csv';
import { type Period, resolvePeriod } from './period';
import { type RawRow, StatisticsRepository } from './statistics.repository';

/** The cohort's figures: submissions received in the period, followed to today. */
export interface SubmissionStatistics {
  received: number;
  /** Received, and declined without review (a reverted desk reject does not count). */
  deskRejected: number;
  /** deskRejected / received, 0..1. */
  deskRejectRate: number | null;
  /** Received, and with a standing final decision: accepted, or declined (a reverted decline is not one). */
  withFinalDecision: number;
  accepted: number;
  declined: number;
  /** accepted / withFinalDecision, 0..1. */
  acceptanceRate: number | null;
  /** Received, and with a `published` event. */
  published: number;
  medianDaysToFirstDecision: number | null;
  medianDaysToAcceptance: number | null;
  medianDaysToPublication: number | null;
}

/** The reviewer invitations sent in the period, followed to today. */
export interface ReviewStatistics {
  invitations: number;
  /** Invitations answered (accepted or declined). */
  responses: number;
  accepted: number;
  declined: number;
  /** Reviews submitted (an unlocked review counts again only once resubmitted). */
  completed: number;
  /** accepted / responses, 0..1. */
  acceptanceRate: number | null;
  medianDaysToRespond: number | null;
  medianDaysToComplete: number | null;
}

export interface EditorialStatistics {
  journal: string;
  /** Whole UTC days, both ends included. */
  period: { from: string; to: string };
  submissions: SubmissionStatistics;
  reviews: ReviewStatistics;
  /** Received submissions per corresponding contributor's country; null: no country given. */
  byCountry: { country: string | null; submissions: number }[];
  /** Received submissions per manuscript language. */
  byLanguage: { locale: string; submissions: number }[];
}

/** PostgreSQL numerics arrive as strings: make numbers of them, keeping nulls. */
function numbers<T>(row: RawRow): T {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value === null ? null : Number(value)]),
  ) as T;
}

/** The period asked for: whole UTC days, both ends included (see resolvePeriod). */
export interface PeriodQuery {
  from?: string;
  to?: string;
}

/** The statistics as a CSV file to download. */
export interface StatisticsCsv {
  fileName: string;
  /** UTF-8 with a byte order mark, one row per figure: section,metric,key,value. */
  content: string;
}

/** Editorial statistics of one journal over a period, computed in SQL. */
@Injectable()
export class StatisticsService {
  constructor(private readonly statistics: StatisticsRepository) {}

  /** The figures over the period asked for (default: the last 12 months); 400 for a bad one. */
  compute(journal: Journal, query: PeriodQuery): Promise<EditorialStatistics> {
    return this.over(journal, resolvePeriod(query));
  }

  /** The same figures as CSV, named after the journal and the period. */
  async exportCsv(journal: Journal, query: PeriodQuery): Promise<StatisticsCsv> {
    const period = resolvePeriod(query);
    return {
      fileName: `statistics-${journal.slug}-${period.from}-${period.to}.csv`,
      content: UTF8_BOM + this.toCsv(await this.over(journal, period)),
    };
  }

  private async over(journal: Journal, period: Period): Promise<EditorialStatistics> {
    const [submissions, reviews, breakdowns] = await Promise.all([
      this.statistics.submissionFigures(journal.id, period),
      this.statistics.reviewFigures(journal.id, period),
      this.statistics.breakdowns(journal.id, period),
    ]);
    return {
      journal: journal.slug,
      period: { from: period.from, to: period.to },
      submissions: numbers<SubmissionStatistics>(submissions),
      reviews: numbers<ReviewStatistics>(reviews),
      byCountry: breakdowns
        .filter((row) => row.byCountry)
        .map((row) => ({ country: row.country, submissions: row.submissions })),
      byLanguage: breakdowns
        .filter((row) => !row.byCountry)
        .map((row) => ({ locale: row.locale!, submissions: row.submissions })),
    };
  }

  /** The statistics as CSV rows `section,metric,key,value`, BOM not included. */
  private toCsv(statistics: EditorialStatistics): string {
    const metric = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    const rows: CsvCell[][] = [
      ['section', 'metric', 'key', 'value'],
      ['period', 'from', '', statistics.period.from],
      ['period', 'to', '', statistics.period.to],
    ];
    for (const [name, value] of Object.entries(statistics.submissions))
      rows.push([
        'overall',
        name === 'received' ? 'submissions_received' : metric(name),
        '',
        value,
      ]);
    for (const [name, value] of Object.entries(statistics.reviews))
      rows.push(['reviews', metric(name), '', value]);
    for (const { country, submissions } of statistics.byCountry)
      rows.push(['country', 'submissions', country, submissions]);
    for (const { locale, submissions } of statistics.byLanguage)
      rows.push(['language', 'submissions', locale, submissions]);
    return toCsv(rows);
  }
}
