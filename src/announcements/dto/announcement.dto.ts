import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, Min, ValidateIf } from 'class-validator';
import type { LocalizedText } from '../../common/i18n/locale';
import { IsLocalizedText } from '../../common/validation/validators';

export const ANNOUNCEMENT_LIMITS = { title: 300, summary: 600, body: 20_000 } as const;

const localized = (description: string, maxLength: number) => ({
  type: 'object' as const,
  additionalProperties: { type: 'string' as const, maxLength },
  example: { ar: '…', en: '…', fr: '…' },
  description,
});
const TITLES = localized(
  'A title per language, at least in the journal’s primary language',
  ANNOUNCEMENT_LIMITS.title,
);
const SUMMARIES = localized(
  'A short summary per language, for the home page and the list',
  ANNOUNCEMENT_LIMITS.summary,
);
const BODIES = localized(
  'The text per language: plain text, paragraphs separated by a blank line',
  ANNOUNCEMENT_LIMITS.body,
);
const PUBLISHED_AT = {
  type: String,
  format: 'date-time',
  nullable: true,
  description: 'Public from then on (a time to come schedules it); null keeps it a draft',
};
const EXPIRES_AT = {
  type: String,
  format: 'date-time',
  nullable: true,
  description: 'Leaves the home page then, and stays in the list; null: never',
};

// Texts are checked whenever they are sent: null is not one (an empty object clears a text).
const present = (_: unknown, value: unknown) => value !== undefined;
// Times are checked when they are sent and not null: null is a value of theirs (a draft, no
// expiry).
const given = (_: unknown, value: unknown) => value !== undefined && value !== null;

export class CreateAnnouncementDto {
  @ApiProperty(TITLES)
  @IsLocalizedText({ maxLength: ANNOUNCEMENT_LIMITS.title, required: true })
  titles: LocalizedText;

  @ApiPropertyOptional(SUMMARIES)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: ANNOUNCEMENT_LIMITS.summary })
  summaries?: LocalizedText;

  @ApiPropertyOptional(BODIES)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: ANNOUNCEMENT_LIMITS.body })
  bodies?: LocalizedText;

  @ApiPropertyOptional(PUBLISHED_AT)
  @ValidateIf(given)
  @Type(() => Date)
  @IsDate()
  publishedAt?: Date | null;

  @ApiPropertyOptional(EXPIRES_AT)
  @ValidateIf(given)
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date | null;
}

/** The fields given change; the others stay. */
export class UpdateAnnouncementDto {
  @ApiProperty({ description: 'The announcement’s lockVersion, as read (409 if it moved)' })
  @IsInt()
  @Min(1)
  lockVersion: number;

  @ApiPropertyOptional(TITLES)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: ANNOUNCEMENT_LIMITS.title, required: true })
  titles?: LocalizedText;

  @ApiPropertyOptional(SUMMARIES)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: ANNOUNCEMENT_LIMITS.summary })
  summaries?: LocalizedText;

  @ApiPropertyOptional(BODIES)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: ANNOUNCEMENT_LIMITS.body })
  bodies?: LocalizedText;

  @ApiPropertyOptional(PUBLISHED_AT)
  @ValidateIf(given)
  @Type(() => Date)
  @IsDate()
  publishedAt?: Date | null;

  @ApiPropertyOptional(EXPIRES_AT)
  @ValidateIf(given)
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date | null;
}
