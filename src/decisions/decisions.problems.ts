import { defineProblems } from '../common/problems/problem-registry';

/**
 * The problems of editorial decisions: taking one, recommending one, the letter's attachments
 * and the author's revision. A stale lock version is the editorial core's `stale-submission`; a
 * missing object is `not-found` of the HTTP edge.
 */
export const decisionsProblems = defineProblems('decisions', {
  'decision-not-allowed': {
    status: 409,
    title: {
      en: 'This decision cannot be taken at the submission’s stage',
      ar: 'لا يمكن اتخاذ هذا القرار في المرحلة التي بلغها البحث',
      fr: 'Cette décision ne peut pas être prise au stade où se trouve la soumission',
    },
  },
  'decision-forbidden': {
    status: 403,
    title: {
      en: 'Your roles do not allow this decision',
      ar: 'أدوارك لا تسمح باتخاذ هذا القرار',
      fr: 'Vos rôles ne permettent pas de prendre cette décision',
    },
  },
  'recommendation-required': {
    status: 403,
    title: {
      en: 'In this journal, section editors recommend this decision to the editors',
      ar: 'في هذه المجلة يوصي محرّرو الأقسام بهذا القرار لرئاسة التحرير ولا يتخذونه',
      fr: 'Dans cette revue, les rédacteurs de rubrique recommandent cette décision aux rédacteurs',
    },
  },
  'not-recommendable': {
    status: 422,
    title: {
      en: 'This decision is taken, not recommended',
      ar: 'هذا القرار يُتّخذ مباشرة ولا يُوصى به',
      fr: 'Cette décision se prend, elle ne se recommande pas',
    },
  },
  'attachments-without-letter': {
    status: 422,
    title: {
      en: 'Attachments need a letter to the author',
      ar: 'المرفقات تُرسل مع رسالة إلى المؤلف فقط',
      fr: 'Les pièces jointes accompagnent une lettre à l’auteur',
    },
  },
  'unknown-attachment': {
    status: 422,
    title: {
      en: 'Some attachments are not unsent attachments of this submission',
      ar: 'بعض المرفقات ليست مرفقات غير مُرسلة لهذا البحث',
      fr: 'Certaines pièces jointes ne sont pas des pièces non envoyées de cette soumission',
    },
  },
  'attachment-sent': {
    status: 409,
    title: {
      en: 'This attachment was sent with a decision letter',
      ar: 'أُرسل هذا المرفق مع رسالة قرار',
      fr: 'Cette pièce jointe a été envoyée avec une lettre de décision',
    },
  },
  'round-not-open': {
    status: 409,
    title: {
      en: 'The review round is waiting for the author’s revisions',
      ar: 'جولة التحكيم في انتظار تعديلات المؤلف',
      fr: 'Le tour d’évaluation attend les révisions de l’auteur',
    },
  },
  'revisions-due-date': {
    status: 422,
    title: {
      en: 'Give a future due date for the revisions',
      ar: 'حدّد موعدًا مستقبليًا لتسليم التعديلات',
      fr: 'Indiquez une date limite future pour les révisions',
    },
  },
  'too-few-reviews': {
    status: 422,
    title: {
      en: 'The round has fewer completed reviews than the journal asks for',
      ar: 'عدد التقارير المكتملة في الجولة أقل مما تشترطه المجلة',
      fr: 'Le tour compte moins d’évaluations terminées que la revue n’en demande',
    },
  },
  'no-recorded-decline': {
    status: 409,
    title: {
      en: 'There is no recorded decline to revert',
      ar: 'لا يوجد قرار رفض مسجّل للتراجع عنه',
      fr: 'Aucun refus enregistré à annuler',
    },
  },
  'unknown-review': {
    status: 422,
    title: {
      en: 'Only completed reviews of the current round can be shared',
      ar: 'لا يمكن مشاركة إلا التقارير المكتملة في الجولة الحالية',
      fr: 'Seules les évaluations terminées du tour en cours peuvent être transmises',
    },
  },
  'no-revisions-requested': {
    status: 409,
    title: {
      en: 'No revisions have been asked for',
      ar: 'لم يُطلب أي تعديل',
      fr: 'Aucune révision n’a été demandée',
    },
  },
  'revision-incomplete': {
    status: 422,
    title: {
      en: 'The revised manuscript is missing',
      ar: 'المخطوطة المعدّلة غير مرفوعة',
      fr: 'Le manuscrit révisé manque',
    },
  },
});
