import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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
