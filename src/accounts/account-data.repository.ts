import { Injectable } from '@nestjs/common';
import type { JournalRoleName } from '../editorial/roles';
import { Repository } from '../database/transactions';

/** A role the person holds, with the journal's slug. */
export interface RoleHeld {
  journalId: string;
  journalSlug: string;
  role: JournalRoleName;
}

export interface EmailReceived {
  template: string;
  locale: string;
  subject: string | null;
  status: string;
  sentAt: Date | null;
}

export interface ActivityRecord {
  occurredAt: Date;
  action: string;
  objectType: string;
  objectId: string | null;
  ip: string | null;
}

/**
 * What Tahkim holds about a person beyond their account, read (never written) from the tables
 * of those who keep it: their roles in journals, the emails delivered to them, and what the
 * audit log recorded them doing. For their profile and the export of their data.
 */
@Injectable()
export class AccountDataRepository extends Repository {
  /** Oldest first. */
  rolesOf(userId: string): Promise<RoleHeld[]> {
    return this.db.query(
      `SELECT r.journal_id AS "journalId", j.slug AS "journalSlug", r.role
         FROM journal_roles r JOIN journals j ON j.id = r.journal_id
        WHERE r.user_id = $1
        ORDER BY r.created_at ASC`,
      [userId],
    );
  }

  /** Oldest first. */
  emailsReceived(email: string): Promise<EmailReceived[]> {
    return this.db.query(
      `SELECT template, locale, subject, status, sent_at AS "sentAt"
         FROM email_deliveries
        WHERE recipient_email = $1
        ORDER BY created_at ASC`,
      [email],
    );
  }

  /** Oldest first. */
  activityOf(userId: string): Promise<ActivityRecord[]> {
    return this.db.query(
      `SELECT occurred_at AS "occurredAt", action, object_type AS "objectType",
              object_id AS "objectId", actor_ip AS "ip"
         FROM audit_events
        WHERE actor_user_id = $1
        ORDER BY occurred_at ASC`,
      [userId],
    );
  }
}
