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

interface DemoSubmission {
  author: string;
  section: string;
  locale: Locale;
  stage: Extract<SubmissionStage, 'draft' | 'submitted' | 'withdrawn'>;
  titles: Partial<Record<Locale, string>>;
  abstracts: Partial<Record<Locale, string>>;
  keywords: Partial<Record<Locale, string[]>>;
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
      fr: 'Le bénévolat associatif au Maroc : un état des lieux',
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
];

/**
 * Demo submissions in several stages, each with its metadata, contributor, a Markdown
 * manuscript in storage, the copyright agreement and its history. Skipped when the demo authors
 * already have submissions.
 */
export async function seedDemoSubmissions(
  manager: EntityManager,
  storage: FileStorage,
  journal: Journal,
  users: Map<string, User>,
  sections: Section[],
): Promise<void> {
  const year = new Date().getUTCFullYear();
  let numbered = await manager.count(Submission, { where: { journalId: journal.id } });
  if (numbered > 0) return;
  for (const demo of DEMO_SUBMISSIONS) {
    const author = users.get(demo.author)!;
    const section = sections.find((candidate) => candidate.titles.en === demo.section)!;
    const submitted = demo.stage !== 'draft';
    const submission = await manager.save(
      manager.create(Submission, {
        journalId: journal.id,
        sectionId: section.id,
        submitterId: author.id,
        locale: demo.locale,
        stage: demo.stage,
        number: submitted ? `VOL-${year}-${String(++numbered).padStart(4, '0')}` : null,
        submittedAt: submitted ? new Date() : null,
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
    });
    if (!submitted) continue;

    const manuscript = `# ${demo.titles[demo.locale]}\n\n${demo.abstracts[demo.locale]}\n`;
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
    });
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
}
