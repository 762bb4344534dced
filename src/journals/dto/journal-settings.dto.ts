import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SUPPORTED_LOCALES, type Locale, type LocalizedText } from '../../common/i18n/locale';
import {
  CREATIVE_COMMONS_LICENCES,
  IsCreativeCommonsLicence,
  IsDoiPrefix,
  IsDoiSuffixPattern,
  IsIssn,
  IsLocalizedText,
  IsOrcid,
} from '../../common/validation/validators';
import {
  COPYRIGHT_HOLDER_RULES,
  type CopyrightHolderRule,
  REVIEW_POLICIES,
  type ReviewPolicy,
} from '../journal.entity';

const LOCALIZED = {
  type: 'object' as const,
  additionalProperties: { type: 'string' as const },
  example: { ar: '…', en: '…', fr: '…' },
};
const optionalValue = (_: unknown, value: unknown) => value !== null && value !== undefined;

export class ChecklistItemDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Kept when editing an item; new items get one',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 1000, required: true })
  text: LocalizedText;
}

/** Every journal setting a manager may edit. All optional on update; see CreateJournalDto for creation. */
export class JournalSettingsDto {
  @ApiProperty(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 300, required: true })
  titles?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 40 })
  abbreviations?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 5000 })
  descriptions?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 20000 })
  focusAndScope?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 50000 })
  authorGuidelines?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 20000 })
  privacyStatements?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 5000 })
  openAccessStatements?: LocalizedText;

  @ApiPropertyOptional({
    ...LOCALIZED,
    description: 'The publication ethics policy: misconduct, corrections, retractions, COPE',
  })
  @IsOptional()
  @IsLocalizedText({ maxLength: 20000 })
  publicationEthics?: LocalizedText;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  primaryLocale?: Locale;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, isArray: true })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsIn(SUPPORTED_LOCALES, { each: true })
  additionalLocales?: Locale[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '2958-1427' })
  @ValidateIf(optionalValue)
  @IsIssn()
  onlineIssn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(optionalValue)
  @IsIssn()
  printIssn?: string | null;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  publisherName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(200)
  publisherPlace?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(optionalValue)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '10.32013' })
  @ValidateIf(optionalValue)
  @IsDoiPrefix()
  doiPrefix?: string | null;

  @ApiPropertyOptional({ example: '{journal}.{year}.{article}' })
  @IsOptional()
  @IsDoiSuffixPattern()
  doiSuffixPattern?: string;

  @ApiPropertyOptional({ enum: COPYRIGHT_HOLDER_RULES })
  @IsOptional()
  @IsIn(COPYRIGHT_HOLDER_RULES)
  copyrightHolderRule?: CopyrightHolderRule;

  @ApiPropertyOptional({ enum: CREATIVE_COMMONS_LICENCES })
  @IsOptional()
  @IsCreativeCommonsLicence()
  licenceUrl?: string;

  @ApiPropertyOptional({ enum: REVIEW_POLICIES })
  @IsOptional()
  @IsIn(REVIEW_POLICIES)
  reviewPolicy?: ReviewPolicy;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  reviewResponseDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 180 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(180)
  reviewDueDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  reviewReminderDays?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60,
    description: 'Days between reminders once overdue',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  reviewOverdueReminderDays?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10,
    description: 'Overdue reminders before the editor is told',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  reviewOverdueReminders?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  minReviewsPerRound?: number;

  @ApiPropertyOptional({
    description:
      'Section editors recommend decisions to the editors instead of taking them (send to review and to production stay theirs)',
  })
  @IsOptional()
  @IsBoolean()
  sectionEditorsRecommend?: boolean;

  @ApiPropertyOptional({ type: [ChecklistItemDto] })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  submissionChecklist?: ChecklistItemDto[];

  @ApiPropertyOptional({
    enum: SUPPORTED_LOCALES,
    isArray: true,
    description: 'Title and abstract required in these languages too',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsIn(SUPPORTED_LOCALES, { each: true })
  requiredAbstractLocales?: Locale[];

  @ApiPropertyOptional({ minimum: 1, maximum: 2000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  maxUploadMb?: number;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** A site administrator creates a journal: slug, titles and publisher are required. */
export class CreateJournalDto extends JournalSettingsDto {
  @ApiProperty({ example: 'volunteering', description: 'Lower-case letters, digits and hyphens' })
  @Matches(SLUG_PATTERN, {
    message: 'must be 1-64 lower-case letters, digits or hyphens (not at either end)',
  })
  slug: string;

  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 300, required: true })
  declare titles: LocalizedText;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  @IsIn(SUPPORTED_LOCALES)
  declare primaryLocale: Locale;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  declare publisherName: string;
}

/** Site administrators may also change the slug. */
export class UpdateJournalDto extends JournalSettingsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG_PATTERN, {
    message: 'must be 1-64 lower-case letters, digits or hyphens (not at either end)',
  })
  slug?: string;
}

export class SectionDto {
  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 300, required: true })
  titles: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 40 })
  abbreviations?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 10000 })
  policies?: LocalizedText;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Type(() => Boolean)
  peerReviewed?: boolean;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 100, maximum: 200000 })
  @ValidateIf(optionalValue)
  @IsInt()
  @Min(100)
  @Max(200_000)
  wordLimit?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Type(() => Boolean)
  openForSubmissions?: boolean;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  seq?: number;
}

export class UpdateSectionDto extends PartialType(SectionDto) {}

export class SectionEditorsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  userIds: string[];
}

export class BoardMemberDto {
  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 200, required: true })
  names: LocalizedText;

  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 200, required: true })
  roleTitles: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 300 })
  affiliations?: LocalizedText;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(optionalValue)
  @IsOrcid()
  orcid?: string | null;
}

export class EditorialBoardDto {
  @ApiProperty({ type: [BoardMemberDto], description: 'The whole board, in display order' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BoardMemberDto)
  members: BoardMemberDto[];
}
