import { Injectable } from '@nestjs/common';

/** Whether any row of a feature's tables holds this stored content (its storage key). */
export type ContentHolder = (key: string) => Promise<boolean>;

/**
 * Storage is content-addressed, so the same bytes uploaded twice share one key: content is
 * deleted from storage (a refused upload, a replaced original) only when no feature's rows hold
 * it. Each feature with storage keys registers how to ask its own tables (at module init).
 */
@Injectable()
export class StoredContent {
  private readonly holders = new Map<string, ContentHolder>();

  /** `owner` names the feature (one holder each). */
  register(owner: string, holder: ContentHolder): void {
    this.holders.set(owner, holder);
  }

  async inUse(key: string): Promise<boolean> {
    for (const holder of this.holders.values()) if (await holder(key)) return true;
    return false;
  }
}
