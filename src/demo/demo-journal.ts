import type { Locale, LocalizedText } from '../common/i18n/locale';
import type { PersonNames } from '../editorial/people';
import type { JournalRoleName } from '../editorial/roles';

/**
 * Who and what the demo journal is: its settings, its people (printed by `npm run demo`), its
 * sections with their editors, its checklist and its board. Data only: demo-cast.ts creates
 * them through the services.
 */

export const DEMO_JOURNAL_SLUG = 'volunteering';
/** Every demo account's password. Demo data only: `npm run demo` prints it. */
export const DEMO_PASSWORD = 'Tahkim-demo-2026';

/** The journal the Gulf–Moroccan volunteering forum founded; `npm run demo` starts with it. */
export const DEMO_JOURNAL = {
  slug: DEMO_JOURNAL_SLUG,
  titles: {
    ar: 'مجلة العمل التطوعي المحكّمة',
    en: 'Journal of Volunteer Work',
    fr: 'Revue du travail bénévole',
  },
  abbreviations: { ar: 'م.ع.ت', en: 'J. Volunt. Work', fr: 'Rev. trav. bénév.' },
  descriptions: {
    ar: 'مجلة علمية محكّمة تصدر عن الاتحاد العربي للعمل التطوعي، توثّق أعمال الملتقى الخليجي المغربي وتنشر البحوث في العمل التطوعي والمجتمع المدني.',
    en: 'A peer-reviewed journal of the Arab Union for Volunteer Work, documenting the Gulf–Moroccan forum and publishing research on volunteering and civil society.',
    fr: 'Revue à comité de lecture de l’Union arabe du travail bénévole, qui documente le forum Golfe–Maroc et publie des recherches sur le bénévolat et la société civile.',
  },
  focusAndScope: {
    ar: 'تنشر المجلة البحوث الميدانية والنظرية في العمل التطوعي: إدارة المتطوعين وتحفيزهم، والتطوع الشبابي والجامعي، ومنظمات المجتمع المدني وحوكمتها، وسياسات التطوع في دول الخليج العربي والمغرب العربي.\n\nوتقبل المقالات البحثية والتقارير الميدانية ومراجعات الكتب، بالعربية أو الإنجليزية أو الفرنسية.',
    en: 'The journal publishes field and theoretical research on volunteer work: managing and motivating volunteers, youth and student volunteering, civil-society organisations and their governance, and volunteering policy in the Gulf and the Maghreb.\n\nIt accepts research articles, field reports and book reviews in Arabic, English or French.',
    fr: 'La revue publie des recherches de terrain et théoriques sur le travail bénévole : gestion et motivation des bénévoles, bénévolat des jeunes et des étudiants, organisations de la société civile et leur gouvernance, politiques du bénévolat dans le Golfe et au Maghreb.\n\nElle accepte des articles de recherche, des rapports de terrain et des comptes rendus d’ouvrages, en arabe, en anglais ou en français.',
  },
  authorGuidelines: {
    ar: 'يُرسل البحث بصيغة DOCX أو ODT في حدود 8000 كلمة، مع ملخص لا يزيد على 250 كلمة بالعربية والإنجليزية، وتُوثّق المراجع بأسلوب APA في طبعته السابعة.\n\nتُحذف أسماء المؤلفين وكل ما يدل عليهم من ملف البحث، لأن التحكيم مزدوج التعمية.',
    en: 'Send the manuscript as DOCX or ODT, up to 8,000 words, with an abstract of at most 250 words in Arabic and in English; cite references in APA style, 7th edition.\n\nRemove the authors’ names and anything that identifies them from the manuscript file: review is double-anonymous.',
    fr: 'Envoyez le manuscrit en DOCX ou ODT, 8 000 mots au plus, avec un résumé de 250 mots au plus en arabe et en anglais ; citez les références selon les normes APA, 7ᵉ édition.\n\nRetirez du fichier le nom des auteurs et tout ce qui permet de les reconnaître : l’évaluation est en double anonymat.',
  },
  publicationEthics: {
    ar: 'تلتزم المجلة بالممارسات الأساسية للجنة أخلاقيات النشر (COPE). يُفحص كل بحث بحثًا عن الانتحال قبل التحكيم، ويُصرّح المؤلفون والمحكّمون بأي تضارب في المصالح.\n\nتُعالج ادعاءات سوء السلوك وفق مخططات COPE، وتُنشر التصويبات وقرارات السحب مرتبطةً بالمقالة الأصلية.',
    en: 'The journal follows the Core Practices of the Committee on Publication Ethics (COPE). Every manuscript is checked for plagiarism before review, and authors and reviewers declare any conflict of interest.\n\nAllegations of misconduct are handled by COPE’s flowcharts; corrections and retractions are published linked to the original article.',
    fr: 'La revue suit les pratiques fondamentales du Committee on Publication Ethics (COPE). Chaque manuscrit est vérifié contre le plagiat avant l’évaluation, et les auteurs comme les évaluateurs déclarent tout conflit d’intérêts.\n\nLes allégations de manquement sont traitées selon les logigrammes du COPE ; corrections et rétractations sont publiées avec un lien vers l’article d’origine.',
  },
  primaryLocale: 'ar',
  additionalLocales: ['en', 'fr'],
  onlineIssn: '2958-1427',
  printIssn: null,
  publisherName: 'Arab Union for Volunteer Work',
  publisherPlace: 'Rabat',
  contactEmail: 'editorial@volunteering.example.org',
  doiPrefix: '10.32013',
  doiSuffixPattern: 'jvw.{year}.{article}',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  reviewPolicy: 'double_anonymous',
  requiredAbstractLocales: ['ar', 'en'],
} as const;

export interface DemoPerson {
  key: string;
  email: string;
  names: PersonNames;
  roles: JournalRoleName[];
  locale: Locale;
  affiliation: string;
  country: string;
  interests?: string[];
  siteAdmin?: boolean;
}

const person = (
  key: string,
  arabic: [string, string],
  latin: [string, string],
  rest: Omit<DemoPerson, 'key' | 'email' | 'names'>,
): DemoPerson => ({
  key,
  email: `${key}@volunteering.example.org`,
  names: {
    Arab: { given: arabic[0], family: arabic[1] },
    Latn: { given: latin[0], family: latin[1] },
  },
  ...rest,
});

/** The demo staff: printed by `npm run demo`. */
export const DEMO_PEOPLE: DemoPerson[] = [
  person('admin', ['سعاد', 'الشامي'], ['Souad', 'Chami'], {
    roles: [],
    locale: 'fr',
    affiliation: 'Arab Union for Volunteer Work',
    country: 'MA',
    siteAdmin: true,
  }),
  person('manager', ['نادية', 'العمراني'], ['Nadia', 'El Amrani'], {
    roles: ['manager'],
    locale: 'ar',
    affiliation: 'Arab Union for Volunteer Work',
    country: 'MA',
  }),
  person('editor', ['خالد', 'المنصوري'], ['Khalid', 'Al-Mansouri'], {
    roles: ['editor'],
    locale: 'ar',
    affiliation: 'Qatar University',
    country: 'QA',
  }),
  person('section.field', ['سلمى', 'بناني'], ['Salma', 'Bennani'], {
    roles: ['section_editor'],
    locale: 'fr',
    affiliation: 'Université Mohammed V de Rabat',
    country: 'MA',
  }),
  person('section.policy', ['عمر', 'الحارثي'], ['Omar', 'Al-Harthy'], {
    roles: ['section_editor'],
    locale: 'en',
    affiliation: 'Sultan Qaboos University',
    country: 'OM',
  }),
  person('reviewer1', ['فاطمة الزهراء', 'الإدريسي'], ['Fatima Zahra', 'Idrissi'], {
    roles: ['reviewer'],
    locale: 'ar',
    affiliation: 'Université Hassan II de Casablanca',
    country: 'MA',
    interests: ['العمل التطوعي', 'volunteer management', 'bénévolat'],
  }),
  person('reviewer2', ['يوسف', 'الكواري'], ['Yousef', 'Al-Kuwari'], {
    roles: ['reviewer'],
    locale: 'en',
    affiliation: 'Hamad Bin Khalifa University',
    country: 'QA',
    interests: ['civil society', 'المجتمع المدني', 'Gulf studies'],
  }),
  person('reviewer3', ['أمينة', 'التازي'], ['Amina', 'Tazi'], {
    roles: ['reviewer'],
    locale: 'fr',
    affiliation: 'Université Cadi Ayyad',
    country: 'MA',
    interests: ['youth participation', 'مشاركة الشباب', 'engagement civique'],
  }),
  person('reviewer4', ['حمد', 'السويدي'], ['Hamad', 'Al-Suwaidi'], {
    roles: ['reviewer'],
    locale: 'ar',
    affiliation: 'United Arab Emirates University',
    country: 'AE',
    interests: ['nonprofit governance', 'حوكمة المنظمات غير الربحية', 'programme evaluation'],
  }),
  person('author1', ['ليلى', 'بنعلي'], ['Leila', 'Benali'], {
    roles: ['author'],
    locale: 'ar',
    affiliation: 'Université Ibn Tofail',
    country: 'MA',
  }),
  person('author2', ['رشيد', 'الوزاني'], ['Rachid', 'Ouazzani'], {
    roles: ['author'],
    locale: 'fr',
    affiliation: 'Université Abdelmalek Essaâdi',
    country: 'MA',
  }),
  person('author3', ['مريم', 'السيد'], ['Maryam', 'Al-Sayed'], {
    roles: ['author'],
    locale: 'en',
    affiliation: 'University of Bahrain',
    country: 'BH',
  }),
];

export const DEMO_SECTIONS: {
  key: string;
  titles: LocalizedText;
  peerReviewed: boolean;
  wordLimit: number | null;
  editors: string[];
}[] = [
  {
    key: 'research',
    titles: { ar: 'بحوث ودراسات', en: 'Research Articles', fr: 'Articles de recherche' },
    peerReviewed: true,
    wordLimit: 9000,
    editors: ['editor'],
  },
  {
    key: 'field',
    titles: { ar: 'تقارير ميدانية', en: 'Field Reports', fr: 'Rapports de terrain' },
    peerReviewed: true,
    wordLimit: 5000,
    editors: ['section.field'],
  },
  {
    key: 'policy',
    titles: { ar: 'سياسات وحوكمة', en: 'Policy and Governance', fr: 'Politiques et gouvernance' },
    peerReviewed: true,
    wordLimit: 7000,
    editors: ['section.policy'],
  },
  {
    key: 'books',
    titles: { ar: 'مراجعات الكتب', en: 'Book Reviews', fr: 'Comptes rendus' },
    peerReviewed: false,
    wordLimit: 2500,
    editors: ['editor'],
  },
];

export const DEMO_CHECKLIST = [
  {
    id: '6d1f5a52-4c8e-4d3c-9a43-1d6f0a1e7a01',
    text: {
      ar: 'لم يُنشر البحث من قبل ولم يُقدَّم إلى مجلة أخرى.',
      en: 'The manuscript has not been published before and is not under consideration elsewhere.',
      fr: 'Le manuscrit n’a pas été publié et n’est soumis à aucune autre revue.',
    },
  },
  {
    id: '6d1f5a52-4c8e-4d3c-9a43-1d6f0a1e7a02',
    text: {
      ar: 'أُزيلت من الملف كل معلومة تكشف هوية المؤلفين.',
      en: 'All information identifying the authors has been removed from the file.',
      fr: 'Toute information permettant d’identifier les auteurs a été retirée du fichier.',
    },
  },
  {
    id: '6d1f5a52-4c8e-4d3c-9a43-1d6f0a1e7a03',
    text: {
      ar: 'المراجع موثّقة وفق دليل المؤلفين.',
      en: 'References follow the author guidelines.',
      fr: 'Les références suivent les consignes aux auteurs.',
    },
  },
];

/** The editorial board on the masthead: demo people, with the titles they hold. */
export const DEMO_BOARD: [key: string, roleTitles: LocalizedText][] = [
  ['editor', { ar: 'رئيس التحرير', en: 'Editor-in-Chief', fr: 'Rédacteur en chef' }],
  ['manager', { ar: 'مديرة التحرير', en: 'Managing Editor', fr: 'Secrétaire de rédaction' }],
  [
    'section.field',
    {
      ar: 'محرّرة قسم التقارير الميدانية',
      en: 'Section Editor, Field Reports',
      fr: 'Rédactrice de la rubrique Rapports de terrain',
    },
  ],
  [
    'section.policy',
    {
      ar: 'محرّر قسم السياسات والحوكمة',
      en: 'Section Editor, Policy and Governance',
      fr: 'Rédacteur de la rubrique Politiques et gouvernance',
    },
  ],
];

/** The demo journal's announcements, published this many days before the demo is seeded. */
export const DEMO_ANNOUNCEMENTS = [
  {
    titles: {
      ar: 'دعوة للمشاركة في عدد خاص عن التطوع الشبابي',
      en: 'Call for papers: a special issue on youth volunteering',
      fr: 'Appel à contributions\u202f: un numéro spécial sur le bénévolat des jeunes',
    },
    summaries: {
      ar: 'تُرسل الملخصات قبل 15 مارس.',
      en: 'Abstracts are due by 15 March.',
      fr: 'Les résumés sont attendus avant le 15 mars.',
    },
    bodies: {
      ar: 'تدعو المجلة الباحثين إلى إرسال بحوثهم عن التطوع الشبابي والجامعي: دوافعه، وأثره في المتطوعين ومجتمعاتهم، وسياسات الجامعات في دعمه.\n\nتُرسل الملخصات عبر المنصة قبل 15 مارس، ويُبلّغ أصحاب الملخصات المقبولة خلال أسبوعين.',
      en: 'The journal invites research on youth and student volunteering: why young people volunteer, what it does for them and their communities, and how universities support it.\n\nSend abstracts through the platform by 15 March; authors of accepted abstracts hear within two weeks.',
      fr: 'La revue invite des recherches sur le bénévolat des jeunes et des étudiants\u202f: leurs motivations, ses effets sur eux et sur leurs communautés, et le soutien des universités.\n\nEnvoyez les résumés par la plateforme avant le 15 mars\u202f; les auteurs des résumés retenus sont prévenus sous deux semaines.',
    },
    daysAgo: 3,
  },
  {
    titles: {
      ar: 'الملتقى الخليجي المغربي في الرباط',
      en: 'The Gulf–Moroccan forum meets in Rabat',
      fr: 'Le forum Golfe–Maroc se réunit à Rabat',
    },
    summaries: {},
    bodies: {
      ar: 'تنشر المجلة أعمال الملتقى في عددها القادم.',
      en: 'The journal will publish the forum’s proceedings in its next issue.',
      fr: 'La revue publiera les actes du forum dans son prochain numéro.',
    },
    daysAgo: 10,
  },
];
