import { defineProblems } from '../../common/problems/problem-registry';

/** Problems only the reviewer's pages answer. */
export const reviewerPageProblems = defineProblems('web-reviewer', {
  'review-changed': {
    status: 409,
    title: {
      en: 'The review was changed elsewhere',
      ar: 'عُدِّل التقرير في مكان آخر',
      fr: 'L’évaluation a été modifiée ailleurs',
    },
  },
});
