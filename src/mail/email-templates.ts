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
}

export type EmailTemplateName = keyof EmailTemplateData;

export const EMAIL_TEMPLATE_NAMES: readonly EmailTemplateName[] = [
  'account-verification',
  'password-reset',
  'password-changed',
  'registration-attempt',
  'account-invitation',
  'journal-enrolment',
];
