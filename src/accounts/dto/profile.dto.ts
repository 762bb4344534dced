import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { IsOrcid, IsRorId } from '../../common/validation/validators';
import { PersonNamesDto } from './person-names.dto';

/** Fields a person may change about themselves; null clears an optional field. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ type: PersonNamesDto })
  @IsOptional()
  @IsNotEmptyObject({ nullable: false }, { message: 'must give a name in at least one script' })
  @ValidateNested()
  @Type(() => PersonNamesDto)
  names?: PersonNamesDto;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(300)
  affiliation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://ror.org/05dxps055' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsRorId()
  rorId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'MA',
    description: 'ISO 3166-1 alpha-2',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code, e.g. MA or SA' })
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0000-0002-1825-0097' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsOrcid()
  orcid?: string | null;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  preferredLocale?: Locale;

  @ApiPropertyOptional({ type: [String], example: ['العمل التطوعي', 'civil society', 'bénévolat'] })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 100, { each: true })
  reviewInterests?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(2000)
  bio?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  availableForReview?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  maxConcurrentReviews?: number;
}
