import type { Locale, LocalizedText } from '../common/i18n/locale';
import { displayName, type PersonNames } from '../editorial/people';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';

/**
 * What emails about a submission quote, in whichever language the recipient reads: its number,
 * title and abstract (never its authors), and the journal it is in.
 */
export interface SubmissionFacts {
  submission: {
    id: string;
    journalId: string;
    submitterId: string;
    number: string | null;
    stage: SubmissionStage;
    locale: Locale;
  };
  journal: {
    id: string;
    slug: string;
    titles: LocalizedText;
    primaryLocale: Locale;
    maxUploadMb: number;
  };
  number: string;
  titleIn(locale: Locale): string;
  abstractIn(locale: Locale): string;
}

/** Someone an email goes to: an account, or a contributor's address. */
export interface EmailRecipient {
  email: string;
  name: string | null;
  preferredLocale: string | null;
}

/** An email recipient from a person's account, in their language. */
export function recipientOf(person: {
  email: string;
  names: PersonNames;
  preferredLocale: Locale;
}) {
  return {
    email: person.email,
    name: displayName(person.names, person.preferredLocale) || null,
    preferredLocale: person.preferredLocale,
  };
}

/** Dates in emails: the calendar day, as ISO (unambiguous in all three languages). */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
