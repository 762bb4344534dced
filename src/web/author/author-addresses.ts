import type { Locale } from '../../common/i18n/locale';

const journal = (locale: Locale, slug: string) => `/${locale}/j/${encodeURIComponent(slug)}`;

/** The submission's page, at one of its sections (`decision`, `proofs`, `discussion-<id>`…). */
export const submissionAddress = (locale: Locale, slug: string, id: string, section?: string) =>
  `${journal(locale, slug)}/submissions/${id}${section ? `#${section}` : ''}`;

/** The submission wizard (src/web/submit): a draft resumes there. */
export const wizardAddress = (locale: Locale, slug: string, id: string) =>
  `${journal(locale, slug)}/submit/${id}`;
