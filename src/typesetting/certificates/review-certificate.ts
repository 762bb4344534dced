import { createHmac } from 'node:crypto';
import { displayName, type PersonNames } from '../../editorial/people';
import { pickLocalized, type Locale, type LocalizedText } from '../../common/i18n/locale';
import { formatDate } from '../pdf/typst-document';

const WORDS: Record<
  Locale,
  {
    title: string;
    certifies: string;
    statement: (journal: string) => string;
    completed: (date: string) => string;
    issued: string;
    reference: string;
    signature: (journal: string) => string;
  }
> = {
  ar: {
    title: 'شهادة تحكيم',
    certifies: 'تشهد هيئة التحرير بأنّ',
    statement: (journal) =>
      `قد حكّم بحثًا مقدَّمًا للنشر في ${journal}، تحكيمًا علميًا مستقلًّا، ضمن إجراءات التحكيم المزدوج التعمية، فلهم منّا جزيل الشكر على ما بذلوه من وقت وخبرة.`,
    completed: (date) => `أُنجز التحكيم بتاريخ ${date}.`,
    issued: 'تاريخ الإصدار',
    reference: 'المرجع',
    signature: (journal) => `هيئة تحرير ${journal}`,
  },
  en: {
    title: 'Certificate of review',
    certifies: 'The editors certify that',
    statement: (journal) =>
      `reviewed a manuscript submitted to ${journal}, as an independent expert in its anonymous peer review. We thank them for their time and expertise.`,
    completed: (date) => `The review was completed on ${date}.`,
    issued: 'Issued',
    reference: 'Reference',
    signature: (journal) => `The editors of ${journal}`,
  },
  fr: {
    title: 'Attestation d’évaluation',
    certifies: 'La rédaction atteste que',
    statement: (journal) =>
      `a évalué un manuscrit soumis à ${journal}, en expert indépendant, dans le cadre de son évaluation anonyme par les pairs. Nous le remercions de son temps et de son expertise.`,
    completed: (date) => `L’évaluation a été remise le ${date}.`,
    issued: 'Délivrée le',
    reference: 'Référence',
    signature: (journal) => `La rédaction de ${journal}`,
  },
};

export interface ReviewCertificateInput {
  locale: Locale;
  reviewer: PersonNames;
  journalTitles: LocalizedText;
  onlineIssn: string | null;
  printIssn: string | null;
  assignmentId: string;
  completedAt: Date;
  issuedAt: Date;
  /** Keys the reference, so that only this installation can have issued it. */
  secret: string;
}

/**
 * The data of a certificate of review. It names the reviewer, the journal and the date the
 * review was completed, and nothing of the manuscript: not its title, not its authors.
 */
export function reviewCertificateData(input: ReviewCertificateInput) {
  const words = WORDS[input.locale];
  const journal = pickLocalized(input.journalTitles, input.locale) ?? '';
  const issn = [input.onlineIssn, input.printIssn].filter(Boolean).map((issn) => `ISSN ${issn}`);
  const reference = createHmac('sha256', input.secret)
    .update(`review-certificate:${input.assignmentId}`)
    .digest('hex')
    .slice(0, 16)
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1-');
  return {
    locale: input.locale,
    journal,
    issn: issn.length ? issn.join(' · ') : null,
    title: words.title,
    certifies: words.certifies,
    reviewer: displayName(input.reviewer, input.locale),
    statement: words.statement(journal),
    completed: words.completed(formatDate(input.completedAt, input.locale)),
    issuedLabel: words.issued,
    issued: formatDate(input.issuedAt, input.locale),
    referenceLabel: words.reference,
    reference,
    signature: words.signature(journal),
  };
}
