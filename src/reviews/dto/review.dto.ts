import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { RECOMMENDATIONS, type Recommendation } from '../review-vocabulary';

/** An autosaved draft of a review: every part optional, saved as it comes. */
export class ReviewDraftDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      anyOf: [{ type: 'string', nullable: true }, { type: 'integer' }, { type: 'boolean' }],
    },
    description:
      'Answers by question id: text, number (scale), boolean (yes/no) or option id; null clears one',
  })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: RECOMMENDATIONS })
  @IsOptional()
  @IsIn(RECOMMENDATIONS)
  recommendation?: Recommendation;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  commentsForAuthor?: string;

  @ApiPropertyOptional({ description: 'Never shown to the author' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  commentsForEditor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  competingInterests?: string;

  @ApiPropertyOptional({
    description:
      'The review’s lockVersion as this client last read it: 409 stale-review, and nothing changes, when the review has changed since; without it the save is taken as it comes',
    minimum: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  lockVersion?: number;
}

export class DeclineInvitationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Someone the editor could ask instead (name, email)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  suggestedReviewer?: string;
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the invitation email link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;
}

export class DeclineByTokenDto extends DeclineInvitationDto {
  @ApiProperty({ description: 'The token from the invitation email link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;
}
