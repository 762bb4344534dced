import { Injectable } from '@nestjs/common';
import type { Locale, LocalizedText } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import type { PersonNames } from '../editorial/people';
import { SubmissionEditor } from './entities/submission-editor.entity';

/** A section as submitting reads it (the journals' table, read only). */
export interface SectionFacts {
  id: string;
  titles: LocalizedText;
  openForSubmissions: boolean;
}

/** Someone emails go to: an editor of a submission. */
export interface EditorContact {
  id: string;
  email: string;
  names: PersonNames;
  preferredLocale: Locale;
}

interface UserRow {
  id: string;
  email: string;
  names: PersonNames;
  preferred_locale: Locale;
}

const contactOf = (row: UserRow): EditorContact => ({
  id: row.id,
  email: row.email,
  names: row.names,
  preferredLocale: row.preferred_locale,
});

/**
 * What handing a draft to the editors reads and writes: its section, the journal's numbering,
 * who may edit it (sections, roles and accounts are read by table name) and its editors.
 */
@Injectable()
export class SubmittingRepository extends Repository {
  async section(journalId: string, sectionId: string): Promise<SectionFacts | null> {
    const [row]: { id: string; titles: LocalizedText; open_for_submissions: boolean }[] =
      await this.db.query(
        'SELECT id, titles, open_for_submissions FROM sections WHERE id = $1 AND journal_id = $2',
        [sectionId, journalId],
      );
    return row
      ? { id: row.id, titles: row.titles, openForSubmissions: row.open_for_submissions }
      : null;
  }

  /** Holds the journal's numbering until the transaction ends: one number at a time. */
  async lockNumbering(journalId: string): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `submission-number:${journalId}`,
    ]);
  }

  /** How many of the journal's submissions have a number starting with `prefix`. */
  async countNumbered(journalId: string, prefix: string): Promise<number> {
    const [{ count }]: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM submissions WHERE journal_id = $1 AND number LIKE $2`,
      [journalId, `${prefix}%`],
    );
    return count;
  }

  async sectionEditorIds(sectionId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(
      'SELECT user_id FROM section_editors WHERE section_id = $1',
      [sectionId],
    );
    return rows.map((row) => row.user_id);
  }

  async journalEditorIds(journalId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT user_id FROM journal_roles WHERE journal_id = $1 AND role = 'editor'`,
      [journalId],
    );
    return rows.map((row) => row.user_id);
  }

  /** The contributors' addresses, lower-cased. */
  async contributorEmails(submissionId: string): Promise<Set<string | null>> {
    const rows: { email: string | null }[] = await this.db.query(
      'SELECT lower(email) AS email FROM contributors WHERE submission_id = $1',
      [submissionId],
    );
    return new Set(rows.map((row) => row.email));
  }

  /** The active accounts among `ids`. */
  async activePeople(ids: string[]): Promise<EditorContact[]> {
    if (ids.length === 0) return [];
    const rows: UserRow[] = await this.db.query(
      `SELECT id, email, names, preferred_locale FROM users WHERE id = ANY($1) AND status = 'active'`,
      [ids],
    );
    return rows.map(contactOf);
  }

  async assignEditors(submissionId: string, userIds: string[]): Promise<void> {
    if (userIds.length)
      await this.db.insert(
        SubmissionEditor,
        userIds.map((userId) => ({ submissionId, userId })),
      );
  }

  /** The submission's editors, as emails reach them. */
  async editorsOf(submissionId: string): Promise<EditorContact[]> {
    const rows: UserRow[] = await this.db.query(
      `SELECT u.id, u.email, u.names, u.preferred_locale
         FROM submission_editors ed JOIN users u ON u.id = ed.user_id
        WHERE ed.submission_id = $1`,
      [submissionId],
    );
    return rows.map(contactOf);
  }

  /** The language of the account with this address, if there is one. */
  async localeOfAccount(email: string): Promise<Locale | null> {
    const [row]: { preferred_locale: Locale }[] = await this.db.query(
      'SELECT preferred_locale FROM users WHERE email = $1',
      [email],
    );
    return row?.preferred_locale ?? null;
  }
}
