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
  'submission-resubmitted': {
    submissionNumber: string;
    title: string;
    round: number;
    resubmittedAt: string;
    workflowUrl: string;
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
];
