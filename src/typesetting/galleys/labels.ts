import type { Locale } from '../../common/i18n/locale';

/** The words every typeset output prints around an article, in the journal's three languages. */
export interface GalleyLabels {
  abstract: string;
  keywords: string;
  table: string;
  figure: string;
  notes: string;
  references: string;
  funding: string;
  received: string;
  revised: string;
  accepted: string;
  published: string;
  licence: string;
  citeThisArticle: string;
  correspondingAuthor: string;
  page: string;
  pages: string;
  etAl: string;
  and: string;
  proof: string;
  issnOnline: string;
  issnPrint: string;
  editorialBoard: string;
  guestEditors: string;
  tableOfContents: string;
  issueRights: string;
}

const LABELS: Record<Locale, GalleyLabels> = {
  ar: {
    abstract: 'الملخص',
    keywords: 'الكلمات المفتاحية',
    table: 'جدول',
    figure: 'شكل',
    notes: 'الحواشي',
    references: 'المراجع',
    funding: 'التمويل',
    received: 'تاريخ الاستلام',
    revised: 'تاريخ المراجعة',
    accepted: 'تاريخ القبول',
    published: 'تاريخ النشر',
    licence: 'الترخيص',
    citeThisArticle: 'للاستشهاد بهذا المقال',
    correspondingAuthor: 'المؤلف المراسل',
    page: 'ص',
    pages: 'ص ص',
    etAl: 'وآخرون',
    and: ' و',
    proof: 'نسخة تجريبية للتدقيق',
    issnOnline: 'إلكتروني',
    issnPrint: 'مطبوع',
    editorialBoard: 'هيئة التحرير',
    guestEditors: 'المحررون الضيوف',
    tableOfContents: 'المحتويات',
    issueRights: 'حقوق المقالات لأصحابها، وهي منشورة وفق الترخيص المبين أدناه.',
  },
  en: {
    abstract: 'Abstract',
    keywords: 'Keywords',
    table: 'Table',
    figure: 'Figure',
    notes: 'Notes',
    references: 'References',
    funding: 'Funding',
    received: 'Received',
    revised: 'Revised',
    accepted: 'Accepted',
    published: 'Published',
    licence: 'Licence',
    citeThisArticle: 'Cite this article',
    correspondingAuthor: 'Corresponding author',
    page: 'p.',
    pages: 'pp.',
    etAl: 'et al.',
    and: ' & ',
    proof: 'Proof for checking',
    issnOnline: 'online',
    issnPrint: 'print',
    editorialBoard: 'Editorial board',
    guestEditors: 'Guest editors',
    tableOfContents: 'Contents',
    issueRights:
      'Copyright of each article remains with its authors; articles are published under the licence below.',
  },
  fr: {
    abstract: 'Résumé',
    keywords: 'Mots-clés',
    table: 'Tableau',
    figure: 'Figure',
    notes: 'Notes',
    references: 'Références',
    funding: 'Financement',
    received: 'Reçu le',
    revised: 'Révisé le',
    accepted: 'Accepté le',
    published: 'Publié le',
    licence: 'Licence',
    citeThisArticle: 'Citer cet article',
    correspondingAuthor: 'Auteur correspondant',
    page: 'p.',
    pages: 'p.',
    etAl: 'et al.',
    and: ' et ',
    proof: 'Épreuve à vérifier',
    issnOnline: 'en ligne',
    issnPrint: 'imprimé',
    editorialBoard: 'Comité de rédaction',
    guestEditors: 'Rédacteurs invités',
    tableOfContents: 'Sommaire',
    issueRights:
      'Les auteurs conservent le droit d’auteur de leurs articles, publiés sous la licence ci-dessous.',
  },
};

export function labelsFor(locale: Locale): GalleyLabels {
  return LABELS[locale];
}
