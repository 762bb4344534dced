import type { LocalizedText } from '../../common/i18n/locale';
import {
  RECOMMENDATIONS,
  type ReviewAnswer,
  type ReviewerAssignmentView,
  type ReviewFormQuestion,
} from '../../reviews';
import { fieldId } from '../foundation/form-helpers';
import type { FieldMessage, FormView } from '../foundation/forms';

/** A review as the reviewer's service returns it. */
export type StoredReview = NonNullable<ReviewerAssignmentView['review']>;
type Values = Record<string, string | string[]>;

/** The field of a question's answer: `answers.originality`. */
export const answerField = (questionId: string): string => `answers.${questionId}`;

/** The review's own parts, beside the journal's questions. */
const COMMENT_FIELDS = ['commentsForAuthor', 'commentsForEditor', 'competingInterests'] as const;

/** An answer as a field holds it: yes/no questions as `yes` or `no`, numbers as text. */
const asField = (answer: ReviewAnswer): string =>
  typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : String(answer);

/** The review as its form shows it before anything is sent: every stored part as a field. */
export function valuesOfReview(review: StoredReview): Values {
  const values: Values = { recommendation: review.recommendation ?? '' };
  for (const field of COMMENT_FIELDS) values[field] = review[field];
  for (const question of review.questions) {
    const answer = review.answers[question.id];
    if (answer !== undefined) values[answerField(question.id)] = asField(answer);
  }
  return values;
}

/** A field's text as the API's answer of a question of that kind (left as sent if it is not one). */
function answerOf(question: ReviewFormQuestion, raw: string): unknown {
  if (question.kind !== 'text' && raw.trim() === '') return null;
  switch (question.kind) {
    case 'text':
      return raw === '' ? null : raw;
    case 'scale':
      return /^-?\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    case 'yes_no':
      return raw === 'yes' ? true : raw === 'no' ? false : raw;
    case 'choice':
      return raw;
  }
}

/**
 * What the form sent, shaped as the API's draft (ReviewDraftDto), for readForm: the answers of
 * the review's own questions (an emptied field clears its answer, a choice never made is left
 * as it is) and the parts the form had. Anything else the body holds is left out.
 */
export function draftShape(
  questions: readonly ReviewFormQuestion[],
): (values: Record<string, unknown>) => Record<string, unknown> {
  return (values) => {
    const draft: Record<string, unknown> = {};
    const answers: Record<string, unknown> = {};
    for (const question of questions) {
      const raw = values[answerField(question.id)];
      if (typeof raw === 'string') answers[question.id] = answerOf(question, raw);
    }
    if (Object.keys(answers).length) draft.answers = answers;
    const recommendation = values.recommendation;
    if (typeof recommendation === 'string') draft.recommendation = recommendation || null;
    for (const field of COMMENT_FIELDS)
      if (typeof values[field] === 'string') draft[field] = values[field];
    return draft;
  };
}

/**
 * What a saved review still lacks before it can be submitted: the required answers and the
 * recommendation (the service checks the same when it is submitted), each beside its field.
 */
export function missingParts(review: StoredReview): Record<string, FieldMessage[]> {
  const errors: Record<string, FieldMessage[]> = {};
  for (const question of review.questions)
    if (question.required && review.answers[question.id] === undefined)
      errors[answerField(question.id)] = [{ key: 'reviewer.form.required', values: {} }];
  if (!review.recommendation)
    errors.recommendation = [{ key: 'reviewer.form.recommendation-required', values: {} }];
  return errors;
}

/** One choice of a radio group: its value, its words, and whether it is the one chosen. */
export interface ChoiceView {
  value: string;
  /** The first choice carries the field's own id, so the form's summary links to the group. */
  inputId: string;
  checked: boolean;
  /** Its words: a catalog key, or a label of the journal's (a choice, a scale's ends)… */
  labelKey?: string;
  label?: LocalizedText;
  /** …and a scale's step, as written. */
  step?: string;
}

export interface QuestionView {
  id: string;
  field: string;
  kind: ReviewFormQuestion['kind'];
  label: LocalizedText;
  description: LocalizedText | null;
  required: boolean;
  /** For the editors only: the author never sees this answer. */
  editorsOnly: boolean;
  /** A text question's value. */
  value: string;
  /** A scale's, yes/no question's or choice's options. */
  choices: ChoiceView[];
}

const sent = (form: FormView, field: string): string => {
  const value = form.values[field];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

function choices(
  field: string,
  current: string,
  options: Omit<ChoiceView, 'inputId' | 'checked'>[],
): ChoiceView[] {
  return options.map((option, index) => ({
    ...option,
    inputId: index === 0 ? fieldId(field) : `${fieldId(field)}--${option.value}`,
    checked: option.value === current,
  }));
}

/** The journal's questions as the form lays them out, with the values `form` holds. */
export function questionViews(
  questions: readonly ReviewFormQuestion[],
  form: FormView,
): QuestionView[] {
  return questions.map((question) => {
    const field = answerField(question.id);
    const value = sent(form, field);
    const options: Omit<ChoiceView, 'inputId' | 'checked'>[] =
      question.kind === 'scale'
        ? scaleSteps(question)
        : question.kind === 'yes_no'
          ? [
              { value: 'yes', labelKey: 'reviewer.form.yes' },
              { value: 'no', labelKey: 'reviewer.form.no' },
            ]
          : question.kind === 'choice'
            ? (question.options ?? []).map((option) => ({ value: option.id, label: option.label }))
            : [];
    return {
      id: question.id,
      field,
      kind: question.kind,
      label: question.label,
      description: question.description ?? null,
      required: question.required,
      editorsOnly: !question.sharedWithAuthor,
      value,
      choices: choices(field, value, options),
    };
  });
}

/** A scale's steps, its first and last with the words the journal gave its ends. */
function scaleSteps(question: ReviewFormQuestion): Omit<ChoiceView, 'inputId' | 'checked'>[] {
  const { min, max, minLabel, maxLabel } = question.scale ?? { min: 1, max: 5 };
  return range(min, max).map((step) => ({
    value: String(step),
    step: String(step),
    label: step === min ? minLabel : step === max ? maxLabel : undefined,
  }));
}

/** The recommendation's options, the one `form` holds chosen. */
export function recommendationChoices(form: FormView): ChoiceView[] {
  return choices(
    'recommendation',
    sent(form, 'recommendation'),
    RECOMMENDATIONS.map((value) => ({ value, labelKey: `reviewer.recommendation.${value}` })),
  );
}

/** A stored answer as the read-only review shows it. */
export interface AnswerView {
  label: LocalizedText;
  editorsOnly: boolean;
  /** Unanswered (an optional question). */
  none: boolean;
  /** A text answer (not `text`: a template's {{text}} is the helper of that name). */
  answerText?: string;
  /** A scale's answer, and its top. */
  score?: number;
  max?: number;
  labelKey?: string;
  option?: LocalizedText;
}

export function answerViews(review: StoredReview): AnswerView[] {
  return review.questions.map((question) => {
    const answer = review.answers[question.id];
    const base = { label: question.label, editorsOnly: !question.sharedWithAuthor };
    if (answer === undefined) return { ...base, none: true };
    switch (question.kind) {
      case 'scale':
        return {
          ...base,
          none: false,
          score: Number(answer),
          max: question.scale?.max ?? 5,
        };
      case 'yes_no':
        return {
          ...base,
          none: false,
          labelKey: answer ? 'reviewer.form.yes' : 'reviewer.form.no',
        };
      case 'choice':
        return {
          ...base,
          none: false,
          option: question.options?.find((option) => option.id === answer)?.label,
        };
      case 'text':
        return { ...base, none: false, answerText: String(answer) };
    }
  });
}

function range(min: number, max: number): number[] {
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, index) => min + index);
}
