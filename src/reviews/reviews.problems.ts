import { defineProblems } from '../common/problems/problem-registry';

/**
 * The problems of peer review: inviting, answering, writing and managing reviews, and the
 * journal's review forms. A missing object is `not-found` of the HTTP edge.
 */
export const reviewProblems = defineProblems('reviews', {
  'not-in-review': {
    status: 409,
    title: {
      en: 'The submission is not in review',
      ar: 'البحث ليس في مرحلة التحكيم',
      fr: 'La soumission n’est pas en cours d’évaluation',
    },
  },
  'round-not-in-review': {
    status: 409,
    title: {
      en: 'The review round is not open',
      ar: 'جولة التحكيم غير مفتوحة',
      fr: 'Le tour d’évaluation n’est pas ouvert',
    },
  },
  'no-previous-round': {
    status: 409,
    title: {
      en: 'There is no earlier review round',
      ar: 'لا توجد جولة تحكيم سابقة',
      fr: 'Il n’y a pas de tour d’évaluation précédent',
    },
  },
  'unknown-assignment': {
    status: 422,
    title: {
      en: 'Some assignments are not of the previous round',
      ar: 'بعض التكليفات لا تنتمي إلى جولة التحكيم السابقة',
      fr: 'Certaines missions d’évaluation n’appartiennent pas au tour précédent',
    },
  },
  'not-a-reviewer': {
    status: 422,
    title: {
      en: 'This person is not a reviewer of the journal',
      ar: 'هذا الشخص ليس من محكّمي المجلة',
      fr: 'Cette personne n’est pas évaluatrice de la revue',
    },
  },
  'already-invited': {
    status: 409,
    title: {
      en: 'The reviewer is already invited in this round',
      ar: 'سبقت دعوة هذا المحكّم في هذه الجولة',
      fr: 'L’évaluateur a déjà été invité pour ce tour',
    },
  },
  'conflict-of-interest': {
    status: 409,
    title: {
      en: 'Conflict of interest',
      ar: 'تعارض في المصالح',
      fr: 'Conflit d’intérêts',
    },
  },
  'reviewer-unavailable': {
    status: 409,
    title: {
      en: 'Reviewer unavailable',
      ar: 'المحكّم غير متاح للتحكيم',
      fr: 'Évaluateur indisponible',
    },
  },
  'reviewer-at-capacity': {
    status: 409,
    title: {
      en: 'Reviewer at capacity',
      ar: 'بلغ المحكّم الحدّ الأقصى لما يقبله من تحكيمات',
      fr: 'L’évaluateur a atteint sa limite d’évaluations',
    },
  },
  'due-date-past': {
    status: 422,
    title: {
      en: 'A due date is in the past',
      ar: 'أحد المواعيد المحدّدة قد فات',
      fr: 'Une date d’échéance est déjà passée',
    },
  },
  'due-dates-order': {
    status: 422,
    title: {
      en: 'The review cannot be due before the response',
      ar: 'لا يجوز أن يسبق موعد تسليم التقرير موعد الرد على الدعوة',
      fr: 'L’évaluation ne peut être due avant la réponse à l’invitation',
    },
  },
  'unknown-review-form': {
    status: 422,
    title: {
      en: 'There is no such active review form',
      ar: 'لا توجد استمارة تحكيم مفعّلة بهذا المعرّف',
      fr: 'Aucun formulaire d’évaluation actif ne correspond',
    },
  },
  'not-cancellable': {
    status: 409,
    title: {
      en: 'The assignment cannot be cancelled',
      ar: 'لا يمكن إلغاء هذا التكليف',
      fr: 'Cette mission d’évaluation ne peut pas être annulée',
    },
  },
  'not-cancelled': {
    status: 409,
    title: {
      en: 'The assignment is not cancelled',
      ar: 'هذا التكليف غير ملغى',
      fr: 'Cette mission d’évaluation n’est pas annulée',
    },
  },
  'not-open': {
    status: 409,
    title: {
      en: 'The assignment has no due dates to change',
      ar: 'ليس لهذا التكليف مواعيد يمكن تغييرها',
      fr: 'Cette mission d’évaluation n’a pas d’échéances à modifier',
    },
  },
  'not-locked': {
    status: 409,
    title: {
      en: 'The review is not locked',
      ar: 'تقرير التحكيم غير مقفل',
      fr: 'L’évaluation n’est pas verrouillée',
    },
  },
  'not-completed': {
    status: 409,
    title: {
      en: 'The review is not completed',
      ar: 'لم يكتمل التحكيم بعد',
      fr: 'L’évaluation n’est pas terminée',
    },
  },
  'already-thanked': {
    status: 409,
    title: {
      en: 'The reviewer has already been thanked',
      ar: 'سبق شكر المحكّم',
      fr: 'L’évaluateur a déjà été remercié',
    },
  },
  'invalid-review-link': {
    status: 404,
    title: {
      en: 'This invitation link is not valid',
      ar: 'رابط الدعوة هذا غير صالح',
      fr: 'Ce lien d’invitation n’est pas valide',
    },
  },
  'invitation-answered': {
    status: 409,
    title: {
      en: 'The invitation has already been answered',
      ar: 'سبق الرد على هذه الدعوة',
      fr: 'Il a déjà été répondu à cette invitation',
    },
  },
  'not-accepted': {
    status: 409,
    title: {
      en: 'There is no review to write',
      ar: 'لا يوجد تقرير تحكيم لكتابته',
      fr: 'Il n’y a pas d’évaluation à rédiger',
    },
  },
  'files-before-acceptance': {
    status: 403,
    title: {
      en: 'The files become available once you accept the invitation',
      ar: 'تُتاح الملفات بعد قبولك الدعوة',
      fr: 'Les fichiers sont accessibles une fois l’invitation acceptée',
    },
  },
  'review-locked': {
    status: 409,
    title: {
      en: 'The review has been submitted and is locked',
      ar: 'أُرسل تقرير التحكيم وأُقفل',
      fr: 'L’évaluation a été envoyée et est verrouillée',
    },
  },
  'stale-review': {
    status: 409,
    title: {
      en: 'The review changed meanwhile',
      ar: 'تغيّر تقرير التحكيم في الأثناء',
      fr: 'L’évaluation a changé entre-temps',
    },
  },
  'inactive-default-form': {
    status: 422,
    title: {
      en: 'An inactive form cannot be the default form',
      ar: 'لا يمكن أن تكون استمارة غير مفعّلة هي الاستمارة الافتراضية',
      fr: 'Un formulaire inactif ne peut pas être le formulaire par défaut',
    },
  },
});
