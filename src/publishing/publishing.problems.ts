import { defineProblems } from '../common/problems/problem-registry';

/**
 * Problems of publishing: issues as the editors assemble, schedule and publish them, the
 * articles' publication records, DOIs, galleys and covers, notices, and the indexing exports.
 */
export const publishingProblems = defineProblems('publishing', {
  'issue-exists': {
    status: 409,
    title: {
      en: 'An issue with this volume and number exists already',
      ar: 'يوجد عدد بهذا المجلد وهذا الرقم من قبل',
      fr: 'Un numéro avec ce volume et ce numéro existe déjà',
    },
  },
  'issue-published': {
    status: 409,
    title: {
      en: 'The issue is published',
      ar: 'العدد منشور',
      fr: 'Le numéro est publié',
    },
  },
  'issue-not-published': {
    status: 409,
    title: {
      en: 'The issue is not published',
      ar: 'العدد غير منشور',
      fr: 'Le numéro n’est pas publié',
    },
  },
  'issue-not-scheduled': {
    status: 409,
    title: {
      en: 'The issue is not scheduled',
      ar: 'العدد غير مجدول للنشر',
      fr: 'Le numéro n’est pas programmé',
    },
  },
  'stale-issue': {
    status: 409,
    title: {
      en: 'The issue changed meanwhile',
      ar: 'تغيّر العدد في الأثناء',
      fr: 'Le numéro a changé entre-temps',
    },
  },
  'empty-issue': {
    status: 422,
    title: {
      en: 'The issue has no articles to publish',
      ar: 'لا يضمّ العدد أيّ مقال للنشر',
      fr: 'Le numéro ne contient aucun article à publier',
    },
  },
  'issue-not-ready': {
    status: 422,
    title: {
      en: 'The issue’s articles are not ready to be published',
      ar: 'مقالات العدد غير جاهزة للنشر',
      fr: 'Les articles du numéro ne sont pas prêts à être publiés',
    },
  },
  'schedule-in-past': {
    status: 422,
    title: {
      en: 'The publication time must be in the future',
      ar: 'يجب أن يكون موعد النشر في المستقبل',
      fr: 'L’heure de publication doit être dans le futur',
    },
  },
  'duplicate-article': {
    status: 422,
    title: {
      en: 'An article is listed twice',
      ar: 'ورد مقال مرّتين في القائمة',
      fr: 'Un article figure deux fois dans la liste',
    },
  },
  'unplaceable-articles': {
    status: 422,
    title: {
      en: 'Some articles cannot be placed in this issue',
      ar: 'تعذّر إدراج بعض المقالات في هذا العدد',
      fr: 'Certains articles ne peuvent pas être placés dans ce numéro',
    },
  },
  'doi-registered': {
    status: 409,
    title: {
      en: 'DOIs of this issue are registered',
      ar: 'معرّفات DOI لهذا العدد مسجّلة',
      fr: 'Des DOI de ce numéro sont enregistrés',
    },
  },
  'has-corrections': {
    status: 409,
    title: {
      en: 'Articles of this issue have corrections',
      ar: 'لمقالات هذا العدد تصويبات منشورة',
      fr: 'Des articles de ce numéro ont des corrections',
    },
  },
  'cover-type': {
    status: 422,
    title: {
      en: 'A cover is a JPEG, PNG or WebP image',
      ar: 'الغلاف صورة بصيغة JPEG أو PNG أو WebP',
      fr: 'Une couverture est une image JPEG, PNG ou WebP',
    },
  },
  locale: {
    status: 422,
    title: {
      en: 'This language is not one of the site’s',
      ar: 'هذه اللغة ليست من لغات الموقع',
      fr: 'Cette langue n’est pas l’une de celles du site',
    },
  },
  'stale-publication': {
    status: 409,
    title: {
      en: 'The publication record changed meanwhile',
      ar: 'تغيّر سجلّ النشر في الأثناء',
      fr: 'La notice de publication a changé entre-temps',
    },
  },
  pages: {
    status: 422,
    title: {
      en: 'The page range runs backwards',
      ar: 'نطاق الصفحات معكوس',
      fr: 'La plage de pages est inversée',
    },
  },
  'pages-overlap': {
    status: 422,
    title: {
      en: 'The pages overlap another article’s',
      ar: 'تتداخل الصفحات مع صفحات مقال آخر',
      fr: 'Les pages chevauchent celles d’un autre article',
    },
  },
  'no-draft-record': {
    status: 409,
    title: {
      en: 'There is no publication record in preparation',
      ar: 'لا يوجد سجلّ نشر قيد الإعداد',
      fr: 'Aucune notice de publication n’est en préparation',
    },
  },
  'draft-exists': {
    status: 409,
    title: {
      en: 'A new version is already in preparation',
      ar: 'ثمّة نسخة جديدة قيد الإعداد بالفعل',
      fr: 'Une nouvelle version est déjà en préparation',
    },
  },
  'not-published': {
    status: 409,
    title: {
      en: 'The article is not published',
      ar: 'المقال غير منشور',
      fr: 'L’article n’est pas publié',
    },
  },
  'not-a-correction': {
    status: 409,
    title: {
      en: 'This version is not a correction',
      ar: 'هذه النسخة ليست تصويبًا',
      fr: 'Cette version n’est pas une correction',
    },
  },
  'not-ready': {
    status: 422,
    title: {
      en: 'The correction is not ready to be published',
      ar: 'التصويب غير جاهز للنشر',
      fr: 'La correction n’est pas prête à être publiée',
    },
  },
  'already-retracted': {
    status: 409,
    title: {
      en: 'The article is retracted already',
      ar: 'سُحب المقال من قبل',
      fr: 'L’article est déjà rétracté',
    },
  },
  'doi-pattern': {
    status: 422,
    title: {
      en: 'No DOI can be made from the journal’s pattern',
      ar: 'يتعذّر إنشاء معرّف DOI بنمط المجلة',
      fr: 'Aucun DOI ne peut être formé avec le modèle de la revue',
    },
  },
  'doi-collision': {
    status: 409,
    title: {
      en: 'Another article has this DOI already',
      ar: 'لمقال آخر معرّف DOI هذا من قبل',
      fr: 'Un autre article a déjà ce DOI',
    },
  },
  'no-doi-prefix': {
    status: 422,
    title: {
      en: 'The journal has no DOI prefix',
      ar: 'ليس للمجلة بادئة DOI',
      fr: 'La revue n’a pas de préfixe DOI',
    },
  },
  'deposit-not-built': {
    status: 409,
    title: {
      en: 'The deposit is not built',
      ar: 'لم يُنشأ ملف الإيداع',
      fr: 'Le dépôt n’est pas constitué',
    },
  },
  'search-text': {
    status: 400,
    title: {
      en: 'The search text is empty, too short or too long',
      ar: 'نصّ البحث فارغ أو قصير جدًّا أو طويل جدًّا',
      fr: 'Le texte de la recherche est vide, trop court ou trop long',
    },
  },
  'search-page': {
    status: 400,
    title: {
      en: 'There is no such page of results',
      ar: 'لا توجد صفحة النتائج هذه',
      fr: 'Cette page de résultats n’existe pas',
    },
  },
  'search-filter': {
    status: 400,
    title: {
      en: 'A search filter is not one of the journal’s',
      ar: 'أحد مرشّحات البحث ليس من مرشّحات المجلة',
      fr: 'Un filtre de recherche ne correspond pas à la revue',
    },
  },
});
