import type { ProblemException } from '../common/http/problem.exception';
import { defineProblems } from '../common/problems/problem-registry';

/** Problems of the submissions feature: drafts, uploads, submitting and withdrawing. */
export const submissionProblems = defineProblems('submissions', {
  'unacceptable-file': {
    // 413 when the file is larger than the journal accepts, 415 when its content is not of a
    // type the kind of file may be.
    status: [400, 413, 415],
    title: {
      en: 'This file cannot be accepted',
      ar: 'لا يمكن قبول هذا الملف',
      fr: 'Ce fichier ne peut pas être accepté',
    },
  },
  'uncleanable-file': {
    status: 422,
    title: {
      en: 'This file cannot be cleaned of what would identify its authors',
      ar: 'تعذّر تنقية هذا الملف مما قد يكشف هوية مؤلفيه',
      fr: 'Ce fichier ne peut pas être débarrassé de ce qui identifierait ses auteurs',
    },
  },
  'archive-limit': {
    // 413 for sizes; 422 when the archive packs too many entries, nests too deep or compresses
    // past the ratio.
    status: [413, 422],
    title: {
      en: 'The file unpacks beyond the limits Tahkim opens',
      ar: 'يتجاوز الملف عند فكّه الحدود التي يفتحها تحكيم',
      fr: 'Le fichier dépasse, une fois décompressé, les limites que Tahkim accepte d’ouvrir',
    },
  },
  'file-not-held': {
    status: 409,
    title: {
      en: 'This file is not held back from reviewers',
      ar: 'هذا الملف غير محجوب عن المحكّمين',
      fr: 'Ce fichier n’est pas retenu à l’écart des évaluateurs',
    },
  },
  'file-already-released': {
    status: 409,
    title: {
      en: 'This file has already been released to reviewers',
      ar: 'سبق الإفراج عن هذا الملف للمحكّمين',
      fr: 'Ce fichier a déjà été communiqué aux évaluateurs',
    },
  },
  'file-not-removable': {
    status: 409,
    title: {
      en: 'Files can be removed only from a draft',
      ar: 'لا تُحذف الملفات إلا من مسودة البحث',
      fr: 'Un fichier ne peut être retiré que d’un brouillon',
    },
  },
  'submission-not-editable': {
    status: 409,
    title: {
      en: 'The submission can no longer be edited',
      ar: 'لم يعد بالإمكان تعديل البحث',
      fr: 'La soumission ne peut plus être modifiée',
    },
  },
  'section-closed': {
    status: 409,
    title: {
      en: 'This section does not accept submissions',
      ar: 'هذا القسم لا يستقبل البحوث حاليًّا',
      fr: 'Cette rubrique n’accepte pas de soumissions',
    },
  },
  'not-withdrawable': {
    status: 409,
    title: {
      en: 'The submission cannot be withdrawn',
      ar: 'لا يمكن سحب البحث',
      fr: 'La soumission ne peut pas être retirée',
    },
  },
  'submission-incomplete': {
    status: 422,
    title: {
      en: 'The submission is not complete',
      ar: 'البحث غير مكتمل',
      fr: 'La soumission est incomplète',
    },
  },
  'terms-changed': {
    status: 409,
    title: {
      en: 'The journal’s terms have changed since they were shown',
      ar: 'تغيّرت شروط المجلة منذ عرضها عليك',
      fr: 'Les conditions de la revue ont changé depuis leur affichage',
    },
  },
});

/** 409: only drafts are edited (and revisions uploaded when asked for). */
export const notEditable = (stage: string): ProblemException =>
  submissionProblems.raise(
    'submission-not-editable',
    `The submission is ${stage}: only drafts can be edited`,
  );

/** 409: a file is taken away only while its submission is a draft; after that it is on record. */
export const notRemovable = (stage: string): ProblemException =>
  submissionProblems.raise(
    'file-not-removable',
    `The submission is ${stage}: files can be removed only from a draft`,
  );
