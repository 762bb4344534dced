import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/locale';
import {
  QUESTION_KINDS,
  type QuestionKind,
  type ReviewForm,
  type ReviewFormQuestion,
} from '../entities/review-form.entity';
import { LOCALIZED_SCHEMA } from './schemas';

export class ChoiceOptionResponse {
  @ApiProperty({ example: 'adequate' })
  id: string;

  @ApiProperty(LOCALIZED_SCHEMA)
  label: LocalizedText;
}

export class ScaleResponse {
  @ApiProperty()
  min: number;

  @ApiProperty()
  max: number;

  @ApiPropertyOptional(LOCALIZED_SCHEMA)
  minLabel?: LocalizedText;

  @ApiPropertyOptional(LOCALIZED_SCHEMA)
  maxLabel?: LocalizedText;
}

export class ReviewQuestionResponse {
  @ApiProperty({ example: 'originality' })
  id: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  kind: QuestionKind;

  @ApiProperty(LOCALIZED_SCHEMA)
  label: LocalizedText;

  @ApiPropertyOptional(LOCALIZED_SCHEMA)
  description?: LocalizedText;

  @ApiProperty()
  required: boolean;

  @ApiProperty({ description: 'Whether the answer may reach the author' })
  sharedWithAuthor: boolean;

  @ApiPropertyOptional({ type: [ChoiceOptionResponse], description: 'Choice questions only' })
  options?: ChoiceOptionResponse[];

  @ApiPropertyOptional({ type: ScaleResponse, description: 'Scale questions only' })
  scale?: ScaleResponse;
}

export class ReviewFormResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  journalId: string;

  @ApiProperty(LOCALIZED_SCHEMA)
  titles: LocalizedText;

  @ApiProperty({ type: [ReviewQuestionResponse] })
  questions: ReviewQuestionResponse[];

  @ApiProperty({ description: 'Inactive forms are not offered any more' })
  active: boolean;

  @ApiProperty({ description: 'The form new invitations use unless the editor picks another' })
  isDefault: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

/** A question as stored: the optional parts only where the question has them. */
export function toReviewQuestionResponse(question: ReviewFormQuestion): ReviewQuestionResponse {
  return {
    id: question.id,
    kind: question.kind,
    label: question.label,
    ...(question.description !== undefined ? { description: question.description } : {}),
    required: question.required,
    sharedWithAuthor: question.sharedWithAuthor,
    ...(question.options !== undefined
      ? { options: question.options.map((option) => ({ id: option.id, label: option.label })) }
      : {}),
    ...(question.scale !== undefined ? { scale: { ...question.scale } } : {}),
  };
}

export function toReviewFormResponse(form: ReviewForm): ReviewFormResponse {
  return {
    id: form.id,
    journalId: form.journalId,
    titles: form.titles,
    questions: form.questions.map(toReviewQuestionResponse),
    active: form.active,
    isDefault: form.isDefault,
    createdAt: form.createdAt,
    updatedAt: form.updatedAt,
  };
}
