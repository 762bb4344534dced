import { ApiProperty } from '@nestjs/swagger';
import type { EditorialStatistics } from '../statistics.service';

const RATE = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;
const MEDIAN_DAYS = { type: Number, nullable: true, description: 'Median, in days (one decimal)' };

export class PeriodResponse {
  @ApiProperty({ format: 'date', example: '2024-01-01', description: 'First day (UTC), included' })
  from: string;

  @ApiProperty({ format: 'date', example: '2024-12-31', description: 'Last day (UTC), included' })
  to: string;
}

/** The cohort's figures: submissions received in the period, followed to today. */
export class SubmissionStatisticsResponse {
  @ApiProperty({ type: 'integer' })
  received: number;

  @ApiProperty({ type: 'integer', description: 'Declined without review (not reverted)' })
  deskRejected: number;

  @ApiProperty({ ...RATE, description: 'deskRejected / received' })
  deskRejectRate: number | null;

  @ApiProperty({ type: 'integer', description: 'With a standing final decision' })
  withFinalDecision: number;

  @ApiProperty({ type: 'integer' })
  accepted: number;

  @ApiProperty({ type: 'integer' })
  declined: number;

  @ApiProperty({ ...RATE, description: 'accepted / withFinalDecision' })
  acceptanceRate: number | null;

  @ApiProperty({ type: 'integer' })
  published: number;

  @ApiProperty(MEDIAN_DAYS)
  medianDaysToFirstDecision: number | null;

  @ApiProperty(MEDIAN_DAYS)
  medianDaysToAcceptance: number | null;

  @ApiProperty(MEDIAN_DAYS)
  medianDaysToPublication: number | null;
}

/** The reviewer invitations sent in the period, followed to today. */
export class ReviewStatisticsResponse {
  @ApiProperty({ type: 'integer' })
  invitations: number;

  @ApiProperty({ type: 'integer', description: 'Invitations answered, either way' })
  responses: number;

  @ApiProperty({ type: 'integer' })
  accepted: number;

  @ApiProperty({ type: 'integer' })
  declined: number;

  @ApiProperty({ type: 'integer', description: 'Reviews submitted' })
  completed: number;

  @ApiProperty({ ...RATE, description: 'accepted / responses' })
  acceptanceRate: number | null;

  @ApiProperty(MEDIAN_DAYS)
  medianDaysToRespond: number | null;

  @ApiProperty(MEDIAN_DAYS)
  medianDaysToComplete: number | null;
}

export class CountryCountResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'MA',
    description: 'ISO 3166-1 alpha-2 of the corresponding contributor; null: none given',
  })
  country: string | null;

  @ApiProperty({ type: 'integer' })
  submissions: number;
}

export class LanguageCountResponse {
  @ApiProperty({ example: 'ar', description: 'The manuscript’s language' })
  locale: string;

  @ApiProperty({ type: 'integer' })
  submissions: number;
}

/** A journal's editorial statistics over a period. */
export class EditorialStatisticsResponse {
  @ApiProperty({ example: 'volunteering', description: 'The journal’s slug' })
  journal: string;

  @ApiProperty({ type: PeriodResponse })
  period: PeriodResponse;

  @ApiProperty({ type: SubmissionStatisticsResponse })
  submissions: SubmissionStatisticsResponse;

  @ApiProperty({ type: ReviewStatisticsResponse })
  reviews: ReviewStatisticsResponse;

  @ApiProperty({ type: [CountryCountResponse], description: 'Most submissions first' })
  byCountry: CountryCountResponse[];

  @ApiProperty({ type: [LanguageCountResponse], description: 'Most submissions first' })
  byLanguage: LanguageCountResponse[];
}

export function toEditorialStatisticsResponse(
  statistics: EditorialStatistics,
): EditorialStatisticsResponse {
  const { submissions: s, reviews: r } = statistics;
  return {
    journal: statistics.journal,
    period: { from: statistics.period.from, to: statistics.period.to },
    submissions: {
      received: s.received,
      deskRejected: s.deskRejected,
      deskRejectRate: s.deskRejectRate,
      withFinalDecision: s.withFinalDecision,
      accepted: s.accepted,
      declined: s.declined,
      acceptanceRate: s.acceptanceRate,
      published: s.published,
      medianDaysToFirstDecision: s.medianDaysToFirstDecision,
      medianDaysToAcceptance: s.medianDaysToAcceptance,
      medianDaysToPublication: s.medianDaysToPublication,
    },
    reviews: {
      invitations: r.invitations,
      responses: r.responses,
      accepted: r.accepted,
      declined: r.declined,
      completed: r.completed,
      acceptanceRate: r.acceptanceRate,
      medianDaysToRespond: r.medianDaysToRespond,
      medianDaysToComplete: r.medianDaysToComplete,
    },
    byCountry: statistics.byCountry.map(({ country, submissions }) => ({ country, submissions })),
    byLanguage: statistics.byLanguage.map(({ locale, submissions }) => ({ locale, submissions })),
  };
}
