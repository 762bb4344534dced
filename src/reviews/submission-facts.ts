import type { EntityManager } from 'typeorm';
import { displayName, type User } from '../accounts/user.entity';
import type { Locale } from '../common/i18n/locale';
import { type Journal } from '../journals/journal.entity';
import { SubmissionMetadata } from '../submissions/entities/submission-metadata.entity';
import { Submission } from '../submissions/entities/submission.entity';

/**
 * What emails about a submission quote, in whichever language the recipient reads: its number,
 * title and abstract (never its authors).
 */
export interface SubmissionFacts {
  submission: Submission;
  journal: Journal;
  number: string;
  titleIn(locale: Locale): string;
  abstractIn(locale: Locale): string;
}

export async function loadSubmissionFacts(
  manager: EntityManager,
  submissionId: string,
): Promise<SubmissionFacts> {
  const submission = await manager.findOneOrFail(Submission, {
    where: { id: submissionId },
    relations: { journal: true },
  });
  const metadata = await manager.findBy(SubmissionMetadata, { submissionId });
  const entryIn = (locale: Locale) =>
    metadata.find((entry) => entry.locale === locale) ??
    metadata.find((entry) => entry.locale === submission.locale) ??
    metadata[0];
  return {
    submission,
    journal: submission.journal!,
    number: submission.number ?? '',
    titleIn: (locale) => entryIn(locale)?.title ?? '',
    abstractIn: (locale) => entryIn(locale)?.abstract ?? '',
  };
}

/** An email recipient from a user account, in their language. */
export function recipientOf(user: User) {
  return {
    email: user.email,
    name: displayName(user.names, user.preferredLocale) || null,
    preferredLocale: user.preferredLocale,
  };
}

/** Dates in emails: the calendar day, as ISO (unambiguous in all three languages). */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
