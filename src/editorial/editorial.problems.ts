import { defineProblems } from '../common/problems/problem-registry';

/** Problems of the editorial core: the stage machine's refusals. */
export const editorialProblems = defineProblems('editorial', {
  'transition-not-allowed': {
    status: 409,
    title: {
      en: 'This step cannot be taken at the submission’s stage',
      ar: 'لا يمكن اتخاذ هذه الخطوة في المرحلة التي بلغها البحث',
      fr: 'Cette étape ne peut pas être franchie au stade où se trouve la soumission',
    },
  },
  'step-forbidden': {
    status: 403,
    title: {
      en: 'Your roles do not allow this step',
      ar: 'أدوارك لا تسمح بهذه الخطوة',
      fr: 'Vos rôles ne permettent pas cette étape',
    },
  },
  'stale-submission': {
    status: 409,
    title: {
      en: 'The submission changed meanwhile',
      ar: 'تغيّر البحث في الأثناء',
      fr: 'La soumission a changé entre-temps',
    },
  },
});
