import { DAY_MS } from '../../common/time';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import type { Locale } from '../../common/i18n/locale';
import type { Journal } from '../../journals/journal.entity';
import type { Section } from '../../journals/section.entity';
import type { FileStorage } from '../../storage/file-storage';
import { copyrightTerms } from '../../submissions/copyright-terms';
import { Contributor } from '../../submissions/entities/contributor.entity';
import { CopyrightAgreement } from '../../submissions/entities/copyright-agreement.entity';
import { SubmissionEditor } from '../../submissions/entities/submission-editor.entity';
import { SubmissionEvent } from '../../submissions/entities/submission-event.entity';
import { SubmissionFile } from '../../submissions/entities/submission-file.entity';
import { SubmissionMetadata } from '../../submissions/entities/submission-metadata.entity';
import { Submission, type SubmissionStage } from '../../submissions/entities/submission.entity';
import { refreshSubmissionSearch } from '../../submissions/submission-search';
import { seedDemoIssues } from './demo-issues.seed';
import { demoManuscript } from './demo-manuscripts';
import type { DemoSeedOptions } from './demo.seed';
import { type DemoReviewRound, seedDemoReviewForm, seedDemoReviewRound } from './demo-reviews.seed';

interface DemoSubmission {
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

const DEMO_SUBMISSIONS: DemoSubmission[] = [
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

/** The demo manuscript of a submission: the same bytes (and storage key) every time. */
function manuscriptOf(demo: DemoSubmission): string {
  return demoManuscript(demo.locale, demo.titles[demo.locale]!, demo.abstracts[demo.locale]!);
}

/**
 * Demo submissions in several stages, each with its metadata, contributor, a Markdown
 * manuscript in storage, the copyright agreement and its history; those past submission have
 * their round of review, assignments, reviews and decisions. Skipped when the journal already
 * has submissions, but for storing the manuscripts again.
 */
export async function seedDemoSubmissions(
  manager: EntityManager,
  storage: FileStorage,
  journal: Journal,
  users: Map<string, User>,
  sections: Section[],
  options: DemoSeedOptions = {},
): Promise<void> {
  const year = new Date().getUTCFullYear();
  const form = await seedDemoReviewForm(manager, journal);
  let numbered = await manager.count(Submission, { where: { journalId: journal.id } });
  if (numbered > 0) {
    // Already seeded, maybe by another checkout with its own file storage: the manuscripts are
    // stored again (content-addressed, so under the same keys), or typesetting would not find them.
    for (const demo of DEMO_SUBMISSIONS.filter((candidate) => candidate.stage !== 'draft'))
      await storage.put(Readable.from(Buffer.from(manuscriptOf(demo))));
    return;
  }
  // Numbered in the order they came in, as the journal would have numbered them.
  const inOrder = [...DEMO_SUBMISSIONS].sort((a, b) => (a.submitted ?? 0) - (b.submitted ?? 0));
  for (const demo of inOrder) {
    const author = users.get(demo.author)!;
    const section = sections.find((candidate) => candidate.titles.en === demo.section)!;
    const submitted = demo.stage !== 'draft';
    const submittedAt = new Date(Date.now() + (demo.submitted ?? 0) * DAY_MS);
    const submission = await manager.save(
      manager.create(Submission, {
        journalId: journal.id,
        sectionId: section.id,
        submitterId: author.id,
        locale: demo.locale,
        stage: demo.stage,
        number: submitted ? `VOL-${year}-${String(++numbered).padStart(4, '0')}` : null,
        submittedAt: submitted ? submittedAt : null,
        withdrawnAt: demo.stage === 'withdrawn' ? new Date() : null,
        withdrawalReason:
          demo.stage === 'withdrawn' ? 'The data set needs another year of collection.' : null,
        references: ['Putnam, R. D. (2000). Bowling Alone. Simon & Schuster.'],
        competingInterests: 'None declared.',
        checklistConfirmed: submitted ? journal.submissionChecklist.map((item) => item.id) : [],
      }),
    );
    for (const [locale, title] of Object.entries(demo.titles) as [Locale, string][]) {
      await manager.insert(SubmissionMetadata, {
        submissionId: submission.id,
        locale,
        title,
        abstract: demo.abstracts[locale] ?? null,
        keywords: demo.keywords[locale] ?? [],
      });
    }
    await refreshSubmissionSearch(manager, submission.id);
    await manager.insert(Contributor, {
      submissionId: submission.id,
      seq: 0,
      names: author.names,
      email: author.email,
      affiliation: author.affiliation,
      country: author.country,
      corresponding: true,
    });
    await manager.insert(SubmissionEvent, {
      submissionId: submission.id,
      actorId: author.id,
      kind: 'created',
      authorVisible: true,
      occurredAt: new Date(submittedAt.getTime() - DAY_MS),
    });
    if (!submitted) continue;

    const manuscript = manuscriptOf(demo);
    const stored = await storage.put(Readable.from(Buffer.from(manuscript)));
    await manager.insert(SubmissionFile, {
      submissionId: submission.id,
      genre: 'manuscript',
      version: 1,
      storageKey: stored.key,
      sha256: stored.sha256,
      size: stored.size,
      mediaType: 'text/markdown',
      originalName: 'manuscript.md',
      uploadedBy: author.id,
      // Nothing names the author in this manuscript: the review copy is the same content.
      anonymisedKey: stored.key,
      anonymisation: { removed: [], nameWarnings: [], bodyTextChecked: true },
    });
    const terms = copyrightTerms(journal, author.preferredLocale);
    await manager.insert(CopyrightAgreement, {
      submissionId: submission.id,
      userId: author.id,
      termsText: terms.text,
      termsVersion: terms.termsVersion,
      licenceUrl: terms.licenceUrl,
      ip: '127.0.0.1',
    });
    const editorIds: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM section_editors WHERE section_id = $1',
      [section.id],
    );
    for (const { user_id: userId } of editorIds)
      await manager.insert(SubmissionEditor, { submissionId: submission.id, userId });
    await manager.insert(SubmissionEvent, {
      submissionId: submission.id,
      actorId: author.id,
      kind: 'submitted',
      authorVisible: true,
      data: { number: submission.number } as never,
      occurredAt: submittedAt,
    });
    if (demo.review) {
      await seedDemoReviewRound(manager, journal, submission, demo.review, {
        editor: users.get('editor')!,
        author,
        users,
        form,
        title: demo.titles[author.preferredLocale as Locale] ?? demo.titles[demo.locale]!,
      });
    }
    if (demo.stage === 'withdrawn') {
      await manager.insert(SubmissionEvent, {
        submissionId: submission.id,
        actorId: author.id,
        kind: 'withdrawn',
        authorVisible: true,
        data: { reason: submission.withdrawalReason } as never,
      });
    }
  }
  if (options.issues !== false) await seedDemoIssues(manager, journal, users.get('editor')!);
}
