/**
 * The data each email template needs, by template name. A template is
 * templates/email/<locale>/<name>.hbs; adding one means adding its line here, so callers and
 * templates cannot drift apart.
 */
export interface EmailTemplateData {
  'account-verification': { verificationUrl: string; expiresInHours: number };
  'password-reset': { resetUrl: string; expiresInMinutes: number; requestedFromIp: string };
  'password-changed': { changedAt: string; resetUrl: string };
  'registration-attempt': { loginUrl: string; resetUrl: string };
  'account-invitation': {
    inviterName: string;
    roleName: string;
    acceptUrl: string;
    expiresInDays: number;
  };
  'journal-enrolment': { inviterName: string; roleName: string; journalDashboardUrl: string };
  'submission-acknowledgement': {
    submissionNumber: string;
    title: string;
    sectionTitle: string;
    submittedAt: string;
    statusUrl: string;
  };
  'submission-new-for-editor': {
    submissionNumber: string;
    title: string;
    sectionTitle: string;
    /** Already a language name in the recipient's language: "Arabic" in English, "arabe" in French. */
    language: string;
    submittedAt: string;
    workflowUrl: string;
  };
  'submission-withdrawn': {
    submissionNumber: string;
    title: string;
    reason: string;
    withdrawnAt: string;
    workflowUrl: string;
  };
  'proof-ready': {
    title: string;
    /** Where the author reads the proof and approves it or sends corrections. */
    proofsUrl: string;
  };
  'article-published': {
    title: string;
    /** The issue as it is named in the recipient's language: «المجلد 1، العدد 1 (2026)». */
    issue: string;
    doiUrl: string | null;
    articleUrl: string;
  };
  'issue-published': {
    issue: string;
    /** The contents, titles and authors in the reader's language where there is one. */
    articles: { title: string; authors: string }[];
    issueUrl: string;
  };
  'issue-publication-failed': {
    issue: string;
    /** UTC, "2026-12-01 09:00". */
    scheduledFor: string;
    /** Why the checks refused it: each article and what it lacks. */
    reason: string;
    issueUrl: string;
  };
  'decision-recommended': {
    submissionNumber: string;
    title: string;
    recommenderName: string;
    /** The decision's name in the recipient's language. */
    recommendation: string;
    /** The section editor's reasons; may be empty. */
    comment: string;
    workflowUrl: string;
  };
  'submission-resubmitted': {
    submissionNumber: string;
    title: string;
    round: number;
    resubmittedAt: string;
    workflowUrl: string;
  };
  'review-invitation': {
    submissionNumber: string;
    title: string;
    abstract: string;
    /** Already in the recipient's language, e.g. «تحكيم مزدوج التعمية» / "double-anonymous". */
    reviewMethod: string;
    /** True when the reviewer will not see who the authors are. */
    authorsHidden: boolean;
    /** The editor's own words, prefilled from the journal's text; may be empty. */
    personalMessage: string;
    responseDueDate: string;
    reviewDueDate: string;
    round: number;
    /** One page where the reviewer accepts or declines, without signing in. */
    respondUrl: string;
  };
  'review-accepted': {
    submissionNumber: string;
    title: string;
    reviewDueDate: string;
    reviewUrl: string;
  };
  'review-declined': { submissionNumber: string; title: string };
  'review-declined-editor': {
    submissionNumber: string;
    title: string;
    reviewerName: string;
    round: number;
    reason: string;
    suggestedReviewer: string;
    workflowUrl: string;
  };
  'review-response-reminder': {
    submissionNumber: string;
    title: string;
    responseDueDate: string;
    reviewDueDate: string;
    /** False: a reminder before the date; true: the date has passed. */
    overdue: boolean;
    respondUrl: string;
  };
  'review-due-reminder': {
    submissionNumber: string;
    title: string;
    reviewDueDate: string;
    overdue: boolean;
    /** Whole days past the due date (0 when not overdue). */
    daysOverdue: number;
    reviewUrl: string;
  };
  'review-overdue-editor': {
    submissionNumber: string;
    title: string;
    reviewerName: string;
    round: number;
    /** `response`: no answer to the invitation by its date; `review`: the review is late. */
    kind: 'response' | 'review';
    dueDate: string;
    remindersSent: number;
    workflowUrl: string;
  };
  'review-cancelled': { submissionNumber: string; title: string };
  'review-reinstated': {
    submissionNumber: string;
    title: string;
    reviewDueDate: string;
    reviewUrl: string;
  };
  'review-unlocked': {
    submissionNumber: string;
    title: string;
    reviewDueDate: string;
    reviewUrl: string;
  };
  'review-thanks': {
    submissionNumber: string;
    title: string;
    personalMessage: string;
    /** The review, read-only, with its certificate. */
    reviewUrl: string;
  };
  'review-submitted-editor': {
    submissionNumber: string;
    title: string;
    reviewerName: string;
    round: number;
    /** Already in the recipient's language. */
    recommendation: string;
    workflowUrl: string;
  };
  'decision-letter': {
    submissionNumber: string;
    title: string;
    /** The subject the editor chose (prefilled per decision). */
    subject: string;
    /** The letter as the editor finalised it: plain text, paragraphs separated by blank lines. */
    body: string;
    /** Reviews shared with the author: a neutral label and the comments meant for the author. */
    reviews: { label: string; comments: string; files: string[] }[];
    /** The names of the files the editor attached to the letter (downloadable on the page). */
    attachments: string[];
    /** Set when the decision asks for revisions. */
    revisionsDueDate: string | null;
    statusUrl: string;
  };
  'decision-outcome-reviewer': {
    submissionNumber: string;
    title: string;
    /** Already in the recipient's language, e.g. "accepted". */
    outcome: string;
  };
  'revisions-due-reminder': {
    submissionNumber: string;
    title: string;
    revisionsDueDate: string;
    overdue: boolean;
    statusUrl: string;
  };
  'stage-assignment': {
    submissionNumber: string;
    title: string;
    /** Already in the recipient's language, e.g. «التدقيق اللغوي» / "copyediting". */
    stageName: string;
    /** Already in the recipient's language, e.g. "copyeditor". */
    roleName: string;
    assignerName: string;
    workflowUrl: string;
  };
  'discussion-message': {
    submissionNumber: string;
    title: string;
    /** Already in the recipient's language. */
    stageName: string;
    /** The discussion's subject, as its starter wrote it. */
    subject: string;
    senderName: string;
    /** The message as written (plain text); empty when it only shares a file. */
    body: string;
    /** The file shared with the message, if any (its original name). */
    fileName: string | null;
    discussionUrl: string;
  };
}

export type EmailTemplateName = keyof EmailTemplateData;

export const EMAIL_TEMPLATE_NAMES: readonly EmailTemplateName[] = [
  'account-verification',
  'password-reset',
  'password-changed',
  'registration-attempt',
  'account-invitation',
  'journal-enrolment',
  'submission-acknowledgement',
  'submission-new-for-editor',
  'submission-withdrawn',
  'submission-resubmitted',
  'review-invitation',
  'review-accepted',
  'review-declined',
  'review-declined-editor',
  'review-response-reminder',
  'review-due-reminder',
  'review-overdue-editor',
  'review-cancelled',
  'review-reinstated',
  'review-unlocked',
  'review-thanks',
  'review-submitted-editor',
  'decision-letter',
  'decision-outcome-reviewer',
  'decision-recommended',
  'proof-ready',
  'article-published',
  'issue-publication-failed',
  'issue-published',
  'revisions-due-reminder',
  'stage-assignment',
  'discussion-message',
];
