import type { FieldError } from '../common/http/problem.exception';
import type { ReviewFormQuestion } from './entities/review-form.entity';
import type { ReviewAnswer } from './entities/review.entity';

const MAX_TEXT = 20_000;

/**
 * Checks answers against the form's questions. A draft may leave questions out (null clears
 * one); `complete` also requires every required question. Returns the cleaned answers and the
 * problems, one per question.
 */
export function checkAnswers(
  questions: readonly ReviewFormQuestion[],
  answers: Record<string, unknown>,
  complete: boolean,
): { answers: Record<string, ReviewAnswer>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const cleaned: Record<string, ReviewAnswer> = {};
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    const field = `answers.${id}`;
    if (!question) {
      errors.push({ field, messages: ['is not a question of this review form'] });
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const problem = invalid(question, value);
    if (problem) errors.push({ field, messages: [problem] });
    else cleaned[id] = typeof value === 'string' ? value.trim() : (value as ReviewAnswer);
  }
  if (complete)
    for (const question of questions)
      if (question.required && cleaned[question.id] === undefined)
        errors.push({ field: `answers.${question.id}`, messages: ['is required'] });
  return { answers: cleaned, errors };
}

function invalid(question: ReviewFormQuestion, value: unknown): string | null {
  switch (question.kind) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT
        ? null
        : `must be a text of at most ${MAX_TEXT} characters`;
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'scale': {
      const { min, max } = question.scale ?? { min: 1, max: 5 };
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : `must be a whole number from ${min} to ${max}`;
    }
    case 'choice':
      return (question.options ?? []).some((option) => option.id === value)
        ? null
        : `must be one of: ${(question.options ?? []).map((option) => option.id).join(', ')}`;
  }
}
