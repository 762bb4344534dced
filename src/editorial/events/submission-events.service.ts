import { Injectable } from '@nestjs/common';
import type { Actor } from '../request-context';
import { SubmissionEventsRepository } from './submission-events.repository';
import { authorSees, type SubmissionEventInput } from './submission-event';

/**
 * The one writer of a submission's history. Each event is one of the kinds the union names,
 * with its facts; whether the author sees it follows from its kind, never from the caller.
 */
@Injectable()
export class SubmissionEvents {
  constructor(private readonly rows: SubmissionEventsRepository) {}

  /** Records `event` in the ambient transaction. */
  record(submissionId: string, actor: Actor, event: SubmissionEventInput): Promise<void> {
    return this.rows.append({
      submissionId,
      actorId: actor.userId ?? null,
      kind: event.kind,
      authorVisible: authorSees(event.kind),
      data: event.data ?? {},
    });
  }
}
