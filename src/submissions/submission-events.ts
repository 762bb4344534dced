import type { EntityManager } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { SubmissionEvent } from './entities/submission-event.entity';

// For production, publishing and reviews, until they use SubmissionEvents.record (typed kinds,
// author visibility from the kind).
/**
 * One line of a submission's history, written in the caller's transaction. Authors see it only
 * when `authorVisible`: review events, for one, never are (they would tell who reviews).
 */
export async function recordEvent(
  manager: EntityManager,
  submissionId: string,
  actor: Actor,
  kind: string,
  data: Record<string, unknown> = {},
  authorVisible = false,
): Promise<void> {
  await manager.insert(SubmissionEvent, {
    submissionId,
    actorId: actor.userId ?? null,
    kind,
    authorVisible,
    data: data as never,
  });
}
