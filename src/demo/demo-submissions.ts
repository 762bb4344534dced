import type { Locale } from '../common/i18n/locale';
import type { DecisionKind, SubmissionStage } from '../editorial/stages/stage-transitions';
import type { AssignmentState, Recommendation, ReviewAnswer, ReviewFormQuestion } from '../reviews';

/**
 * The demo's manuscripts and what happened to them: eleven submissions in several stages, the
 * rounds of review of those sent to review (who was invited when, who answered, what they
 * wrote), the decisions, and the journal's review form. Days count from today (negative: in the
 * past). Data only: demo-work.ts makes it happen through the services.
 */

/** One reviewer's part in a demo round; days are counted from today (negative: in the past). */
export interface DemoAssignment {
  reviewer: 'reviewer1' | 'reviewer2' | 'reviewer3' | 'reviewer4';
  state: Extract<AssignmentState, 'invited' | 'accepted' | 'declined' | 'completed'>;
  invited: number;
  responseDue: number;
  reviewDue: number;
  /** When the reviewer answered the invitation (accepted or declined). */
  responded?: number;
  declineReason?: string;
  suggestedReviewer?: string;
  /** A completed review, or an accepted reviewer's saved draft. */
  review?: {
    recommendation: Recommendation | null;
    commentsForAuthor: string;
    commentsForEditor: string;
    answers: Record<string, ReviewAnswer>;
    submitted?: number;
  };
}

/** A submission's first round of review, and the decision that ended it, if any. */
export interface DemoReviewRound {
  sentToReview: number;
  assignments: DemoAssignment[];
  outcome?: {
    decision: Extract<DecisionKind, 'request_revisions' | 'accept'>;
    decided: number;
    revisionsDue?: number;
    /** After an accept: days from today when it went to production. */
    toProduction?: number;
  };
}

/** The journal's review form, as an editor would set it up; offered, not the default. */
export const DEMO_FORM_QUESTIONS: ReviewFormQuestion[] = [
  {
    id: 'originality',
    kind: 'scale',
    label: {
      ar: 'الأصالة والإضافة العلمية',
      en: 'Originality and contribution',
      fr: 'Originalité et apport',
    },
    required: true,
    sharedWithAuthor: true,
    scale: {
      min: 1,
      max: 5,
      minLabel: { ar: 'ضعيفة', en: 'Weak', fr: 'Faible' },
      maxLabel: { ar: 'ممتازة', en: 'Excellent', fr: 'Excellente' },
    },
  },
  {
    id: 'method',
    kind: 'scale',
    label: { ar: 'سلامة المنهج', en: 'Soundness of the method', fr: 'Rigueur de la méthode' },
    required: true,
    sharedWithAuthor: true,
    scale: { min: 1, max: 5 },
  },
  {
    id: 'abstracts',
    kind: 'yes_no',
    label: {
      ar: 'هل يطابق الملخص الإنجليزي الملخص العربي؟',
      en: 'Does the English abstract match the Arabic one?',
      fr: 'Le résumé anglais correspond-il au résumé arabe\u00A0?',
    },
    required: false,
    sharedWithAuthor: true,
  },
  {
    id: 'ethics',
    kind: 'yes_no',
    label: {
      ar: 'هل تثير الدراسة مسائل أخلاقية (موافقة المشاركين، حماية البيانات)؟',
      en: 'Does the study raise ethical concerns (participant consent, data protection)?',
      fr: 'L’étude soulève-t-elle des questions éthiques (consentement, protection des données)\u00A0?',
    },
    required: true,
    // For the editor only: an ethics concern is the editor's to take up with the author.
    sharedWithAuthor: false,
  },
];

/** The review form's titles. */
export const DEMO_FORM_TITLES = {
  ar: 'استمارة تحكيم البحوث',
  en: 'Research article review form',
  fr: 'Grille d’évaluation des articles',
};

export interface DemoSubmission {
  author: string;
  section: string;
  locale: Locale;
  stage: Extract<
    SubmissionStage,
    'draft' | 'submitted' | 'withdrawn' | 'review' | 'copyediting' | 'production' | 'published'
  >;
  /** Days before today it was submitted (default: today). */
  submitted?: number;
  titles: Partial<Record<Locale, string>>;
  abstracts: Partial<Record<Locale, string>>;
  keywords: Partial<Record<Locale, string[]>>;
  review?: DemoReviewRound;
}

export const DEMO_SUBMISSIONS: DemoSubmission[] = [
  {
    author: 'author1',
    section: 'Field Reports',
    locale: 'ar',
    stage: 'submitted',
    titles: {
      ar: 'التطوع الشبابي في الأحياء الشعبية بالدار البيضاء',
      en: 'Youth volunteering in the working-class districts of Casablanca',
    },
    abstracts: {
      ar: 'تقرير ميداني عن مبادرات تطوعية يقودها شباب في ثلاثة أحياء بالدار البيضاء بين 2023 و2025.',
      en: 'A field report on youth-led volunteering initiatives in three Casablanca districts, 2023–2025.',
    },
    keywords: {
      ar: ['التطوع', 'الشباب', 'الدار البيضاء'],
      en: ['volunteering', 'youth', 'Casablanca'],
    },
  },
  {
    author: 'author2',
    section: 'Research Articles',
    locale: 'fr',
    stage: 'submitted',
    titles: {
      fr: 'Le bénévolat associatif au Maroc\u00A0: un état des lieux',
      ar: 'العمل الجمعوي التطوعي في المغرب: تشخيص للواقع',
      en: 'Associative volunteering in Morocco: a survey',
    },
    abstracts: {
      fr: 'Cet article dresse un état des lieux du bénévolat associatif au Maroc à partir d’une enquête nationale.',
      ar: 'يرسم هذا البحث صورة عن العمل الجمعوي التطوعي في المغرب انطلاقًا من مسح وطني.',
      en: 'This article surveys associative volunteering in Morocco from a national study.',
    },
    keywords: { fr: ['bénévolat', 'associations', 'Maroc'], ar: ['التطوع'], en: ['volunteering'] },
  },
  {
    author: 'author3',
    section: 'Policy and Governance',
    locale: 'en',
    stage: 'draft',
    titles: { en: 'Governing volunteer programmes in the Gulf' },
    abstracts: { en: 'Draft: how Gulf states organise national volunteer programmes.' },
    keywords: { en: ['governance', 'Gulf'] },
  },
  {
    author: 'author3',
    section: 'Research Articles',
    locale: 'en',
    stage: 'withdrawn',
    titles: { en: 'Measuring the value of volunteer time', ar: 'قياس قيمة الوقت التطوعي' },
    abstracts: {
      en: 'A method for valuing volunteer hours in national accounts.',
      ar: 'منهج لتقدير قيمة ساعات التطوع في الحسابات الوطنية.',
    },
    keywords: { en: ['valuation'], ar: ['التقييم'] },
  },
  {
    author: 'author2',
    section: 'Research Articles',
    locale: 'ar',
    stage: 'review',
    submitted: -30,
    titles: {
      ar: 'أثر العمل التطوعي في التماسك الاجتماعي بمدن الخليج',
      en: 'Volunteering and social cohesion in Gulf cities',
    },
    abstracts: {
      ar: 'تقيس هذه الدراسة أثر المشاركة التطوعية في مؤشرات الثقة والتماسك الاجتماعي في أربع مدن خليجية اعتمادًا على مسح شمل 1200 مشارك.',
      en: 'This study measures how volunteering relates to trust and social cohesion in four Gulf cities, from a survey of 1,200 participants.',
    },
    keywords: {
      ar: ['العمل التطوعي', 'التماسك الاجتماعي', 'الخليج'],
      en: ['volunteering', 'social cohesion', 'Gulf'],
    },
    // A round under way: one review in, one being written, one declined, one not yet answered.
    review: {
      sentToReview: -26,
      assignments: [
        {
          reviewer: 'reviewer2',
          state: 'completed',
          invited: -26,
          responded: -25,
          responseDue: -19,
          reviewDue: -5,
          review: {
            recommendation: 'minor_revisions',
            commentsForAuthor:
              'A careful survey with a clear question.\nPlease report the response rate per city and discuss self-selection of volunteers into the sample.',
            commentsForEditor: 'Sound work; the revisions are small.',
            answers: { originality: 4, method: 4, abstracts: true, ethics: false },
            submitted: -8,
          },
        },
        {
          reviewer: 'reviewer1',
          state: 'accepted',
          invited: -26,
          responded: -24,
          responseDue: -19,
          reviewDue: 9,
          review: {
            recommendation: null,
            commentsForAuthor: 'الإطار النظري متين، غير أن',
            commentsForEditor: '',
            answers: { originality: 4 },
          },
        },
        {
          reviewer: 'reviewer3',
          state: 'declined',
          invited: -26,
          responded: -23,
          responseDue: -19,
          reviewDue: -5,
          declineReason: 'Je suis en mission de terrain jusqu’à la fin du mois.',
          suggestedReviewer: 'Dr Karima Alaoui, Université Mohammed V',
        },
        {
          reviewer: 'reviewer4',
          state: 'invited',
          invited: -3,
          responseDue: 4,
          reviewDue: 25,
        },
      ],
    },
  },
  {
    author: 'author3',
    section: 'Policy and Governance',
    locale: 'en',
    stage: 'review',
    submitted: -60,
    titles: {
      en: 'Volunteer management standards in Gulf non-profits',
      ar: 'معايير إدارة المتطوعين في المنظمات غير الربحية الخليجية',
    },
    abstracts: {
      en: 'We compare the volunteer management standards adopted by 40 non-profit organisations in the Gulf with international frameworks.',
      ar: 'نقارن معايير إدارة المتطوعين التي تعتمدها 40 منظمة غير ربحية في الخليج بالأطر الدولية.',
    },
    keywords: {
      en: ['volunteer management', 'non-profit governance', 'standards'],
      ar: ['إدارة المتطوعين', 'الحوكمة'],
    },
    // A late review: the reviewer accepted but the due date has passed.
    review: {
      sentToReview: -55,
      assignments: [
        {
          reviewer: 'reviewer4',
          state: 'accepted',
          invited: -55,
          responded: -53,
          responseDue: -48,
          reviewDue: -6,
        },
        {
          reviewer: 'reviewer3',
          state: 'completed',
          invited: -55,
          responded: -54,
          responseDue: -48,
          reviewDue: -20,
          review: {
            recommendation: 'major_revisions',
            commentsForAuthor:
              'La comparaison est utile, mais l’échantillon de 40 organisations n’est pas décrit\u00A0: comment ont-elles été choisies\u00A0?\nLe cadre international retenu doit être justifié.',
            commentsForEditor: 'Publiable après une révision substantielle.',
            answers: { originality: 3, method: 2, abstracts: true, ethics: false },
            submitted: -22,
          },
        },
      ],
    },
  },
  {
    author: 'author2',
    section: 'Field Reports',
    locale: 'fr',
    stage: 'review',
    submitted: -75,
    titles: {
      fr: 'Les chantiers de jeunes bénévoles dans le Rif',
      ar: 'أوراش الشباب المتطوعين في منطقة الريف',
      en: 'Youth volunteer work camps in the Rif',
    },
    abstracts: {
      fr: 'Compte rendu de trois étés de chantiers de jeunes bénévoles dans des villages du Rif\u00A0: organisation, financement et effets sur les communautés.',
      ar: 'تقرير عن ثلاثة مواسم صيفية من أوراش الشباب المتطوعين في قرى الريف: التنظيم والتمويل والأثر في المجتمعات المحلية.',
      en: 'An account of three summers of youth volunteer work camps in Rif villages: organisation, funding and effects on communities.',
    },
    keywords: {
      fr: ['chantiers de jeunes', 'Rif', 'bénévolat'],
      ar: ['الشباب', 'الريف'],
      en: ['work camps', 'Rif'],
    },
    // Reviewed, and the author is revising.
    review: {
      sentToReview: -70,
      assignments: [
        {
          reviewer: 'reviewer1',
          state: 'completed',
          invited: -70,
          responded: -69,
          responseDue: -63,
          reviewDue: -35,
          review: {
            recommendation: 'major_revisions',
            commentsForAuthor:
              'التقرير غني بالمعطيات الميدانية، لكنه يحتاج إلى فصل الوصف عن التقييم.\nيُستحسن إضافة شهادات من سكان القرى أنفسهم.',
            commentsForEditor: 'أقترح مراجعة جوهرية.',
            answers: { originality: 4, method: 3, abstracts: false, ethics: false },
            submitted: -40,
          },
        },
        {
          reviewer: 'reviewer3',
          state: 'completed',
          invited: -70,
          responded: -70,
          responseDue: -63,
          reviewDue: -35,
          review: {
            recommendation: 'minor_revisions',
            commentsForAuthor:
              'Un témoignage précieux. Le financement mériterait un tableau par année et par source.',
            commentsForEditor: '',
            answers: { originality: 5, method: 4, abstracts: true, ethics: false },
            submitted: -38,
          },
        },
      ],
      outcome: { decision: 'request_revisions', decided: -30, revisionsDue: 21 },
    },
  },
  {
    author: 'author3',
    section: 'Research Articles',
    locale: 'en',
    stage: 'copyediting',
    submitted: -120,
    titles: {
      en: 'Why volunteers stay: retention in Moroccan associations',
      ar: 'لماذا يبقى المتطوعون؟ الاستبقاء في الجمعيات المغربية',
    },
    abstracts: {
      en: 'Interviews with 64 long-serving volunteers in Moroccan associations show that recognition and shared decision-making matter more than training.',
      ar: 'تُظهر مقابلات مع 64 متطوعًا قدامى في جمعيات مغربية أن التقدير والمشاركة في القرار أهم من التدريب.',
    },
    keywords: {
      en: ['volunteer retention', 'Morocco', 'associations'],
      ar: ['استبقاء المتطوعين', 'المغرب'],
    },
    // Accepted after review: now with the copyeditor.
    review: {
      sentToReview: -115,
      assignments: [
        {
          reviewer: 'reviewer1',
          state: 'completed',
          invited: -115,
          responded: -114,
          responseDue: -108,
          reviewDue: -80,
          review: {
            recommendation: 'accept',
            commentsForAuthor: 'بحث متميز بمنهج نوعي محكم. لا ملاحظات جوهرية.',
            commentsForEditor: '',
            answers: { originality: 5, method: 5, abstracts: true, ethics: false },
            submitted: -85,
          },
        },
        {
          reviewer: 'reviewer2',
          state: 'completed',
          invited: -115,
          responded: -113,
          responseDue: -108,
          reviewDue: -80,
          review: {
            recommendation: 'minor_revisions',
            commentsForAuthor:
              'Convincing and well written. The interview guide should go in an appendix.',
            commentsForEditor: 'Accept; the appendix can be added in copyediting.',
            answers: { originality: 4, method: 4, abstracts: true, ethics: false },
            submitted: -82,
          },
        },
      ],
      outcome: { decision: 'accept', decided: -75 },
    },
  },
  {
    author: 'author3',
    section: 'Research Articles',
    locale: 'ar',
    stage: 'published',
    submitted: -200,
    titles: {
      ar: 'التطوع الرقمي في دول الخليج: المنصات والمتطوعون',
      en: 'Digital volunteering in the Gulf states: platforms and volunteers',
    },
    abstracts: {
      ar: 'تدرس هذه المقالة منصات التطوع الرقمي الوطنية في ثلاث دول خليجية، ومن يتطوع عبرها، وما الذي يبقيه.',
      en: 'This article studies national digital volunteering platforms in three Gulf states: who volunteers through them, and what keeps them.',
    },
    keywords: {
      ar: ['التطوع الرقمي', 'المنصات', 'الخليج'],
      en: ['digital volunteering', 'platforms', 'Gulf'],
    },
    review: {
      sentToReview: -195,
      assignments: [
        {
          reviewer: 'reviewer2',
          state: 'completed',
          invited: -195,
          responded: -194,
          responseDue: -188,
          reviewDue: -160,
          review: {
            recommendation: 'accept',
            commentsForAuthor: 'A timely study with careful data. Ready for publication.',
            commentsForEditor: '',
            answers: { originality: 5, method: 4, abstracts: true, ethics: false },
            submitted: -165,
          },
        },
        {
          reviewer: 'reviewer4',
          state: 'completed',
          invited: -195,
          responded: -193,
          responseDue: -188,
          reviewDue: -160,
          review: {
            recommendation: 'minor_revisions',
            commentsForAuthor: 'دراسة جيدة؛ يُستحسن توضيح طريقة اختيار المنصات الثلاث.',
            commentsForEditor: '',
            answers: { originality: 4, method: 4, abstracts: true, ethics: false },
            submitted: -162,
          },
        },
      ],
      outcome: { decision: 'accept', decided: -150, toProduction: -120 },
    },
  },
  {
    author: 'author2',
    section: 'Field Reports',
    locale: 'fr',
    stage: 'published',
    submitted: -190,
    titles: {
      fr: 'Les étudiants bénévoles de Rabat pendant les inondations de 2025',
      ar: 'الطلبة المتطوعون في الرباط خلال فيضانات 2025',
      en: 'Student volunteers in Rabat during the 2025 floods',
    },
    abstracts: {
      fr: 'Récit de terrain de l’organisation des étudiants bénévoles de Rabat pendant les inondations de 2025 et de leur coordination avec les autorités locales.',
      ar: 'تقرير ميداني عن تنظيم الطلبة المتطوعين في الرباط خلال فيضانات 2025 وتنسيقهم مع السلطات المحلية.',
      en: 'A field account of how Rabat’s student volunteers organised during the 2025 floods and worked with local authorities.',
    },
    keywords: {
      fr: ['bénévolat étudiant', 'inondations', 'Rabat'],
      ar: ['الطلبة', 'الفيضانات'],
      en: ['student volunteering', 'floods'],
    },
    review: {
      sentToReview: -185,
      assignments: [
        {
          reviewer: 'reviewer1',
          state: 'completed',
          invited: -185,
          responded: -184,
          responseDue: -178,
          reviewDue: -150,
          review: {
            recommendation: 'accept',
            commentsForAuthor: 'تقرير ميداني واضح ومفيد للممارسين.',
            commentsForEditor: '',
            answers: { originality: 4, method: 4, abstracts: true, ethics: false },
            submitted: -155,
          },
        },
        {
          reviewer: 'reviewer2',
          state: 'completed',
          invited: -185,
          responded: -183,
          responseDue: -178,
          reviewDue: -150,
          review: {
            recommendation: 'accept',
            commentsForAuthor: 'Clear and useful to practitioners.',
            commentsForEditor: '',
            answers: { originality: 4, method: 3, abstracts: true, ethics: false },
            submitted: -152,
          },
        },
      ],
      outcome: { decision: 'accept', decided: -140, toProduction: -118 },
    },
  },
  {
    author: 'author2',
    section: 'Policy and Governance',
    locale: 'en',
    stage: 'production',
    submitted: -150,
    titles: {
      en: 'Legal frameworks for volunteering in the Maghreb',
      ar: 'الأطر القانونية للتطوع في بلدان المغرب العربي',
    },
    abstracts: {
      en: 'A comparison of the laws that govern volunteering and associations in Morocco, Algeria and Tunisia.',
      ar: 'مقارنة بين القوانين المنظِّمة للتطوع والجمعيات في المغرب والجزائر وتونس.',
    },
    keywords: { en: ['law', 'Maghreb', 'associations'], ar: ['القانون', 'المغرب العربي'] },
    review: {
      sentToReview: -145,
      assignments: [
        {
          reviewer: 'reviewer4',
          state: 'completed',
          invited: -145,
          responded: -144,
          responseDue: -138,
          reviewDue: -110,
          review: {
            recommendation: 'minor_revisions',
            commentsForAuthor: 'A useful comparison; add the 2024 Tunisian decree.',
            commentsForEditor: '',
            answers: { originality: 4, method: 4, abstracts: true, ethics: false },
            submitted: -112,
          },
        },
        {
          reviewer: 'reviewer3',
          state: 'completed',
          invited: -145,
          responded: -145,
          responseDue: -138,
          reviewDue: -110,
          review: {
            recommendation: 'accept',
            commentsForAuthor: 'Comparaison rigoureuse et bien documentée.',
            commentsForEditor: '',
            answers: { originality: 4, method: 5, abstracts: true, ethics: false },
            submitted: -115,
          },
        },
      ],
      outcome: { decision: 'accept', decided: -100, toProduction: -10 },
    },
  },
];
