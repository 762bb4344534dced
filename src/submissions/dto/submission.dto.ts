import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PersonNamesDto } from '../../accounts';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { IsOrcid } from '../../common/validation/validators';
import { CONTRIBUTOR_ROLES, type ContributorRole } from '../entities/contributor.entity';

const optionalValue = (_: unknown, value: unknown) => value !== null && value !== undefined;

export class CreateSubmissionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sectionId: string;

  @ApiProperty({ enum: SUPPORTED_LOCALES, description: 'The manuscript’s language' })
  @IsIn(SUPPORTED_LOCALES)
  locale: Locale;
}

export class MetadataDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(500)
  subtitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(10_000)
  abstract?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keywords?: string[];
}

/** Title, abstract and keywords per language: `{ ar: {…}, en: {…} }`; null removes a language. */
export class MetadataByLocaleDto {
  @ApiPropertyOptional({ type: MetadataDto, nullable: true })
  @ValidateIf(optionalValue)
  @ValidateNested()
  @Type(() => MetadataDto)
  ar?: MetadataDto | null;

  @ApiPropertyOptional({ type: MetadataDto, nullable: true })
  @ValidateIf(optionalValue)
  @ValidateNested()
  @Type(() => MetadataDto)
  en?: MetadataDto | null;

  @ApiPropertyOptional({ type: MetadataDto, nullable: true })
  @ValidateIf(optionalValue)
  @ValidateNested()
  @Type(() => MetadataDto)
  fr?: MetadataDto | null;
}

/** A draft is saved step by step: every field is optional. */
export class UpdateSubmissionDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sectionId?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ type: MetadataByLocaleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MetadataByLocaleDto)
  metadata?: MetadataByLocaleDto;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(5000)
  funding?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(5000)
  competingInterests?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(5000)
  dataAvailability?: string | null;

  @ApiPropertyOptional({ description: 'References as text, one per line', maxLength: 200000 })
  @IsOptional()
  @IsString()
  @MaxLength(200_000)
  references?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(5000)
  commentsToEditor?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Ids of the confirmed checklist items' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  checklistConfirmed?: string[];
}

export class ContributorDto {
  @ApiProperty({ type: PersonNamesDto })
  @IsNotEmptyObject({ nullable: false }, { message: 'must give a name in at least one script' })
  @ValidateNested()
  @Type(() => PersonNamesDto)
  names: PersonNamesDto;

  @ApiProperty()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(optionalValue)
  @IsString()
  @MaxLength(300)
  affiliation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'MA' })
  @ValidateIf(optionalValue)
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code, e.g. MA or SA' })
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(optionalValue)
  @IsOrcid()
  orcid?: string | null;

  @ApiPropertyOptional({ enum: CONTRIBUTOR_ROLES, default: 'author' })
  @IsOptional()
  @IsIn(CONTRIBUTOR_ROLES)
  role?: ContributorRole;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  corresponding?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  inByline?: boolean;
}

export class ContributorsDto {
  @ApiProperty({ type: [ContributorDto], description: 'In byline order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ContributorDto)
  contributors: ContributorDto[];
}

export class CopyrightAgreementDto {
  @ApiProperty({ description: 'The termsVersion shown with the terms (GET …/copyright-terms)' })
  @IsString()
  @Length(64, 64)
  termsVersion: string;

  @ApiProperty({ enum: SUPPORTED_LOCALES, description: 'The language the terms were shown in' })
  @IsIn(SUPPORTED_LOCALES)
  locale: Locale;

  @ApiProperty({ enum: [true] })
  @IsIn([true], { message: 'must be true: the terms must be agreed to' })
  agree: true;
}

export class WithdrawDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(3, 2000)
  reason: string;
}
