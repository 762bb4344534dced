import { Injectable } from '@nestjs/common';
import type { PersonNames } from '../editorial/people';
import type { JournalRoleName } from '../editorial/roles';
import { Repository } from '../database/transactions';

/** A person's account as emails need it. */
export interface AccountRow {
  id: string;
  email: string;
  names: PersonNames;
  preferredLocale: string;
  status: string;
}

const ACCOUNT_COLUMNS = `u.id, u.email, u.names, u.preferred_locale AS "preferredLocale", u.status`;

/** Who hears of publishing: read from the accounts, roles and contributors tables. */
@Injectable()
export class RecipientsRepository extends Repository {
  async account(id: string): Promise<AccountRow> {
    const [row]: AccountRow[] = await this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`,
      [id],
    );
    if (!row) throw new Error(`no user ${id}`);
    return row;
  }

  async accountByEmail(email: string): Promise<AccountRow | null> {
    const [row]: AccountRow[] = await this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.email = $1`,
      [email],
    );
    return row ?? null;
  }

  /** The email of the submission's corresponding author, if one is named. */
  async correspondingEmail(submissionId: string): Promise<string | null> {
    const [row]: { email: string }[] = await this.db.query(
      `SELECT email FROM contributors WHERE submission_id = $1 AND corresponding LIMIT 1`,
      [submissionId],
    );
    return row?.email ?? null;
  }

  /** Everyone holding one of these roles in the journal (a person once per role held). */
  withRoles(journalId: string, roles: readonly JournalRoleName[]): Promise<AccountRow[]> {
    return this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM journal_roles r JOIN users u ON u.id = r.user_id
        WHERE r.journal_id = $1 AND r.role = ANY($2)`,
      [journalId, roles],
    );
  }

  /** The journal's active readers, but for these people. */
  readers(journalId: string, except: string[]): Promise<AccountRow[]> {
    return this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM journal_roles r
         JOIN users u ON u.id = r.user_id AND u.status = 'active'
        WHERE r.journal_id = $1 AND r.role = 'reader'
          AND u.id <> ALL($2::uuid[])`,
      [journalId, except],
    );
  }
}
