import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  PartialType,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { IsCreativeCommonsLicence, IsLocalizedText } from '../../common/validation/validators';
import { NOTICE_KINDS, type NoticeKind } from '../entities/publication-notice.entity';

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** Every problem with `{ ar: { title, subtitle?, abstract?, keywords? }, … }`. */
function metadataProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['metadata must be an object with an entry per language'];
  const problems: string[] = [];
  const text = (entry: Record<string, unknown>, key: string, max: number, required = false) => {
    const field = entry[key];
    if (field === undefined || field === null) {
      if (required) problems.push(`${key} is required`);
      return;
    }
    if (typeof field !== 'string' || (required && !field.trim()) || field.length > max)
      problems.push(
        `${key} must be text of at most ${max} characters${required ? ', not empty' : ''}`,
      );
  };
  for (const [locale, entry] of Object.entries(value)) {
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale)) {
      problems.push(`metadata.${locale.slice(0, 20)} is not a supported language`);
      continue;
    }
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`metadata.${locale} must be an object`);
      continue;
    }
    const before = problems.length;
    const record = entry as Record<string, unknown>;
    text(record, 'title', 1000, true);
    text(record, 'subtitle', 1000);
    text(record, 'abstract', 20_000);
    const keywords = record.keywords;
    if (
      keywords !== undefined &&
      (!Array.isArray(keywords) ||
        keywords.length > 30 ||
        keywords.some((keyword) => typeof keyword !== 'string' || keyword.length > 200))
    )
      problems.push('keywords must be at most 30 texts of at most 200 characters');
    for (let index = before; index < problems.length; index++)
      problems[index] = `metadata.${locale}.${problems[index]}`;
  }
  return problems;
}

function IsLocalizedMetadata(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalizedMetadata',
      validator: {
        validate: (value: unknown) => metadataProblems(value).length === 0,
        defaultMessage: (args) => metadataProblems(args?.value).join('; '),
      },
    },
    options,
  );
}

export class GuestEditorDto {
  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 300, required: true })
  names: LocalizedText;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  affiliation?: string;
}

export class CreateIssueDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  volume: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  number: number;

  @ApiProperty({ minimum: 1800, maximum: 2200 })
  @IsInt()
  @Min(1800)
  @Max(2200)
  year: number;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 300 })
  titles?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 5000 })
  descriptions?: LocalizedText;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  showVolume?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  showNumber?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  showYear?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  showTitle?: boolean;

  @ApiPropertyOptional({ default: false, description: 'A special issue, with guest editors' })
  @IsOptional()
  @IsBoolean()
  special?: boolean;

  @ApiPropertyOptional({ type: [GuestEditorDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GuestEditorDto)
  guestEditors?: GuestEditorDto[];
}

export class UpdateIssueDto extends PartialType(CreateIssueDto) {}

export class TocItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  submissionId: string;

  @ApiPropertyOptional({ description: 'Order within its section (default: the order given)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  seq?: number;
}

export class TocDto {
  @ApiProperty({
    type: [TocItemDto],
    description: 'The articles of the issue; those left out go back to unassigned',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TocItemDto)
  items: TocItemDto[];
}

export class PublishIssueDto {
  @ApiProperty({ description: 'The issue’s lockVersion, as read (409 if it moved)' })
  @IsInt()
  @Min(1)
  lockVersion: number;
}

/** Publishing now: the same, and whether the journal's readers hear of the new issue. */
export class PublishNowDto extends PublishIssueDto {
  @ApiPropertyOptional({
    default: true,
    description: 'Email the journal’s readers (those who subscribed by enrolling as readers)',
  })
  @IsOptional()
  @IsBoolean()
  notifyReaders?: boolean;
}

export class ScheduleIssueDto extends PublishIssueDto {
  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  publishAt: Date;
}

export class UnpublishIssueDto extends PublishIssueDto {
  @ApiProperty({ description: 'Why it is withdrawn from the public record (kept in the history)' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;
}

export class PublishedMetadataDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  subtitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  abstract?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  keywords?: string[];
}

/** What editors correct in a publication record before publishing (or in a correction). */
@ApiExtraModels(PublishedMetadataDto)
export class UpdatePublicationDto {
  @ApiProperty({ description: 'The record’s lockVersion, as read (409 if it moved)' })
  @IsInt()
  @Min(1)
  lockVersion: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PublishedMetadataDto) },
    description:
      'Title, subtitle, abstract and keywords per language (replaces the given languages)',
  })
  @IsOptional()
  @IsLocalizedMetadata()
  metadata?: Record<string, PublishedMetadataDto>;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  firstPage?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  lastPage?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'e-locator, for journals that number articles',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  articleNumber?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  copyrightHolder?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(2200)
  copyrightYear?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCreativeCommonsLicence()
  licenceUrl?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  funding?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(5000, { each: true })
  references?: string[];
}

export class NewVersionDto {
  @ApiProperty({ description: 'What the correction changes, shown with the new version' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  versionNote: string;
}

export class NoticeDto {
  @ApiProperty({ enum: NOTICE_KINDS })
  @IsIn(NOTICE_KINDS)
  kind: NoticeKind;

  @ApiProperty({ ...LOCALIZED, description: 'The notice in the journal’s languages' })
  @IsLocalizedText({ maxLength: 20_000, required: true })
  texts: LocalizedText;
}

/** The query of a galley upload: the file itself is the multipart body. */
export class GalleyQuery {
  @ApiProperty({ description: 'What readers see on the link, e.g. "PDF"' })
  @IsString()
  @MaxLength(60)
  label: string;

  @ApiProperty({ enum: ['ar', 'en', 'fr'] })
  @IsString()
  @MaxLength(5)
  locale: string;
}
