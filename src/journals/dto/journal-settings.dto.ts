import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
// A setting the journal always has (a NOT NULL column) is checked whenever it is sent: null is
// not a value of it (an empty object clears a text), so null gets a 400 naming the field instead
// of reaching the database. @IsOptional() would let null through.
const present = (_: unknown, value: unknown) => value !== undefined;
// class-validator keeps a parent class's condition on a property unless the subclass declares
// one of its own: this one makes a field the subclass requires checked even when absent.
const always = () => true;

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
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 300, required: true })
  titles?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 40 })
  abbreviations?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 5000 })
  descriptions?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 20000 })
  focusAndScope?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 50000 })
  authorGuidelines?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 20000 })
  privacyStatements?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 5000 })
  openAccessStatements?: LocalizedText;

  @ApiPropertyOptional({
    ...LOCALIZED,
    description: 'The publication ethics policy: misconduct, corrections, retractions, COPE',
  })
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 20000 })
  publicationEthics?: LocalizedText;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @ValidateIf(present)
  @IsIn(SUPPORTED_LOCALES)
  primaryLocale?: Locale;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, isArray: true })
  @ValidateIf(present)
  @IsArray()
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
  @ValidateIf(present)
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
  @ValidateIf(present)
  @IsDoiSuffixPattern()
  doiSuffixPattern?: string;

  @ApiPropertyOptional({ enum: COPYRIGHT_HOLDER_RULES })
  @ValidateIf(present)
  @IsIn(COPYRIGHT_HOLDER_RULES)
  copyrightHolderRule?: CopyrightHolderRule;

  @ApiPropertyOptional({ enum: CREATIVE_COMMONS_LICENCES })
  @ValidateIf(present)
  @IsCreativeCommonsLicence()
  licenceUrl?: string;

  @ApiPropertyOptional({ enum: REVIEW_POLICIES })
  @ValidateIf(present)
  @IsIn(REVIEW_POLICIES)
  reviewPolicy?: ReviewPolicy;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(60)
  reviewResponseDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 180 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(180)
  reviewDueDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 30 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(30)
  reviewReminderDays?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60,
    description: 'Days between reminders once overdue',
  })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(60)
  reviewOverdueReminderDays?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10,
    description: 'Overdue reminders before the editor is told',
  })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(10)
  reviewOverdueReminders?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(10)
  minReviewsPerRound?: number;

  @ApiPropertyOptional({
    description:
      'Section editors recommend decisions to the editors instead of taking them (send to review and to production stay theirs)',
  })
  @ValidateIf(present)
  @IsBoolean()
  sectionEditorsRecommend?: boolean;

  @ApiPropertyOptional({ type: [ChecklistItemDto] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  submissionChecklist?: ChecklistItemDto[];

  @ApiPropertyOptional({
    enum: SUPPORTED_LOCALES,
    isArray: true,
    description: 'Title and abstract required in these languages too',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(SUPPORTED_LOCALES, { each: true })
  requiredAbstractLocales?: Locale[];

  @ApiPropertyOptional({ minimum: 1, maximum: 2000 })
  @ValidateIf(present)
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
  @ValidateIf(always)
  @IsLocalizedText({ maxLength: 300, required: true })
  declare titles: LocalizedText;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  @ValidateIf(always)
  @IsIn(SUPPORTED_LOCALES)
  declare primaryLocale: Locale;

  @ApiProperty({ maxLength: 300 })
  @ValidateIf(always)
  @IsString()
  @MaxLength(300)
  declare publisherName: string;
}

/** Site administrators may also change the slug. */
export class UpdateJournalDto extends JournalSettingsDto {
  @ApiPropertyOptional()
  @ValidateIf(present)
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
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 40 })
  abbreviations?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @ValidateIf(present)
  @IsLocalizedText({ maxLength: 10000 })
  policies?: LocalizedText;

  @ApiPropertyOptional({ default: true })
  @ValidateIf(present)
  @Type(() => Boolean)
  @IsBoolean()
  peerReviewed?: boolean;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 100, maximum: 200000 })
  @ValidateIf(optionalValue)
  @IsInt()
  @Min(100)
  @Max(200_000)
  wordLimit?: number | null;

  @ApiPropertyOptional({ default: true })
  @ValidateIf(present)
  @Type(() => Boolean)
  @IsBoolean()
  openForSubmissions?: boolean;

  @ApiPropertyOptional({ minimum: 0 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(10_000)
  seq?: number;
}

/** Every field optional, but null only where SectionDto allows it (the default lets null through). */
export class UpdateSectionDto extends PartialType(SectionDto, { skipNullProperties: false }) {}

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
