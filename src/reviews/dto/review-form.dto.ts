import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { LocalizedText } from '../../common/i18n/locale';
import { IsLocalizedText } from '../../common/validation/validators';
import { QUESTION_KINDS, type QuestionKind } from '../entities/review-form.entity';

const LOCALIZED = { type: 'object' as const, additionalProperties: { type: 'string' as const } };
const ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export class ChoiceOptionDto {
  @ApiProperty({ example: 'adequate' })
  @Matches(ID, { message: 'must be a short lower-case id (letters, digits, - and _)' })
  id: string;

  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 300, required: true })
  label: LocalizedText;
}

export class ScaleDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(10)
  min: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(10)
  max: number;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 100 })
  minLabel?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 100 })
  maxLabel?: LocalizedText;
}

export class ReviewQuestionDto {
  @ApiProperty({ example: 'originality' })
  @Matches(ID, { message: 'must be a short lower-case id (letters, digits, - and _)' })
  id: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 1000, required: true })
  label: LocalizedText;

  @ApiPropertyOptional(LOCALIZED)
  @IsOptional()
  @IsLocalizedText({ maxLength: 3000 })
  description?: LocalizedText;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ default: false, description: 'May the answer reach the author?' })
  @IsOptional()
  @IsBoolean()
  sharedWithAuthor?: boolean;

  @ApiPropertyOptional({ type: [ChoiceOptionDto] })
  @IsOptional()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];

  @ApiPropertyOptional({ type: ScaleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScaleDto)
  scale?: ScaleDto;
}

export class CreateReviewFormDto {
  @ApiProperty(LOCALIZED)
  @IsLocalizedText({ maxLength: 300, required: true })
  titles: LocalizedText;

  @ApiProperty({ type: [ReviewQuestionDto] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReviewQuestionDto)
  questions: ReviewQuestionDto[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Used by new invitations by default' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateReviewFormDto extends PartialType(CreateReviewFormDto) {}
