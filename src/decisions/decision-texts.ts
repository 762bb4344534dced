import type { Locale } from '../common/i18n/locale';
import type { DecisionKind } from '../editorial/stages/stage-transitions';

/** Decisions as editors say them, for buttons, histories and pages. */
export const DECISION_NAMES: Record<Locale, Record<DecisionKind, string>> = {
  ar: {
    decline_without_review: 'رفض دون تحكيم',
    send_to_review: 'إحالة إلى التحكيم',
    request_revisions: 'طلب تعديلات',
    resubmit_for_review: 'طلب تعديلات وإعادة التحكيم',
    accept: 'قبول',
    decline: 'رفض',
    revert_decline: 'إلغاء الرفض',
    send_to_production: 'إحالة إلى الإنتاج',
  },
  en: {
    decline_without_review: 'Decline without review',
    send_to_review: 'Send to review',
    request_revisions: 'Request revisions',
    resubmit_for_review: 'Resubmit for review',
    accept: 'Accept',
    decline: 'Decline',
    revert_decline: 'Revert decline',
    send_to_production: 'Send to production',
  },
  fr: {
    decline_without_review: 'Refus sans évaluation',
    send_to_review: 'Envoi en évaluation',
    request_revisions: 'Demande de révisions',
    resubmit_for_review: 'Révisions et nouvelle évaluation',
    accept: 'Acceptation',
    decline: 'Refus',
    revert_decline: 'Annulation du refus',
    send_to_production: 'Envoi en production',
  },
};

/**
 * What a reviewer is told happened to the manuscript they reviewed. English and French complete
 * "The manuscript has been …" and « Le manuscrit a été … »; the Arabic ones are whole clauses
 * that follow «وقد», e.g. «وقد قُبل البحث للنشر».
 */
export const OUTCOME_NAMES: Record<Locale, Record<DecisionKind, string>> = {
  ar: {
    decline_without_review: 'رُفض البحث دون تحكيم',
    send_to_review: 'أُحيل البحث إلى التحكيم',
    request_revisions: 'أُعيد البحث إلى المؤلّفين لإجراء تعديلات',
    resubmit_for_review: 'أُعيد البحث إلى المؤلّفين لإجراء تعديلات تمهيدًا لجولة تحكيم جديدة',
    accept: 'قُبل البحث للنشر',
    decline: 'رُفض البحث',
    revert_decline: 'أُلغي قرار رفض البحث وعاد قيد النظر',
    send_to_production: 'أُحيل البحث إلى مرحلة الإنتاج',
  },
  en: {
    decline_without_review: 'declined without review',
    send_to_review: 'sent to review',
    request_revisions: 'returned to the authors for revisions',
    resubmit_for_review: 'returned to the authors for revisions and a new review round',
    accept: 'accepted for publication',
    decline: 'declined',
    revert_decline: 'reinstated after having been declined',
    send_to_production: 'sent to production',
  },
  fr: {
    decline_without_review: 'refusé sans évaluation',
    send_to_review: 'envoyé en évaluation',
    request_revisions: 'renvoyé aux auteurs pour révisions',
    resubmit_for_review: 'renvoyé aux auteurs pour révisions et un nouveau tour d’évaluation',
    accept: 'accepté pour publication',
    decline: 'refusé',
    revert_decline: 'remis à l’étude après un refus',
    send_to_production: 'envoyé en production',
  },
};

export interface DecisionLetterFacts {
  authorName: string;
  journalTitle: string;
  title: string;
  submissionNumber: string;
  editorName: string;
  /** Set when the decision asks for revisions. */
  revisionsDueDate: string | null;
  /** For request_revisions: minor rather than major revisions. */
  minor?: boolean;
}

export interface DecisionLetter {
  subject: string;
  body: string;
}

type LetterWriter = (facts: DecisionLetterFacts) => DecisionLetter;

/** Plain text: the greeting, the paragraphs, then the signature, one blank line apart. */
function letter(
  subject: string,
  greeting: string,
  texts: string[],
  signature: string,
): DecisionLetter {
  return { subject, body: [greeting, ...texts, signature].join('\n\n') };
}

/** French quotation marks, with the non-breaking spaces French typography wants inside them. */
const guillemets = (text: string): string => `«\u00A0${text}\u00A0»`;

// Arabic ----------------------------------------------------------------------------------------

const ar = {
  greeting: (f: DecisionLetterFacts) => `حضرة ${f.authorName}،\nتحية طيبة وبعد،`,
  signature: (f: DecisionLetterFacts) =>
    `مع خالص التحية والتقدير،\n${f.editorName}\nعن هيئة تحرير ${f.journalTitle}`,
  manuscript: (f: DecisionLetterFacts) => `بحثك «${f.title}» (رقم البحث: ${f.submissionNumber})`,
  due: (f: DecisionLetterFacts) =>
    f.revisionsDueDate ? `في موعد أقصاه ${f.revisionsDueDate}` : 'في أقرب وقت ممكن',
};

const AR_LETTERS: Record<DecisionKind, LetterWriter> = {
  decline_without_review: (f) =>
    letter(
      `القرار بشأن بحثك رقم ${f.submissionNumber}`,
      ar.greeting(f),
      [
        `نشكر لك إرسال ${ar.manuscript(f)} إلى ${f.journalTitle}.`,
        'وبعد دراسة البحث دراسة متأنّية، رأت هيئة التحرير أنّه لا يندرج في مجال اهتمام المجلة، أو أنّه لا يلائم النشر فيها، ولذا قرّرت الاعتذار عن نشره دون إحالته إلى التحكيم. وقد اتُّخذ هذا القرار في مرحلة الفحص الأوّلي، فلا تتوفّر بشأنه تقارير تحكيم.',
        'ونأسف لعدم تمكّننا من إفادتك بردّ أكثر إيجابية. ولمّا كان البحث لم يُحَل إلى التحكيم، فبإمكانك تقديمه إلى مجلة أخرى دون انتظار، ونتمنّى لك التوفيق في نشره.',
      ],
      ar.signature(f),
    ),
  send_to_review: (f) =>
    letter(
      `إحالة بحثك رقم ${f.submissionNumber} إلى التحكيم`,
      ar.greeting(f),
      [
        `يسرّنا إعلامك بأنّ ${ar.manuscript(f)} قد اجتاز الفحص الأوّلي لدى هيئة التحرير في ${f.journalTitle}، وأُحيل إلى التحكيم العلمي.`,
        'وسنوافيك بالنتيجة فور ورود تقارير المحكّمين، ويمكنك متابعة حالة بحثك في أيّ وقت من صفحته على المنصّة.',
        'نشكر لك اختيارك مجلتنا لنشر بحثك.',
      ],
      ar.signature(f),
    ),
  request_revisions: (f) =>
    letter(
      `طلب تعديلات على بحثك رقم ${f.submissionNumber}`,
      ar.greeting(f),
      [
        `نشكر لك إرسال ${ar.manuscript(f)} إلى ${f.journalTitle}. وقد فرغ المحكّمون من تحكيمه، وقرّرت هيئة التحرير إمكان النظر في نشره بعد إجراء تعديلات ${f.minor ? 'طفيفة' : 'جوهرية'} عليه.`,
        `فنرجو منك تعديل البحث في ضوء ملاحظات المحكّمين الواردة أدناه، وإرسال النسخة المعدّلة ${ar.due(f)}، مرفقةً بردّ يبيّن كيفية تعاملك مع كلّ ملاحظة، وأسباب عدم الأخذ بأيّ منها إن وُجدت.`,
        'وستطّلع هيئة التحرير على النسخة المعدّلة قبل اتّخاذ قرارها النهائي بشأن البحث، ونتطلّع إلى تسلّمها.',
      ],
      ar.signature(f),
    ),
  resubmit_for_review: (f) =>
    letter(
      `بحثك رقم ${f.submissionNumber}: تعديلات وجولة تحكيم جديدة`,
      ar.greeting(f),
      [
        `نشكر لك إرسال ${ar.manuscript(f)} إلى ${f.journalTitle}. وقد فرغ المحكّمون من تحكيمه، ومع ما رأوه فيه من جوانب قيّمة، فقد رأت هيئة التحرير أنّه يحتاج إلى تعديلات جوهرية قبل النظر في نشره.`,
        `لذا ندعوك إلى تعديل البحث في ضوء ملاحظات المحكّمين الواردة أدناه، وإعادة إرساله ${ar.due(f)}، مرفقًا بردّ يبيّن كيفية تعاملك مع كلّ ملاحظة، وأسباب عدم الأخذ بأيّ منها إن وُجدت.`,
        'وستُعرض النسخة المعدّلة على جولة تحكيم جديدة، قد يشارك فيها المحكّمون أنفسهم، علمًا بأنّ إعادة الإرسال لا تعني بالضرورة قبول البحث للنشر.',
      ],
      ar.signature(f),
    ),
  accept: (f) =>
    letter(
      `قبول بحثك رقم ${f.submissionNumber} للنشر`,
      ar.greeting(f),
      [
        `يسرّني إبلاغك بقبول ${ar.manuscript(f)} للنشر في ${f.journalTitle}، وذلك بعد استكمال إجراءات التحكيم العلمي.`,
        'وتجد أدناه ملاحظات المحكّمين، فلعلّ في بعضها ما يفيدك في إعداد النسخة النهائية.',
        'وسينتقل البحث الآن إلى مرحلة التدقيق اللغوي والتحرير الفنّي، وسنتواصل معك بشأن الخطوات التالية.',
        'نهنّئك بهذا القبول، ونشكر لك اختيارك مجلتنا لنشر بحثك.',
      ],
      ar.signature(f),
    ),
  decline: (f) =>
    letter(
      `القرار بشأن بحثك رقم ${f.submissionNumber}`,
      ar.greeting(f),
      [
        `نشكر لك إرسال ${ar.manuscript(f)} إلى ${f.journalTitle}. وقد فرغ المحكّمون من تحكيمه، ويؤسفني إبلاغك بأنّ هيئة التحرير قرّرت، في ضوء تقارير التحكيم، الاعتذار عن نشره.`,
        'وتجد أدناه ملاحظات المحكّمين، آملين أن تفيدك في تطوير بحثك.',
        'ونأسف لعدم تمكّننا من إفادتك بردّ أكثر إيجابية، ونشكر لك ثقتك بمجلتنا.',
      ],
      ar.signature(f),
    ),
  revert_decline: (f) =>
    letter(
      `إعادة النظر في بحثك رقم ${f.submissionNumber}`,
      ar.greeting(f),
      [
        `نودّ إعلامك بأنّ هيئة التحرير ألغت قرار رفض ${ar.manuscript(f)}، وأنّ البحث عاد قيد النظر في ${f.journalTitle}.`,
        'وسنوافيك بالخطوات التالية في حينها، مع اعتذارنا عمّا قد يكون سبّبه ذلك من إزعاج.',
      ],
      ar.signature(f),
    ),
  send_to_production: (f) =>
    letter(
      `بحثك رقم ${f.submissionNumber} في مرحلة الإنتاج`,
      ar.greeting(f),
      [
        `يسرّنا إعلامك بأنّ ${ar.manuscript(f)} قد أُحيل إلى مرحلة الإنتاج، حيث سيُعدّ للنشر في ${f.journalTitle}.`,
        'وسنتواصل معك حين تصبح النسخة التجريبية (البروفة) جاهزة لمراجعتها.',
      ],
      ar.signature(f),
    ),
};

// English ---------------------------------------------------------------------------------------

const en = {
  greeting: (f: DecisionLetterFacts) => `Dear ${f.authorName},`,
  signature: (f: DecisionLetterFacts) =>
    `Kind regards,\n${f.editorName}\nEditor, ${f.journalTitle}`,
  manuscript: (f: DecisionLetterFacts) =>
    `your manuscript “${f.title}” (submission ${f.submissionNumber})`,
  due: (f: DecisionLetterFacts) =>
    f.revisionsDueDate ? `by ${f.revisionsDueDate}` : 'as soon as you can',
};

const EN_LETTERS: Record<DecisionKind, LetterWriter> = {
  decline_without_review: (f) =>
    letter(
      `Decision on your submission ${f.submissionNumber}`,
      en.greeting(f),
      [
        `Thank you for submitting ${en.manuscript(f)} to ${f.journalTitle}.`,
        'After careful consideration, the editors have concluded that the manuscript does not fall within the scope of the journal, or is otherwise not suitable for publication in it, and have therefore decided not to send it out for peer review. As this decision was taken at the editorial stage, there are no reviewer reports.',
        'We are sorry not to be able to give you a more favourable answer. Since the manuscript has not been reviewed, you are free to submit it elsewhere without delay, and we wish you every success in finding it a suitable home.',
      ],
      en.signature(f),
    ),
  send_to_review: (f) =>
    letter(
      `Your submission ${f.submissionNumber} has been sent for review`,
      en.greeting(f),
      [
        `I am pleased to let you know that ${en.manuscript(f)} has passed the initial editorial assessment at ${f.journalTitle} and has been sent out for peer review.`,
        'We will let you know the outcome once the reviewers have submitted their reports. In the meantime, you can follow the progress of your submission at any time on its status page.',
        'Thank you for choosing our journal for your work.',
      ],
      en.signature(f),
    ),
  request_revisions: (f) =>
    letter(
      `Revisions requested for your submission ${f.submissionNumber}`,
      en.greeting(f),
      [
        `Thank you for submitting ${en.manuscript(f)} to ${f.journalTitle}. It has now been reviewed, and the editors have decided that it could be considered for publication after ${f.minor ? 'minor' : 'major'} revisions.`,
        `Please revise the manuscript in light of the reviewers’ comments below and submit the revised version ${en.due(f)}, together with a response explaining how you have addressed each comment and, where you have not, why.`,
        'The editors will then assess the revised version before making a final decision. We look forward to receiving it.',
      ],
      en.signature(f),
    ),
  resubmit_for_review: (f) =>
    letter(
      `Your submission ${f.submissionNumber}: revisions and a new round of review`,
      en.greeting(f),
      [
        `Thank you for submitting ${en.manuscript(f)} to ${f.journalTitle}. It has now been reviewed, and while the reviewers see merit in the work, the editors have concluded that it needs substantial revision before it can be considered further.`,
        `We invite you to revise the manuscript in light of the reviewers’ comments below and to resubmit it ${en.due(f)}, together with a response explaining how you have addressed each comment and, where you have not, why.`,
        'The revised version will be sent out for a new round of peer review, possibly to the same reviewers. Please note that resubmission does not guarantee acceptance.',
      ],
      en.signature(f),
    ),
  accept: (f) =>
    letter(
      `Your submission ${f.submissionNumber} has been accepted`,
      en.greeting(f),
      [
        `I am pleased to inform you that ${en.manuscript(f)} has been accepted for publication in ${f.journalTitle}.`,
        'You will find the reviewers’ comments below; some of them may still be useful as you prepare the final version.',
        'The manuscript will now move on to copyediting and production, and we will be in touch about the next steps.',
        'Congratulations, and thank you for choosing our journal for your work.',
      ],
      en.signature(f),
    ),
  decline: (f) =>
    letter(
      `Decision on your submission ${f.submissionNumber}`,
      en.greeting(f),
      [
        `Thank you for submitting ${en.manuscript(f)} to ${f.journalTitle}. It has now been peer reviewed, and I regret to inform you that, in light of the reviewers’ reports, the editors have decided not to accept it for publication.`,
        'You will find the reviewers’ comments below. We hope that you will find them useful in developing your work further.',
        'We are sorry not to be able to give you a more favourable answer, and thank you for considering our journal for your work.',
      ],
      en.signature(f),
    ),
  revert_decline: (f) =>
    letter(
      `Your submission ${f.submissionNumber} is under consideration again`,
      en.greeting(f),
      [
        `I am writing to let you know that the decision to decline ${en.manuscript(f)} has been withdrawn, and that the manuscript is once again under consideration at ${f.journalTitle}.`,
        'We will be in touch about the next steps in due course. Please accept our apologies for any inconvenience.',
      ],
      en.signature(f),
    ),
  send_to_production: (f) =>
    letter(
      `Your submission ${f.submissionNumber} has moved to production`,
      en.greeting(f),
      [
        `I am pleased to let you know that ${en.manuscript(f)} has been sent to production, where it will be prepared for publication in ${f.journalTitle}.`,
        'We will contact you again when the proofs are ready for you to check.',
      ],
      en.signature(f),
    ),
};

// French ----------------------------------------------------------------------------------------

const fr = {
  greeting: (f: DecisionLetterFacts) => `Bonjour ${f.authorName},`,
  signature: (f: DecisionLetterFacts) =>
    `Bien cordialement,\n${f.editorName}\nPour la rédaction de ${f.journalTitle}`,
  manuscript: (f: DecisionLetterFacts) =>
    `votre manuscrit ${guillemets(f.title)} (soumission ${f.submissionNumber})`,
  due: (f: DecisionLetterFacts) =>
    f.revisionsDueDate ? `au plus tard le ${f.revisionsDueDate}` : 'dès que possible',
  answer:
    'précisant la manière dont vous avez pris en compte chaque commentaire ou, le cas échéant, les raisons pour lesquelles vous ne l’avez pas fait',
};

const FR_LETTERS: Record<DecisionKind, LetterWriter> = {
  decline_without_review: (f) =>
    letter(
      `Décision concernant votre soumission ${f.submissionNumber}`,
      fr.greeting(f),
      [
        `Nous vous remercions d’avoir soumis ${fr.manuscript(f)} à ${f.journalTitle}.`,
        'Après un examen attentif, la rédaction a estimé que ce manuscrit n’entre pas dans le champ de la revue ou ne correspond pas à sa ligne éditoriale, et a donc décidé de ne pas l’envoyer en évaluation. Cette décision ayant été prise au stade de l’examen éditorial, aucun rapport d’évaluation n’a été établi.',
        'Nous regrettons de ne pouvoir vous donner une réponse plus favorable. Le manuscrit n’ayant pas été évalué, vous êtes libre de le soumettre sans délai à une autre revue, et nous espérons qu’il y trouvera sa place.',
      ],
      fr.signature(f),
    ),
  send_to_review: (f) =>
    letter(
      `Votre soumission ${f.submissionNumber} a été envoyée en évaluation`,
      fr.greeting(f),
      [
        `J’ai le plaisir de vous informer que ${fr.manuscript(f)} a franchi l’étape de l’examen éditorial préliminaire de ${f.journalTitle} et qu’il a été envoyé en évaluation par les pairs.`,
        'Nous vous ferons part de la décision dès que les évaluateurs auront remis leurs rapports. D’ici là, vous pouvez suivre à tout moment l’avancement de votre soumission sur sa page de suivi.',
        'Nous vous remercions d’avoir choisi notre revue pour publier vos travaux.',
      ],
      fr.signature(f),
    ),
  request_revisions: (f) =>
    letter(
      `Demande de révisions pour votre soumission ${f.submissionNumber}`,
      fr.greeting(f),
      [
        `Nous vous remercions d’avoir soumis ${fr.manuscript(f)} à ${f.journalTitle}. Au terme de son évaluation, la rédaction a décidé que ce manuscrit pourrait être accepté pour publication sous réserve de révisions ${f.minor ? 'mineures' : 'majeures'}.`,
        `Nous vous invitons à réviser votre manuscrit en tenant compte des commentaires des évaluateurs, reproduits ci-dessous, et à nous transmettre la version révisée ${fr.due(f)}, accompagnée d’une réponse ${fr.answer}.`,
        'La rédaction examinera la version révisée avant de rendre sa décision finale. Nous nous réjouissons de la recevoir.',
      ],
      fr.signature(f),
    ),
  resubmit_for_review: (f) =>
    letter(
      `Votre soumission ${f.submissionNumber}\u00A0: révisions et nouvelle évaluation`,
      fr.greeting(f),
      [
        `Nous vous remercions d’avoir soumis ${fr.manuscript(f)} à ${f.journalTitle}. Au terme de son évaluation, et bien que les évaluateurs aient relevé l’intérêt de votre travail, la rédaction estime que ce manuscrit nécessite des révisions substantielles avant de pouvoir être examiné plus avant.`,
        `Nous vous invitons à le réviser en tenant compte des commentaires des évaluateurs, reproduits ci-dessous, et à nous le soumettre de nouveau ${fr.due(f)}, accompagné d’une réponse ${fr.answer}.`,
        'La version révisée fera l’objet d’un nouveau tour d’évaluation, éventuellement par les mêmes évaluateurs. Nous attirons votre attention sur le fait qu’une nouvelle soumission ne garantit pas l’acceptation du manuscrit.',
      ],
      fr.signature(f),
    ),
  accept: (f) =>
    letter(
      `Votre soumission ${f.submissionNumber} est acceptée`,
      fr.greeting(f),
      [
        `J’ai le plaisir de vous annoncer que ${fr.manuscript(f)} a été accepté pour publication dans ${f.journalTitle}.`,
        'Vous trouverez ci-dessous les commentaires des évaluateurs\u00A0; certains pourront encore vous être utiles pour préparer la version définitive.',
        'Le manuscrit va maintenant passer aux étapes de préparation de copie et de production\u00A0; nous reviendrons vers vous pour la suite.',
        'Toutes nos félicitations, et merci d’avoir choisi notre revue pour publier vos travaux.',
      ],
      fr.signature(f),
    ),
  decline: (f) =>
    letter(
      `Décision concernant votre soumission ${f.submissionNumber}`,
      fr.greeting(f),
      [
        `Nous vous remercions d’avoir soumis ${fr.manuscript(f)} à ${f.journalTitle}. Au terme de son évaluation par les pairs, j’ai le regret de vous informer que la rédaction, au vu des rapports des évaluateurs, a décidé de ne pas le retenir pour publication.`,
        'Vous trouverez ci-dessous les commentaires des évaluateurs\u00A0; nous espérons qu’ils vous seront utiles pour la suite de vos travaux.',
        'Nous regrettons de ne pouvoir vous donner une réponse plus favorable et vous remercions de l’intérêt que vous portez à notre revue.',
      ],
      fr.signature(f),
    ),
  revert_decline: (f) =>
    letter(
      `Votre soumission ${f.submissionNumber} est de nouveau à l’étude`,
      fr.greeting(f),
      [
        `Nous vous informons que la décision de refus concernant ${fr.manuscript(f)} a été annulée\u00A0: le manuscrit est de nouveau à l’étude à ${f.journalTitle}.`,
        'Nous reviendrons vers vous pour la suite de la procédure et vous prions de nous excuser pour ce contretemps.',
      ],
      fr.signature(f),
    ),
  send_to_production: (f) =>
    letter(
      `Votre soumission ${f.submissionNumber} est passée en production`,
      fr.greeting(f),
      [
        `J’ai le plaisir de vous informer que ${fr.manuscript(f)} est passé en production, étape au cours de laquelle il sera préparé pour sa publication dans ${f.journalTitle}.`,
        'Nous reprendrons contact avec vous lorsque les épreuves seront prêtes pour relecture.',
      ],
      fr.signature(f),
    ),
};

const LETTERS: Record<Locale, Record<DecisionKind, LetterWriter>> = {
  ar: AR_LETTERS,
  en: EN_LETTERS,
  fr: FR_LETTERS,
};

/**
 * The editable letter telling the author about a decision. Plain text, paragraphs one blank
 * line apart, signed by the editor. The reviewers' comments are not in it: the email template
 * appends them, and letters for decisions taken after review point to them "below".
 */
export function defaultDecisionLetter(
  kind: DecisionKind,
  locale: Locale,
  facts: DecisionLetterFacts,
): DecisionLetter {
  return LETTERS[locale][kind](facts);
}
