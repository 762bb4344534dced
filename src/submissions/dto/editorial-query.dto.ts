import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { CursorQuery } from '../../common/pagination/cursor-page';
import { SUBMISSION_STAGES, type SubmissionStage } from '../entities/submission.entity';

/** Editors never see drafts: they are the author's until submitted. */
export const LISTED_STAGES = SUBMISSION_STAGES.filter((stage) => stage !== 'draft');

export class EditorialFilters {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sectionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only submissions assigned to this editor' })
  @IsOptional()
  @IsUUID()
  editorId?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: 'Manuscript language' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Only submissions with something late: a reviewer past the response or review due date, or revisions past theirs',
  })
  @IsOptional()
  // A query string says "true"/"false"; anything else stays as it is and fails IsBoolean.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    description: 'Words to find in titles, abstracts and keywords (any language)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The listing's query: the filters, a stage, and the cursor and page size. */
export class EditorialQuery extends IntersectionType(CursorQuery, EditorialFilters) {
  @ApiPropertyOptional({ enum: LISTED_STAGES })
  @IsOptional()
  @IsIn(LISTED_STAGES)
  stage?: SubmissionStage;
}
