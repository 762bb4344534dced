import { Injectable } from '@nestjs/common';
import type { Person, PersonNames } from '../editorial/people';
import type { JournalRef, Viewer } from '../editorial/request-context';
import { EditorialListing } from './editorial-listing.service';
import { type HistoryRow, SubmissionHistoryRepository } from './submission-history.repository';
import { SubmissionsService } from './submissions.service';

/** Something that happened to a submission: a recorded event, or an email about it. */
export type HistoryEntry =
  | {
      type: 'event';
      at: Date;
      kind: string;
      authorVisible: boolean;
      /** Who did it; for authors, only themselves (never an editor's or a reviewer's name). */
      actor: { id: string; names: PersonNames } | null;
      data: Record<string, unknown>;
    }
  | {
      type: 'email';
      at: Date;
      template: string;
      locale: string;
      recipient: { email: string; name: string | null };
      subject: string | null;
      /** `queued` until the worker has it; then the delivery's status. */
      status: string;
      sentAt: Date | null;
    };

/**
 * A submission's whole history in order: decisions, stage changes, assignments and every other
 * recorded event, with the emails sent about it and their delivery. Editors see all of it;
 * authors see the events marked author-visible and the emails sent to them.
 */
@Injectable()
export class SubmissionHistory {
  constructor(
    private readonly rows: SubmissionHistoryRepository,
    private readonly listing: EditorialListing,
    private readonly submissions: SubmissionsService,
  ) {}

  async forEditors(journal: JournalRef, viewer: Viewer, id: string): Promise<HistoryEntry[]> {
    await this.listing.handled(journal, viewer, id);
    return (await this.rows.rows(id, null)).map((row) => this.entry(row, null));
  }

  async forAuthor(id: string, user: Person): Promise<HistoryEntry[]> {
    await this.submissions.forSubmitter(id, user);
    return (await this.rows.rows(id, user.email)).map((row) => this.entry(row, user));
  }

  private entry(row: HistoryRow, author: Person | null): HistoryEntry {
    if (row.type === 'email')
      return {
        type: 'email',
        at: row.at,
        template: row.kind,
        locale: row.locale!,
        recipient: { email: row.recipient_email!, name: row.recipient_name },
        subject: row.subject,
        status: row.status!,
        sentAt: row.sent_at,
      };
    // Authors see only their own name on what they did; nobody else's.
    const actor =
      row.actor_id && (!author || row.actor_id === author.id)
        ? { id: row.actor_id, names: row.actor_names! }
        : null;
    return {
      type: 'event',
      at: row.at,
      kind: row.kind,
      authorVisible: row.author_visible ?? false,
      actor,
      data: row.data ?? {},
    };
  }
}
