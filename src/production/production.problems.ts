import { defineProblems } from '../common/problems/problem-registry';

/**
 * The problems of copyediting and production: stage assignments, discussions, the galley
 * source. A missing object, or one the caller may not know of, is `not-found` of the HTTP edge.
 */
export const productionProblems = defineProblems('production', {
  'not-in-copyediting-or-production': {
    status: 409,
    title: {
      en: 'The submission is not being copyedited or produced',
      ar: 'البحث ليس في مرحلة التدقيق اللغوي أو الإنتاج',
      fr: 'La soumission n’est ni en révision linguistique ni en production',
    },
  },
  'missing-stage-role': {
    status: 422,
    title: {
      en: 'This person does not hold the stage’s role in the journal',
      ar: 'لا يحمل هذا الشخص دور هذه المرحلة في المجلة',
      fr: 'Cette personne n’a pas le rôle de cette étape dans la revue',
    },
  },
  'already-assigned': {
    status: 409,
    title: {
      en: 'This person is already assigned to the stage',
      ar: 'هذا الشخص مكلَّف بهذه المرحلة من قبل',
      fr: 'Cette personne est déjà affectée à cette étape',
    },
  },
  'author-of-submission': {
    status: 422,
    title: {
      en: 'An author of the submission cannot work on it',
      ar: 'لا يمكن لأحد مؤلفي البحث أن يعمل عليه',
      fr: 'Un auteur de la soumission ne peut pas y travailler',
    },
  },
  'reviewer-of-submission': {
    status: 422,
    title: {
      en: 'A reviewer of the submission cannot work on it',
      ar: 'لا يمكن لمحكّم البحث أن يعمل عليه',
      fr: 'Un évaluateur de la soumission ne peut pas y travailler',
    },
  },
  'already-removed': {
    status: 409,
    title: {
      en: 'This assignment has already been removed',
      ar: 'أُلغي هذا التكليف من قبل',
      fr: 'Cette affectation a déjà été retirée',
    },
  },
  'not-production-editor': {
    status: 403,
    title: {
      en: 'Only the editors and the production editor mark the galley source',
      ar: 'لا يحدّد مصدر النسخة النهائية إلا المحرّرون ومحرّر الإنتاج',
      fr: 'Seuls les rédacteurs et le responsable de production désignent la source des épreuves',
    },
  },
  'not-in-production': {
    status: 409,
    title: {
      en: 'The submission is not in production',
      ar: 'البحث ليس في مرحلة الإنتاج',
      fr: 'La soumission n’est pas en production',
    },
  },
  'not-a-manuscript': {
    status: 422,
    title: {
      en: 'Only a manuscript or a copyedited file can be the galley source',
      ar: 'لا يكون مصدر النسخة النهائية إلا مخطوطة أو ملفًا مدقّقًا لغويًا',
      fr: 'Seul un manuscrit ou un fichier révisé peut servir de source aux épreuves',
    },
  },
  'not-a-participant': {
    status: 403,
    title: {
      en: 'You do not take part in this stage’s discussions',
      ar: 'لست مشاركًا في نقاشات هذه المرحلة',
      fr: 'Vous ne participez pas aux discussions de cette étape',
    },
  },
  'stage-not-reached': {
    status: 409,
    title: {
      en: 'The submission has not reached this stage',
      ar: 'لم يبلغ البحث هذه المرحلة بعد',
      fr: 'La soumission n’a pas encore atteint cette étape',
    },
  },
  'not-allowed-to-close': {
    status: 403,
    title: {
      en: 'Only the editors and whoever started the discussion may close it',
      ar: 'لا يغلق النقاش إلا المحرّرون ومن بدأه',
      fr: 'Seuls les rédacteurs et l’initiateur de la discussion peuvent la clore',
    },
  },
  'discussion-closed': {
    status: 409,
    title: {
      en: 'The discussion is closed',
      ar: 'النقاش مغلق',
      fr: 'La discussion est close',
    },
  },
  'stage-closed': {
    status: 409,
    title: {
      en: 'The submission’s discussions are closed',
      ar: 'نقاشات هذا البحث مغلقة',
      fr: 'Les discussions de cette soumission sont closes',
    },
  },
});
