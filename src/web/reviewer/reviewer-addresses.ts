import type { Locale } from '../../common/i18n/locale';

/**
 * The address of a reviewer's page: `/{locale}/j/{slug}/reviews/…`, each segment encoded (the
 * scheme the review emails' links follow too, see src/reviews/review-mailer.ts).
 */
export const reviewsAddress = (locale: Locale, slug: string, ...segments: string[]): string =>
  ['', locale, 'j', slug, 'reviews', ...segments].map(encodeURIComponent).join('/');
