import { Injectable } from '@nestjs/common';
import { displayName } from '../editorial/people';
import { JOURNAL_EDITORS } from '../editorial/roles';
import { isLocale } from '../common/i18n/locale';
import { type AccountRow, RecipientsRepository } from './recipients.repository';

/** Whom an email goes to. */
export interface Recipient {
  email: string;
  name: string | null;
  preferredLocale: string | null;
}

/** A person with an account, named in their own language. */
export function recipientOf(
  account: Pick<AccountRow, 'email' | 'names' | 'preferredLocale'>,
): Recipient {
  return {
    email: account.email,
    name:
      displayName(
        account.names,
        isLocale(account.preferredLocale) ? account.preferredLocale : undefined,
      ) || null,
    preferredLocale: account.preferredLocale,
  };
}

/** Who hears of an article and an issue: its authors, the journal's editors and readers. */
@Injectable()
export class Recipients {
  constructor(private readonly people: RecipientsRepository) {}

  /**
   * The submitter, and the corresponding author when someone else (by their account if they
   * have one, in their language).
   */
  async authors(submissionId: string, submitterId: string): Promise<Recipient[]> {
    const submitter = await this.people.account(submitterId);
    const recipients: Recipient[] = [recipientOf(submitter)];
    const corresponding = await this.people.correspondingEmail(submissionId);
    if (corresponding && corresponding !== submitter.email) {
      const account = await this.people.accountByEmail(corresponding);
      recipients.push(
        account
          ? recipientOf(account)
          : { email: corresponding, name: null, preferredLocale: null },
      );
    }
    return recipients;
  }

  /** The journal's editors and managers with an active account, each once. */
  async journalEditors(journalId: string): Promise<AccountRow[]> {
    const seen = new Set<string>();
    return (await this.people.withRoles(journalId, JOURNAL_EDITORS)).filter((account) => {
      if (account.status !== 'active' || seen.has(account.id)) return false;
      seen.add(account.id);
      return true;
    });
  }

  /** The journal's active readers, but for these people. */
  readers(journalId: string, except: string[]): Promise<AccountRow[]> {
    return this.people.readers(journalId, except);
  }
}
