import type { Locale } from '../common/i18n/locale';
import type { Recommendation, ReviewMethod } from './review-vocabulary';

/** Review methods as editors and reviewers say them, for emails and pages. */
export const REVIEW_METHOD_NAMES: Record<Locale, Record<ReviewMethod, string>> = {
  ar: {
    double_anonymous: 'تحكيم مزدوج التعمية',
    // The reviewer is hidden from the author; the reviewer sees who wrote the work.
    anonymous: 'تحكيم أحادي التعمية',
    open: 'تحكيم مفتوح',
  },
  en: {
    double_anonymous: 'double-anonymous',
    anonymous: 'anonymous',
    open: 'open',
  },
  fr: {
    double_anonymous: 'évaluation en double anonymat',
    anonymous: 'évaluation anonyme',
    open: 'évaluation ouverte',
  },
};

/** A reviewer's recommendation, as offered on the review form and reported to editors. */
export const RECOMMENDATION_NAMES: Record<Locale, Record<Recommendation, string>> = {
  ar: {
    accept: 'قبول البحث',
    minor_revisions: 'تعديلات طفيفة',
    major_revisions: 'تعديلات جوهرية',
    resubmit_for_review: 'إعادة التقديم لجولة تحكيم جديدة',
    decline: 'رفض البحث',
    see_comments: 'انظر الملاحظات',
  },
  en: {
    accept: 'Accept',
    minor_revisions: 'Minor revisions',
    major_revisions: 'Major revisions',
    resubmit_for_review: 'Resubmit for review',
    decline: 'Decline',
    see_comments: 'See comments',
  },
  fr: {
    accept: 'Acceptation',
    minor_revisions: 'Révisions mineures',
    major_revisions: 'Révisions majeures',
    resubmit_for_review: 'Nouvelle soumission pour évaluation',
    decline: 'Refus',
    see_comments: 'Voir les commentaires',
  },
};

export interface InvitationMessageFacts {
  reviewerName: string;
  journalTitle: string;
  title: string;
  editorName: string;
  reviewDueDate: string;
}

export interface ThanksMessageFacts {
  reviewerName: string;
  journalTitle: string;
  title: string;
  editorName: string;
}

const paragraphs = (...texts: string[]): string => texts.join('\n\n');

/** French quotation marks, with the non-breaking spaces French typography wants inside them. */
const guillemets = (text: string): string => `«\u00A0${text}\u00A0»`;

/**
 * The personal message an editor sends with a review invitation, prefilled and editable.
 * It names no author on purpose: it goes out whatever the review method. It is quoted inside the
 * review-invitation email, which greets the reviewer, thanks them and signs for the editorial
 * office, so the message itself neither greets, closes nor signs.
 */
const INVITATION_MESSAGES: Record<Locale, (facts: InvitationMessageFacts) => string> = {
  ar: (f) =>
    paragraphs(
      `يسرّني أن أدعوك إلى تحكيم بحث بعنوان «${f.title}»، مقدَّم للنشر في ${f.journalTitle}، إذ نرى أنّ خبرتك في هذا المجال ستكون ذات قيمة كبيرة في تقويمه.`,
      `فإن قبلت الدعوة، فإنّنا نرجو أن يصلنا تقريرك في موعد أقصاه ${f.reviewDueDate}. ونرجو إعلامنا بقبولك الدعوة أو اعتذارك عنها في أقرب وقت ممكن؛ وإن لم يتّسع وقتك لها، فيسعدنا أن تقترح علينا من تراه أهلًا لتحكيم البحث من الزملاء المختصّين.`,
    ),
  en: (f) =>
    paragraphs(
      `I would like to invite you to review the manuscript “${f.title}”, which has been submitted to ${f.journalTitle}. Given your expertise in the field, your assessment would be of great value to us.`,
      `If you are able to accept, we would be grateful to receive your review by ${f.reviewDueDate}. Please let us know as soon as you can whether you can take on this review; if you cannot, we would welcome your suggestions of other qualified reviewers.`,
    ),
  fr: (f) =>
    paragraphs(
      `Je me permets de vous solliciter pour évaluer le manuscrit ${guillemets(f.title)}, soumis à ${f.journalTitle}. Compte tenu de votre expertise dans ce domaine, votre avis nous serait particulièrement précieux.`,
      `Si vous acceptez, nous vous serions reconnaissants de nous faire parvenir votre évaluation au plus tard le ${f.reviewDueDate}. Merci de nous indiquer dès que possible si vous êtes en mesure de vous en charger\u00A0; dans le cas contraire, nous accueillerions volontiers vos suggestions de collègues compétents pour cette évaluation.`,
    ),
};

/**
 * The editor's thanks to a reviewer once the review is in, prefilled and editable. Like the
 * invitation message, it is quoted inside an email that already greets, closes and signs.
 */
const THANKS_MESSAGES: Record<Locale, (facts: ThanksMessageFacts) => string> = {
  ar: (f) =>
    paragraphs(
      `أشكر لك تفضّلك بتحكيم البحث «${f.title}» المقدَّم إلى ${f.journalTitle}. ونحن نقدّر ما بذلته فيه من وقت وجهد، فملاحظاتك ستعين هيئة التحرير على اتّخاذ قرارها بشأنه.`,
    ),
  en: (f) =>
    paragraphs(
      `Thank you for reviewing the manuscript “${f.title}” for ${f.journalTitle}. We greatly appreciate the time and care you have given to it; your comments will be of real help to the editors in reaching a decision.`,
    ),
  fr: (f) =>
    paragraphs(
      `Je vous remercie vivement d’avoir évalué le manuscrit ${guillemets(f.title)} pour ${f.journalTitle}. Nous mesurons le temps et le soin que vous y avez consacrés\u00A0; vos commentaires aideront précieusement la rédaction à prendre sa décision.`,
    ),
};

/** The editable message sent with a review invitation; it never mentions the authors. */
export function defaultInvitationMessage(locale: Locale, facts: InvitationMessageFacts): string {
  return INVITATION_MESSAGES[locale](facts);
}

/** The editable thank-you message sent to a reviewer after the review is submitted. */
export function defaultThanksMessage(locale: Locale, facts: ThanksMessageFacts): string {
  return THANKS_MESSAGES[locale](facts);
}

/** Letters for the first reviewers; the Arabic ones follow the abjadi order. */
const REVIEWER_LETTERS: Record<Locale, readonly string[]> = {
  ar: ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي'],
  en: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'],
  fr: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'],
};

const REVIEWER_LABELS: Record<
  Locale,
  { lettered: (letter: string) => string; numbered: (n: number) => string }
> = {
  ar: { lettered: (letter) => `المحكّم (${letter})`, numbered: (n) => `المحكّم ${n}` },
  en: { lettered: (letter) => `Reviewer ${letter}`, numbered: (n) => `Reviewer ${n}` },
  fr: { lettered: (letter) => `Évaluateur ${letter}`, numbered: (n) => `Évaluateur ${n}` },
};

/**
 * The neutral label under which authors see the index-th (0-based) reviewer's comments:
 * a letter for the first ten ("Reviewer A", «المحكّم (أ)»), then a number ("Reviewer 11").
 * The same reviewer gets the same rank in every language.
 */
export function reviewerLabel(locale: Locale, index: number): string {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`A reviewer index is a whole number from 0, not ${index}.`);
  }
  const labels = REVIEWER_LABELS[locale];
  const letter = REVIEWER_LETTERS[locale][index];
  return letter === undefined ? labels.numbered(index + 1) : labels.lettered(letter);
}
