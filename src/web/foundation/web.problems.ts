import { defineProblems } from '../../common/problems/problem-registry';

/** Problems only the web's pages answer. */
export const webProblems = defineProblems('web', {
  'form-expired': {
    status: 403,
    title: {
      en: 'This form has expired',
      ar: 'انتهت صلاحية هذا النموذج',
      fr: 'Ce formulaire a expiré',
    },
  },
});
