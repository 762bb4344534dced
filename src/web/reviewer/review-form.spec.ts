import type { ReviewFormQuestion } from '../../reviews';
import { blankForm } from '../foundation/forms';
import {
  answerViews,
  draftShape,
  missingParts,
  questionViews,
  recommendationChoices,
  type StoredReview,
  valuesOfReview,
} from './review-form';

const QUESTIONS: ReviewFormQuestion[] = [
  { id: 'summary', kind: 'text', label: { en: 'Summary' }, required: true, sharedWithAuthor: true },
  {
    id: 'originality',
    kind: 'scale',
    label: { en: 'Originality' },
    required: true,
    sharedWithAuthor: true,
    scale: { min: 0, max: 3, minLabel: { en: 'Weak' }, maxLabel: { en: 'Strong' } },
  },
  {
    id: 'ethics',
    kind: 'yes_no',
    label: { en: 'Ethics?' },
    required: false,
    sharedWithAuthor: false,
  },
  {
    id: 'presentation',
    kind: 'choice',
    label: { en: 'Presentation' },
    required: false,
    sharedWithAuthor: true,
    options: [
      { id: 'clear', label: { en: 'Clear' } },
      { id: 'poor', label: { en: 'Poor' } },
    ],
  },
];

const review = (changes: Partial<StoredReview> = {}): StoredReview =>
  ({
    questions: QUESTIONS,
    answers: {},
    recommendation: null,
    commentsForAuthor: '',
    commentsForEditor: '',
    competingInterests: '',
    submittedAt: null,
    ...changes,
  }) as StoredReview;

describe('the review form', () => {
  it('shapes what the form sent as the API’s draft: answers by kind, emptied fields cleared', () => {
    const shape = draftShape(QUESTIONS);
    expect(
      shape({
        'answers.summary': 'Sound.',
        'answers.originality': '0',
        'answers.ethics': 'no',
        'answers.presentation': 'poor',
        recommendation: 'accept',
        commentsForAuthor: 'Fine.',
        commentsForEditor: '',
        intent: 'save',
        'answers.unknown': 'ignored',
      }),
    ).toEqual({
      answers: { summary: 'Sound.', originality: 0, ethics: false, presentation: 'poor' },
      recommendation: 'accept',
      commentsForAuthor: 'Fine.',
      commentsForEditor: '',
    });
    // A choice never made is left as it is; an emptied text clears its answer.
    expect(shape({ 'answers.summary': '', recommendation: '' })).toEqual({
      answers: { summary: null },
      recommendation: null,
    });
    // What is not a step of the scale goes to the service as sent, which refuses it.
    expect(shape({ 'answers.originality': 'many' })).toEqual({ answers: { originality: 'many' } });
  });

  it('shows a saved review in its fields, and the fields back as the same answers', () => {
    const saved = review({
      answers: { summary: 'Sound.', originality: 2, ethics: true, presentation: 'clear' },
      recommendation: 'minor_revisions',
      commentsForAuthor: 'Line one.\nLine two.',
    });
    const values = valuesOfReview(saved);
    expect(values).toMatchObject({
      'answers.summary': 'Sound.',
      'answers.originality': '2',
      'answers.ethics': 'yes',
      'answers.presentation': 'clear',
      recommendation: 'minor_revisions',
      commentsForAuthor: 'Line one.\nLine two.',
    });
    expect(draftShape(QUESTIONS)(values)).toMatchObject({ answers: saved.answers });
  });

  it('lays out every kind of question with the value the form holds', () => {
    const form = blankForm({ 'answers.originality': '3', 'answers.ethics': 'no' });
    const [summary, originality, ethics, presentation] = questionViews(QUESTIONS, form);
    expect(summary).toMatchObject({ kind: 'text', field: 'answers.summary', choices: [] });
    expect(originality.choices.map((choice) => [choice.step, choice.checked])).toEqual([
      ['0', false],
      ['1', false],
      ['2', false],
      ['3', true],
    ]);
    // The scale's ends carry their words; the first option carries the field's id.
    expect(originality.choices[0]).toMatchObject({
      inputId: 'field-answers-originality',
      label: { en: 'Weak' },
    });
    expect(originality.choices[3]).toMatchObject({
      inputId: 'field-answers-originality--3',
      label: { en: 'Strong' },
    });
    expect(ethics).toMatchObject({ editorsOnly: true });
    expect(ethics.choices.map((choice) => [choice.labelKey, choice.checked])).toEqual([
      ['reviewer.form.yes', false],
      ['reviewer.form.no', true],
    ]);
    expect(presentation.choices.map((choice) => choice.value)).toEqual(['clear', 'poor']);
    expect(recommendationChoices(blankForm({ recommendation: 'decline' }))).toContainEqual(
      expect.objectContaining({ value: 'decline', checked: true }),
    );
  });

  it('says what a review lacks before it is submitted: required answers and a recommendation', () => {
    expect(missingParts(review({ answers: { originality: 0 } }))).toEqual({
      'answers.summary': [{ key: 'reviewer.form.required', values: {} }],
      recommendation: [{ key: 'reviewer.form.recommendation-required', values: {} }],
    });
    expect(
      missingParts(review({ answers: { summary: 'x', originality: 0 }, recommendation: 'accept' })),
    ).toEqual({});
  });

  it('reads a written review back in words', () => {
    expect(
      answerViews(review({ answers: { summary: 'Sound.', originality: 1, ethics: false } })),
    ).toEqual([
      expect.objectContaining({ none: false, answerText: 'Sound.' }),
      expect.objectContaining({ none: false, score: 1, max: 3 }),
      expect.objectContaining({ none: false, labelKey: 'reviewer.form.no', editorsOnly: true }),
      expect.objectContaining({ none: true }),
    ]);
  });
});
