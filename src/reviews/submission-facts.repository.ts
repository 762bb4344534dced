import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import type { PersonNames } from '../editorial/people';
import { type EmailRecipient, recipientOf, type SubmissionFacts } from './email-facts';

/** A person emails go to, with what decides whether they get one. */
export interface EmailPerson {
  id: string;
  email: string;
  names: PersonNames;
  preferredLocale: Locale;
  status: 'active' | 'invited' | 'deleted';
}

const PERSON_COLUMNS = `u.id, u.email, u.names, u.preferred_locale AS "preferredLocale", u.status`;

/**
 * What emails about a submission need to know of it: its facts, its authors, its editors. The
 * reads take the transaction to run in (the ambient one for this feature's services).
 */
@Injectable()
export class SubmissionFactsRepository extends Repository {
  facts(submissionId: string): Promise<SubmissionFacts> {
    return loadSubmissionFacts(this.db, submissionId);
  }

  authors(submissionId: string, submitterId: string): Promise<EmailRecipient[]> {
    return authorsOf(this.db, submissionId, submitterId);
  }

  editors(facts: SubmissionFacts): Promise<EmailPerson[]> {
    return editorsOf(this.db, facts);
  }
}

/** The facts of a submission, read in the transaction of `db`. */
async function loadSubmissionFacts(
  db: EntityManager,
  submissionId: string,
): Promise<SubmissionFacts> {
  const [row]: (SubmissionFacts['submission'] & { journal: SubmissionFacts['journal'] })[] =
    await db.query(
      `SELECT s.id, s.journal_id AS "journalId", s.submitter_id AS "submitterId", s.number,
              s.stage, s.locale,
              json_build_object('id', j.id, 'slug', j.slug, 'titles', j.titles,
                                'primaryLocale', j.primary_locale,
                                'maxUploadMb', j.max_upload_mb) AS journal
         FROM submissions s JOIN journals j ON j.id = s.journal_id
        WHERE s.id = $1`,
      [submissionId],
    );
  if (!row) throw new Error(`no submission ${submissionId}`);
  const metadata: { locale: string; title: string; abstract: string | null }[] = await db.query(
    'SELECT locale, title, abstract FROM submission_metadata WHERE submission_id = $1',
    [submissionId],
  );
  const { journal, ...submission } = row;
  const entryIn = (locale: Locale) =>
    metadata.find((entry) => entry.locale === locale) ??
    metadata.find((entry) => entry.locale === submission.locale) ??
    metadata[0];
  return {
    submission,
    journal,
    number: submission.number ?? '',
    titleIn: (locale) => entryIn(locale)?.title ?? '',
    abstractIn: (locale) => entryIn(locale)?.abstract ?? '',
  };
}

/**
 * The submitter and the corresponding author (once if they are the same person), read in the
 * transaction of `db`.
 */
async function authorsOf(
  db: EntityManager,
  submissionId: string,
  submitterId: string,
): Promise<EmailRecipient[]> {
  const [submitter]: EmailPerson[] = await db.query(
    `SELECT ${PERSON_COLUMNS} FROM users u WHERE u.id = $1`,
    [submitterId],
  );
  if (!submitter) throw new Error(`no user ${submitterId}`);
  const recipients: EmailRecipient[] = [recipientOf(submitter)];
  const [corresponding]: { email: string }[] = await db.query(
    'SELECT email FROM contributors WHERE submission_id = $1 AND corresponding LIMIT 1',
    [submissionId],
  );
  if (corresponding && corresponding.email !== submitter.email) {
    const [account]: EmailPerson[] = await db.query(
      `SELECT ${PERSON_COLUMNS} FROM users u WHERE u.email = $1 LIMIT 1`,
      [corresponding.email],
    );
    recipients.push(
      account
        ? recipientOf(account)
        : { email: corresponding.email, name: null, preferredLocale: null },
    );
  }
  return recipients;
}

/**
 * The submission's active editors, or the journal's active editors (not its submitter) when
 * none is assigned, read in the transaction of `db`.
 */
async function editorsOf(db: EntityManager, facts: SubmissionFacts): Promise<EmailPerson[]> {
  const assigned: EmailPerson[] = await db.query(
    `SELECT ${PERSON_COLUMNS} FROM submission_editors e JOIN users u ON u.id = e.user_id
      WHERE e.submission_id = $1`,
    [facts.submission.id],
  );
  const active = assigned.filter((user) => user.status === 'active');
  if (active.length) return active;
  const editors: EmailPerson[] = await db.query(
    `SELECT ${PERSON_COLUMNS} FROM journal_roles r JOIN users u ON u.id = r.user_id
      WHERE r.journal_id = $1 AND r.role = 'editor'`,
    [facts.journal.id],
  );
  return editors.filter(
    (user) => user.status === 'active' && user.id !== facts.submission.submitterId,
  );
}
