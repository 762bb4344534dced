/**
 * The data each email template needs, by template name. A template is
 * templates/email/<locale>/<name>.hbs; adding one means adding its line here, so callers and
 * templates cannot drift apart.
 */
export interface EmailTemplateData {
  'account-verification': { verificationUrl: string; expiresInHours: number };
}

export type EmailTemplateName = keyof EmailTemplateData;

export const EMAIL_TEMPLATE_NAMES: readonly EmailTemplateName[] = ['account-verification'];
