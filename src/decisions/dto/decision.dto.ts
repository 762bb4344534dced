import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DECISION_KINDS, type DecisionKind } from '../../editorial/stages/stage-transitions';

export class LetterDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject: string;

  @ApiProperty({ description: 'Plain text; paragraphs separated by blank lines' })
  @IsString()
  @MinLength(1)
  @MaxLength(50_000)
  body: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  decision: DecisionKind;

  @ApiProperty({ description: 'The submission’s lockVersion as the editor saw it (409 if stale)' })
  @IsInt()
  @Min(1)
  lockVersion: number;

  @ApiPropertyOptional({ description: 'Revisions decisions: when the revised version is due' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  revisionsDueAt?: Date;

  @ApiPropertyOptional({ enum: ['minor', 'major'], default: 'major' })
  @IsOptional()
  @IsIn(['minor', 'major'])
  revisionKind?: 'minor' | 'major';

  @ApiPropertyOptional({ description: 'Why a requirement is overridden (e.g. too few reviews)' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(5_000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Email the author (default depends on the decision)' })
  @IsOptional()
  @IsBoolean()
  notifyAuthor?: boolean;

  @ApiPropertyOptional({ type: LetterDto, description: 'Default: the journal’s letter' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LetterDto)
  letter?: LetterDto;

  @ApiPropertyOptional({
    type: [String],
    description: 'Completed reviews to share with the author; default: all of the round',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  sharedAssignmentIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Reviewer files to share (anonymised); default: those offered by the reviewers',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  sharedReviewFileIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 10,
    description:
      'Unsent decision attachments of the submission to send with the letter (…/decision-attachments); needs a letter to the author',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  @ApiPropertyOptional({ default: false, description: 'Tell the round’s reviewers the outcome' })
  @IsOptional()
  @IsBoolean()
  notifyReviewers?: boolean;
}

export class DecisionDraftQuery {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  decision: DecisionKind;

  @ApiPropertyOptional({
    enum: ['minor', 'major'],
    default: 'major',
    description: 'request_revisions: the letter asks for minor or major revisions',
  })
  @IsOptional()
  @IsIn(['minor', 'major'])
  revisionKind?: 'minor' | 'major';
}

export class RevisionDto {
  @ApiProperty({ description: 'The response to the reviewers' })
  @IsString()
  @MinLength(1)
  @MaxLength(50_000)
  response: string;
}

export class RecommendationDto {
  @ApiProperty({ enum: DECISION_KINDS, description: 'The decision recommended to the editors' })
  @IsIn(DECISION_KINDS)
  decision: DecisionKind;

  @ApiPropertyOptional({ description: 'Reasons, for the editors only', maxLength: 20_000 })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  comment?: string;
}
