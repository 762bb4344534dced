import type { DataSource } from 'typeorm';
import { normalizeIssn } from '../../common/identifiers/issn';
import { Journal } from '../../journals/journal.entity';

export const DEMO_JOURNAL_SLUG = 'volunteering';

/** The journal the Gulf–Moroccan volunteering forum founded; `npm run demo` starts with it. */
export const DEMO_JOURNAL = {
  slug: DEMO_JOURNAL_SLUG,
  titles: {
    ar: 'مجلة العمل التطوعي المحكّمة',
    en: 'Journal of Volunteer Work',
    fr: 'Revue du travail bénévole',
  },
  primaryLocale: 'ar',
  additionalLocales: ['en', 'fr'],
  onlineIssn: '2958-1427',
  printIssn: null,
  publisherName: 'Arab Union for Volunteer Work',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
} as const satisfies Partial<Journal>;

/**
 * Creates or refreshes the demo journal. Idempotent: running the demo twice leaves one journal.
 * Later features extend the seed with their own demo data.
 */
export async function seedDemo(dataSource: DataSource): Promise<Journal> {
  if (!normalizeIssn(DEMO_JOURNAL.onlineIssn)) throw new Error('the demo ISSN must be valid');
  return dataSource.transaction(async (manager) => {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Journal)
      .values({ ...DEMO_JOURNAL, additionalLocales: [...DEMO_JOURNAL.additionalLocales] })
      .orUpdate(
        [
          'titles',
          'primary_locale',
          'additional_locales',
          'online_issn',
          'publisher_name',
          'licence_url',
        ],
        ['slug'],
      )
      .execute();
    return manager.findOneByOrFail(Journal, { slug: DEMO_JOURNAL_SLUG });
  });
}
