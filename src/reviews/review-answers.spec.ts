import type { ReviewFormQuestion } from './entities/review-form.entity';
import { checkAnswers } from './review-answers';

const QUESTIONS: ReviewFormQuestion[] = [
  { id: 'q1', kind: 'text', label: { en: 'Summary' }, required: true, sharedWithAuthor: true },
  {
    id: 'q2',
    kind: 'scale',
    label: { en: 'Originality' },
    required: true,
    sharedWithAuthor: false,
    scale: { min: 1, max: 5 },
  },
  { id: 'q3', kind: 'yes_no', label: { en: 'Ethics?' }, required: false, sharedWithAuthor: false },
  {
    id: 'q4',
    kind: 'choice',
    label: { en: 'Length' },
    required: false,
    sharedWithAuthor: true,
    options: [
      { id: 'short', label: { en: 'Too short' } },
      { id: 'ok', label: { en: 'Right' } },
    ],
  },
];

describe('checkAnswers', () => {
  it('keeps valid answers of every kind, trimmed', () => {
    const result = checkAnswers(QUESTIONS, { q1: ' Good ', q2: 4, q3: false, q4: 'ok' }, true);
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual({ q1: 'Good', q2: 4, q3: false, q4: 'ok' });
  });

  it('lets a draft leave required questions out but not a complete review', () => {
    expect(checkAnswers(QUESTIONS, { q3: true }, false).errors).toEqual([]);
    expect(checkAnswers(QUESTIONS, { q3: true }, true).errors.map((e) => e.field)).toEqual([
      'answers.q1',
      'answers.q2',
    ]);
  });

  it('refuses unknown questions and answers of the wrong kind', () => {
    const { errors } = checkAnswers(
      QUESTIONS,
      { nope: 'x', q1: 3, q2: 9, q3: 'yes', q4: 'long' },
      false,
    );
    expect(errors.map((error) => error.field).sort()).toEqual([
      'answers.nope',
      'answers.q1',
      'answers.q2',
      'answers.q3',
      'answers.q4',
    ]);
  });
});
