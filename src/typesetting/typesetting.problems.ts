import { defineProblems } from '../common/problems/problem-registry';

/** Problems of typesetting: runs that cannot start, proofs, and certificates of review. */
export const typesettingProblems = defineProblems('typesetting', {
  'issue-empty': {
    status: 422,
    title: {
      en: 'The issue has no articles to typeset',
      ar: 'لا يضمّ العدد أيّ مقال لإخراجه',
      fr: 'Le numéro ne contient aucun article à composer',
    },
  },
  'no-publication-record': {
    status: 409,
    title: {
      en: 'The article has no publication record yet',
      ar: 'ليس للمقال سجلّ نشر بعد',
      fr: 'L’article n’a pas encore de notice de publication',
    },
  },
  'proofs-closed': {
    status: 409,
    title: {
      en: 'Proofs are answered while the article is in production',
      ar: 'يُردّ على النسخ التجريبية ما دام المقال في مرحلة الإنتاج',
      fr: 'Les épreuves se traitent tant que l’article est en production',
    },
  },
  'corrections-missing': {
    status: 422,
    title: {
      en: 'Say what to correct',
      ar: 'بيّن ما ينبغي تصويبه',
      fr: 'Indiquez ce qu’il faut corriger',
    },
  },
  'review-not-completed': {
    status: 409,
    title: {
      en: 'The review is not completed yet',
      ar: 'لم يكتمل التحكيم بعد',
      fr: 'L’évaluation n’est pas encore terminée',
    },
  },
});
