import type { Locale } from '../../common/i18n/locale';
import type { Journal } from '../../journals';
import type { Galley } from '../entities/galley.entity';
import type { Issue } from '../entities/issue.entity';
import type { PublicationNotice } from '../entities/publication-notice.entity';
import type { Publication } from '../entities/publication.entity';
import type { PublicArticle } from '../public-catalogue.service';
import type { ArticleAddresses } from './citable-article';

/*
 * Published articles as the public catalogue returns them, for the citation specs (and for the
 * article page's own tests): an Arabic article with English and French translations whose last
 * author has only an Arabic name, and a French article whose authors' names carry accents.
 */

export const SITE = 'https://journals.example.org';

export const sampleJournal = {
  id: '0b9f3a52-8d4c-4c53-9a57-0d0c3f7e1a01',
  slug: 'jes',
  titles: {
    ar: 'مجلة الدراسات التربوية',
    en: 'Journal of Educational Studies',
    fr: 'Revue des études éducatives',
  },
  abbreviations: { ar: 'م. د. ت.', en: 'J. Educ. Stud.', fr: 'Rev. étud. éduc.' },
  primaryLocale: 'ar',
  additionalLocales: ['en', 'fr'],
  onlineIssn: '2737-8128',
  printIssn: '1110-452X',
  publisherName: 'Université Mohammed V de Rabat',
  publisherPlace: 'Rabat',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
} as Journal;

export const sampleIssue = {
  id: '1c2d3e4f-0000-4000-8000-000000000003',
  journalId: sampleJournal.id,
  volume: 12,
  number: 2,
  year: 2027,
  titles: {},
  showVolume: true,
  showNumber: true,
  showYear: true,
  showTitle: false,
  status: 'published',
  publishedAt: new Date('2027-03-15T09:00:00Z'),
} as Issue;

const LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

function publication(fields: Partial<Publication>): Publication {
  return {
    version: 1,
    status: 'published',
    versionNote: null,
    issueId: sampleIssue.id,
    sectionId: '5e000000-0000-4000-8000-000000000001',
    seq: 0,
    articleNumber: null,
    copyrightYear: 2027,
    licenceUrl: LICENCE,
    funding: null,
    revisedAt: null,
    ...fields,
  } as Publication;
}

function galley(
  publicationId: string,
  id: string,
  mediaType: string,
  originalName: string,
  locale: Locale,
): Galley {
  return {
    id,
    publicationId,
    issueId: null,
    label: originalName,
    locale,
    mediaType,
    storageKey: id.replaceAll('-', ''),
    sha256: 'a'.repeat(64),
    size: 1000,
    originalName,
    seq: 0,
    typesettingRunId: null,
  } as Galley;
}

/** The article's pages: `/{locale}/j/jes/articles/{id}`, galleys and older versions under it. */
export function sampleAddresses(submissionId: string): ArticleAddresses {
  const page = (locale: Locale) => `${SITE}/${locale}/j/jes/articles/${submissionId}`;
  return {
    page,
    versionPage: (locale, version) => `${page(locale)}/versions/${version}`,
    galley: (file, locale) => `${page(locale)}/galleys/${file.id}/${file.originalName}`,
  };
}

export const ARABIC_ARTICLE_ID = 'a7a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b';
const ARABIC_V1 = 'b1000000-0000-4000-8000-000000000001';

/** An Arabic research article with English and French titles and abstracts. */
export function arabicArticle(): PublicArticle {
  const version = publication({
    id: ARABIC_V1,
    submissionId: ARABIC_ARTICLE_ID,
    locale: 'ar',
    metadata: {
      ar: {
        title: 'أثر التعلم المدمج في تحصيل طلبة الجامعة',
        subtitle: 'دراسة ميدانية',
        abstract: 'تبحث هذه الدراسة في أثر التعلم المدمج في التحصيل الدراسي لدى طلبة الجامعة.',
        keywords: ['التعلم المدمج', 'التحصيل الدراسي'],
      },
      en: {
        title: 'The effect of blended learning on university students’ achievement',
        subtitle: 'A field study',
        abstract: 'This study examines the effect of blended learning on students’ achievement.',
        keywords: ['blended learning', 'academic achievement'],
      },
      fr: {
        title: 'L’effet de l’apprentissage mixte sur la réussite des étudiants',
        abstract: 'Cette étude examine l’effet de l’apprentissage mixte.',
        keywords: ['apprentissage mixte'],
      },
    },
    contributors: [
      {
        names: {
          Arab: { given: 'ليلى', family: 'بنعلي' },
          Latn: { given: 'Leila', family: 'Benali' },
        },
        affiliation: 'Université Mohammed V de Rabat',
        orcid: '0000-0002-1825-0097',
        corresponding: true,
        email: 'leila.benali@example.org',
      },
      {
        names: {
          Arab: { given: 'يوسف', family: 'العمراني' },
          Latn: { given: 'Youssef', family: 'El Amrani' },
        },
        affiliation: 'جامعة القاضي عياض',
        orcid: null,
        corresponding: false,
      },
      {
        names: { Arab: { given: 'سعاد', family: 'الإدريسي' } },
        affiliation: null,
        orcid: '0000-0001-5109-3700',
        corresponding: false,
      },
    ],
    firstPage: 15,
    lastPage: 32,
    doi: '10.32013/jes.2027.5',
    copyrightHolder: 'ليلى بنعلي ويوسف العمراني وسعاد الإدريسي',
    references: [
      'Garrison, D. R., & Kanuka, H. (2004). Blended learning: Uncovering its transformative potential in higher education. The Internet and Higher Education, 7(2), 95–105.',
      'الزهراني، أحمد. (2019). التعليم الإلكتروني في الجامعات العربية. دار الفكر.',
      'Means, B., Toyama, Y., Murphy, R., & Baki, M. (2013). The effectiveness of online and blended learning. Teachers College Record, 115(3).',
    ],
    receivedAt: new Date('2026-09-01T10:00:00Z'),
    acceptedAt: new Date('2027-01-20T10:00:00Z'),
    publishedAt: new Date('2027-03-15T09:00:00Z'),
  });
  return {
    journal: sampleJournal,
    versions: [version],
    issue: sampleIssue,
    galleys: [
      galley(
        ARABIC_V1,
        'c1000000-0000-4000-8000-000000000001',
        'application/pdf',
        'jes-2027-5.pdf',
        'ar',
      ),
      galley(
        ARABIC_V1,
        'c1000000-0000-4000-8000-000000000002',
        'text/html',
        'jes-2027-5.html',
        'ar',
      ),
      galley(
        ARABIC_V1,
        'c1000000-0000-4000-8000-000000000003',
        'application/jats+xml',
        'jes-2027-5.xml',
        'ar',
      ),
    ],
    section: { ar: 'بحوث', en: 'Research articles', fr: 'Articles de recherche' },
    notices: [],
  };
}

export const FRENCH_ARTICLE_ID = 'f7a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4c';
const FRENCH_V1 = 'b2000000-0000-4000-8000-000000000001';
const FRENCH_V2 = 'b2000000-0000-4000-8000-000000000002';

/**
 * A French article, corrected once (version 2 is the newest, with its own PDF), with an
 * English title and abstract; its authors' names carry accents.
 */
export function frenchArticle(): PublicArticle {
  const shared: Partial<Publication> = {
    submissionId: FRENCH_ARTICLE_ID,
    locale: 'fr',
    metadata: {
      fr: {
        title: 'L’évaluation formative à l’université',
        subtitle: 'pratiques et représentations des enseignants',
        abstract: 'Cet article analyse les pratiques d’évaluation formative de 120 enseignants.',
        keywords: ['évaluation formative', 'enseignement supérieur'],
      },
      en: {
        title: 'Formative assessment at university',
        subtitle: 'teachers’ practices and beliefs',
        abstract: 'This article analyses the formative assessment practices of 120 teachers.',
        keywords: ['formative assessment', 'higher education'],
      },
    },
    contributors: [
      {
        names: { Latn: { given: 'Élodie', family: 'Dupré' } },
        affiliation: 'Université de Montréal',
        orcid: null,
        corresponding: true,
      },
      {
        names: { Latn: { given: 'François-Xavier', family: 'Lemaître' } },
        affiliation: 'Université Laval',
        orcid: null,
        corresponding: false,
      },
    ],
    firstPage: 33,
    lastPage: 51,
    doi: '10.32013/jes.2027.6',
    copyrightHolder: 'Élodie Dupré et François-Xavier Lemaître',
    references: [
      'Black, P., & Wiliam, D. (1998). Assessment and classroom learning. Assessment in Education, 5(1), 7–74.',
    ],
    receivedAt: null,
    acceptedAt: null,
  };
  const first = publication({
    ...shared,
    id: FRENCH_V1,
    version: 1,
    publishedAt: new Date('2027-03-15T09:00:00Z'),
  });
  const second = publication({
    ...shared,
    id: FRENCH_V2,
    version: 2,
    versionNote: 'Tableau 2 corrigé.',
    publishedAt: new Date('2027-05-02T09:00:00Z'),
  });
  return {
    journal: sampleJournal,
    versions: [second, first],
    issue: sampleIssue,
    galleys: [
      galley(
        FRENCH_V1,
        'c2000000-0000-4000-8000-000000000001',
        'application/pdf',
        'jes-2027-6-v1.pdf',
        'fr',
      ),
      galley(
        FRENCH_V2,
        'c2000000-0000-4000-8000-000000000002',
        'application/pdf',
        'jes-2027-6.pdf',
        'fr',
      ),
    ],
    section: { ar: 'بحوث', en: 'Research articles', fr: 'Articles de recherche' },
    notices: [],
  };
}

/** A notice on an article, as the catalogue lists them. */
export function sampleNotice(
  kind: PublicationNotice['kind'],
  submissionId: string,
): PublicationNotice {
  return {
    id: 'd1000000-0000-4000-8000-000000000001',
    submissionId,
    kind,
    texts: {
      ar: 'سُحب هذا المقال.',
      en: 'This article has been retracted.',
      fr: 'Cet article a été rétracté.',
    },
    createdById: 'e1000000-0000-4000-8000-000000000001',
    createdAt: new Date('2027-06-01T09:00:00Z'),
  } as PublicationNotice;
}
