import { ApiProperty } from '@nestjs/swagger';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import {
  COPYRIGHT_HOLDER_RULES,
  type CopyrightHolderRule,
  type Journal,
  REVIEW_POLICIES,
  type ReviewPolicy,
} from '../journal.entity';

/** The OpenAPI schema of a text per language, e.g. `{ ar: '…', en: '…' }`. */
export const LOCALIZED_TEXT = {
  type: 'object' as const,
  additionalProperties: { type: 'string' as const },
  example: { ar: '…', en: '…', fr: '…' },
};

export class ChecklistItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(LOCALIZED_TEXT)
  text: LocalizedText;
}

/** What anyone may read about a journal: everything but when its row was created. */
export class JournalResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'volunteering' })
  slug: string;

  @ApiProperty(LOCALIZED_TEXT)
  titles: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  abbreviations: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  descriptions: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  focusAndScope: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  authorGuidelines: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  privacyStatements: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  openAccessStatements: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  publicationEthics: LocalizedText;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  primaryLocale: Locale;

  @ApiProperty({ enum: SUPPORTED_LOCALES, isArray: true })
  additionalLocales: Locale[];

  @ApiProperty({ type: String, nullable: true, example: '2958-1427' })
  onlineIssn: string | null;

  @ApiProperty({ type: String, nullable: true })
  printIssn: string | null;

  @ApiProperty()
  publisherName: string;

  @ApiProperty({ type: String, nullable: true })
  publisherPlace: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactEmail: string | null;

  @ApiProperty({ type: String, nullable: true, example: '10.32013' })
  doiPrefix: string | null;

  @ApiProperty({ example: '{journal}.{year}.{article}' })
  doiSuffixPattern: string;

  @ApiProperty({ enum: COPYRIGHT_HOLDER_RULES })
  copyrightHolderRule: CopyrightHolderRule;

  @ApiProperty({ example: 'https://creativecommons.org/licenses/by/4.0/' })
  licenceUrl: string;

  @ApiProperty({ enum: REVIEW_POLICIES })
  reviewPolicy: ReviewPolicy;

  @ApiProperty({ type: 'integer' })
  reviewResponseDays: number;

  @ApiProperty({ type: 'integer' })
  reviewDueDays: number;

  @ApiProperty({
    type: 'integer',
    description: 'Days before a due date when the reviewer is reminded',
  })
  reviewReminderDays: number;

  @ApiProperty({ type: 'integer', description: 'Days between reminders once overdue' })
  reviewOverdueReminderDays: number;

  @ApiProperty({ type: 'integer', description: 'Overdue reminders before the editor is told' })
  reviewOverdueReminders: number;

  @ApiProperty({ type: 'integer' })
  minReviewsPerRound: number;

  @ApiProperty({ description: 'Section editors recommend decisions instead of taking them' })
  sectionEditorsRecommend: boolean;

  @ApiProperty({ type: [ChecklistItemResponse] })
  submissionChecklist: ChecklistItemResponse[];

  @ApiProperty({ enum: SUPPORTED_LOCALES, isArray: true })
  requiredAbstractLocales: Locale[];

  @ApiProperty({ type: 'integer', description: 'Largest file an author may upload, in megabytes' })
  maxUploadMb: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export function toJournalResponse(journal: Journal): JournalResponse {
  return {
    id: journal.id,
    slug: journal.slug,
    titles: journal.titles,
    abbreviations: journal.abbreviations,
    descriptions: journal.descriptions,
    focusAndScope: journal.focusAndScope,
    authorGuidelines: journal.authorGuidelines,
    privacyStatements: journal.privacyStatements,
    openAccessStatements: journal.openAccessStatements,
    publicationEthics: journal.publicationEthics,
    primaryLocale: journal.primaryLocale,
    additionalLocales: journal.additionalLocales,
    onlineIssn: journal.onlineIssn,
    printIssn: journal.printIssn,
    publisherName: journal.publisherName,
    publisherPlace: journal.publisherPlace,
    contactEmail: journal.contactEmail,
    doiPrefix: journal.doiPrefix,
    doiSuffixPattern: journal.doiSuffixPattern,
    copyrightHolderRule: journal.copyrightHolderRule,
    licenceUrl: journal.licenceUrl,
    reviewPolicy: journal.reviewPolicy,
    reviewResponseDays: journal.reviewResponseDays,
    reviewDueDays: journal.reviewDueDays,
    reviewReminderDays: journal.reviewReminderDays,
    reviewOverdueReminderDays: journal.reviewOverdueReminderDays,
    reviewOverdueReminders: journal.reviewOverdueReminders,
    minReviewsPerRound: journal.minReviewsPerRound,
    sectionEditorsRecommend: journal.sectionEditorsRecommend,
    submissionChecklist: journal.submissionChecklist,
    requiredAbstractLocales: journal.requiredAbstractLocales,
    maxUploadMb: journal.maxUploadMb,
    updatedAt: journal.updatedAt,
  };
}
