import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page.dto';
import type { SubmissionStage } from '../../editorial/stages/stage-transitions';
import type { EditorialListItem } from '../editorial-listing.service';
import { LISTED_STAGES } from './editorial-query.dto';
import { EditorRefResponse } from './submission.response';

/** One row of the editors' list. */
export class EditorialListItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'VOL-2026-0042' })
  number: string | null;

  @ApiProperty({ enum: LISTED_STAGES })
  stage: SubmissionStage;

  @ApiProperty({ description: 'The manuscript’s language' })
  locale: string;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: Date | null;

  @ApiProperty({
    description:
      'Something is late: a reviewer past the response or review due date, or revisions past theirs',
  })
  overdue: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The title in each language it has',
    example: { ar: 'التطوع الشبابي', en: 'Youth volunteering' },
  })
  titles: Record<string, string>;

  @ApiProperty({ type: [EditorRefResponse] })
  editors: EditorRefResponse[];
}

export class EditorialListPage extends PageOf(EditorialListItemResponse) {}

export function toEditorialListItemResponse(item: EditorialListItem): EditorialListItemResponse {
  return {
    id: item.id,
    number: item.number,
    stage: item.stage,
    locale: item.locale,
    sectionId: item.sectionId,
    submittedAt: item.submittedAt,
    overdue: item.overdue,
    titles: item.titles,
    editors: item.editors.map((editor) => ({ id: editor.id, names: editor.names })),
  };
}

/** How many submissions are in each stage; stages with none are left out. */
export class StageCountsResponse {
  @ApiPropertyOptional({ type: Number })
  submitted?: number;

  @ApiPropertyOptional({ type: Number })
  review?: number;

  @ApiPropertyOptional({ type: Number })
  copyediting?: number;

  @ApiPropertyOptional({ type: Number })
  production?: number;

  @ApiPropertyOptional({ type: Number })
  scheduled?: number;

  @ApiPropertyOptional({ type: Number })
  published?: number;

  @ApiPropertyOptional({ type: Number })
  declined?: number;

  @ApiPropertyOptional({ type: Number })
  withdrawn?: number;
}

export function toStageCountsResponse(counts: Record<string, number>): StageCountsResponse {
  return Object.fromEntries(
    LISTED_STAGES.filter((stage) => counts[stage] !== undefined).map((stage) => [
      stage,
      counts[stage],
    ]),
  );
}
