import type { EntityManager } from 'typeorm';
import { anyRowHolds } from './submission-files.repository';

/**
 * Whether any file row holds this stored content. Storage is content-addressed, so the same
 * bytes uploaded twice share one key: content is deleted from storage (a refused upload, a
 * replaced original) only when this says no.
 *
 * For decisions, production, publishing and reviews, until they use StoredContent.inUse (every
 * feature registering its own holder).
 */
export function contentInUse(manager: EntityManager, key: string): Promise<boolean> {
  return anyRowHolds(manager, key);
}
