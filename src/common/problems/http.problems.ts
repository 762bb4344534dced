import { defineProblems } from './problem-registry';

/**
 * The problems of the HTTP edge, shared by every route: authentication, validation, limits, and
 * what the status alone says. Features register their own beside their code.
 */
export const httpProblems = defineProblems('http', {
  'validation-error': {
    status: 400,
    title: {
      en: 'Your request has invalid fields',
      ar: 'في طلبك حقول غير صالحة',
      fr: 'Votre demande contient des champs invalides',
    },
  },
  'malformed-body': {
    status: 400,
    title: {
      en: 'The request body cannot be read',
      ar: 'تعذّرت قراءة محتوى الطلب',
      fr: 'Le corps de la requête est illisible',
    },
  },
  'nested-too-deeply': {
    status: 400,
    title: {
      en: 'The request body is nested too deeply',
      ar: 'بنية محتوى الطلب متداخلة أكثر مما يُسمح به',
      fr: 'Le corps de la requête est trop profondément imbriqué',
    },
  },
  'invalid-value': {
    status: 400,
    title: {
      en: 'A value has the wrong form',
      ar: 'إحدى القيم بصيغة غير صحيحة',
      fr: 'Une valeur n’a pas la bonne forme',
    },
  },
  'invalid-identifier': {
    status: 400,
    title: {
      en: 'An identifier in the address is not valid',
      ar: 'أحد المعرّفات في العنوان غير صالح',
      fr: 'Un identifiant de l’adresse n’est pas valide',
    },
  },
  'invalid-cursor': {
    status: 400,
    title: {
      en: 'The page cursor is not valid',
      ar: 'مؤشّر الصفحة غير صالح',
      fr: 'Le curseur de page n’est pas valide',
    },
  },
  'bad-request': {
    status: 400,
    title: { en: 'Bad request', ar: 'طلب غير صالح', fr: 'Requête invalide' },
  },
  unauthenticated: {
    status: 401,
    title: {
      en: 'Sign in first',
      ar: 'سجّل الدخول أولًا',
      fr: 'Connectez-vous d’abord',
    },
  },
  forbidden: {
    status: 403,
    title: {
      en: 'You may not do this',
      ar: 'لا يحقّ لك القيام بهذا',
      fr: 'Vous n’avez pas le droit de faire ceci',
    },
  },
  'cross-origin-write': {
    status: 403,
    title: {
      en: 'This change did not come from this site',
      ar: 'لم يصدر هذا التعديل عن هذا الموقع',
      fr: 'Cette modification ne vient pas de ce site',
    },
  },
  'not-found': {
    status: 404,
    title: { en: 'Not found', ar: 'غير موجود', fr: 'Introuvable' },
  },
  conflict: {
    status: 409,
    title: {
      en: 'This conflicts with an existing record',
      ar: 'يتعارض هذا مع سجلّ موجود',
      fr: 'Ceci entre en conflit avec un enregistrement existant',
    },
  },
  'payload-too-large': {
    status: 413,
    title: {
      en: 'The request is too large',
      ar: 'الطلب أكبر مما يُقبل',
      fr: 'La requête est trop volumineuse',
    },
  },
  'unsupported-media-type': {
    status: 415,
    title: {
      en: 'This kind of content is not accepted here',
      ar: 'هذا النوع من المحتوى غير مقبول هنا',
      fr: 'Ce type de contenu n’est pas accepté ici',
    },
  },
  'unprocessable-content': {
    status: 422,
    title: {
      en: 'The request cannot be carried out as it is',
      ar: 'لا يمكن تنفيذ الطلب كما هو',
      fr: 'La requête ne peut pas être exécutée telle quelle',
    },
  },
  'rate-limited': {
    status: 429,
    title: {
      en: 'Too many requests',
      ar: 'طلبات كثيرة جدًّا',
      fr: 'Trop de requêtes',
    },
  },
  'service-unavailable': {
    status: 503,
    title: {
      en: 'The service is not available right now',
      ar: 'الخدمة غير متاحة الآن',
      fr: 'Le service n’est pas disponible pour le moment',
    },
  },
});

/** The registered type that a bare HTTP status means, when nothing more specific was said. */
export const STATUS_PROBLEM_CODES: Record<number, Parameters<typeof httpProblems.type>[0]> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'rate-limited',
  503: 'service-unavailable',
};
