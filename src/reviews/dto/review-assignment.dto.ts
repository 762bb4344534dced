import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
} from 'class-validator';
import { REVIEW_METHODS, type ReviewMethod } from '../review-vocabulary';

const OVER_CAPACITY =
  'Invite knowingly beyond the reviewer’s stated maximum of open reviews (otherwise 409 reviewer-at-capacity); recorded in the audit log';
const DESPITE_UNAVAILABLE =
  'Invite knowingly although the reviewer’s profile says they are not available (otherwise 409 reviewer-unavailable); recorded in the audit log';

/** What an editor may knowingly go past when inviting; the audit log records it. */
class KnowingInvitationDto {
  @ApiPropertyOptional({ default: false, description: OVER_CAPACITY })
  @IsOptional()
  @IsBoolean()
  overCapacity?: boolean;

  @ApiPropertyOptional({ default: false, description: DESPITE_UNAVAILABLE })
  @IsOptional()
  @IsBoolean()
  despiteUnavailable?: boolean;
}

export class InviteReviewerDto extends KnowingInvitationDto {
  @ApiProperty({ format: 'uuid', description: 'A person with the reviewer role in this journal' })
  @IsUUID()
  reviewerId: string;

  @ApiPropertyOptional({ enum: REVIEW_METHODS, description: 'Defaults to the journal’s policy' })
  @IsOptional()
  @IsIn(REVIEW_METHODS)
  method?: ReviewMethod;

  @ApiPropertyOptional({ description: 'Defaults to today + the journal’s response days' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  responseDueAt?: Date;

  @ApiPropertyOptional({ description: 'Defaults to today + the journal’s review days' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  reviewDueAt?: Date;

  @ApiPropertyOptional({ description: 'Defaults to the journal’s prefilled text' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  personalMessage?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Defaults to the form a manager marked default, else the journal’s newest active form (none if it has no active form)',
  })
  @IsOptional()
  @IsUUID()
  reviewFormId?: string;

  @ApiPropertyOptional({
    description: 'Required to invite a reviewer with a shared affiliation or co-authorship',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  conflictOverrideReason?: string;
}

export class ReinviteReviewersDto extends KnowingInvitationDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Assignments of the previous round to repeat; default: all who completed',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  assignmentIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  responseDueAt?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  reviewDueAt?: Date;
}

export class DueDatesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  responseDueAt?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  reviewDueAt?: Date;
}

export class RateReviewDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;
}

export class ThankReviewerDto {
  @ApiPropertyOptional({ description: 'Defaults to the journal’s prefilled thanks' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  message?: string;
}

export class NotifyDto {
  @ApiPropertyOptional({ default: true, description: 'Email the reviewer' })
  @IsOptional()
  @IsBoolean()
  notify?: boolean;
}

export class SuggestionsQuery {
  @ApiPropertyOptional({ description: 'Search all reviewers by name, email or interest' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Also list conflicted reviewers (flagged)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeConflicted?: boolean;
}
