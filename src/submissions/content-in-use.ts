import type { EntityManager } from 'typeorm';
import { DecisionAttachment } from '../decisions/decision-attachment.entity';
import { Galley } from '../publishing/entities/galley.entity';
import { Issue } from '../publishing/entities/issue.entity';
import { ReviewFile } from '../reviews/entities/review-file.entity';
import { SubmissionFile } from './entities/submission-file.entity';

/**
 * Whether any file row holds this stored content. Storage is content-addressed, so the same
 * bytes uploaded twice share one key: content is deleted from storage (a refused upload, a
 * replaced original) only when this says no. Every table with a storage key belongs here.
 */
export async function contentInUse(manager: EntityManager, key: string): Promise<boolean> {
  return (
    (await manager.exists(SubmissionFile, {
      where: [{ storageKey: key }, { anonymisedKey: key }],
    })) ||
    (await manager.exists(ReviewFile, { where: [{ storageKey: key }, { anonymisedKey: key }] })) ||
    (await manager.exists(DecisionAttachment, { where: { storageKey: key } })) ||
    (await manager.exists(Galley, { where: { storageKey: key } })) ||
    (await manager.exists(Issue, { where: { coverImageKey: key } }))
  );
}
