import type { Readable } from 'node:stream';
import { InvalidStorageKeyError } from './storage.errors';

/** What `put` returns. `key` and `sha256` are the same value: storage is content-addressed. */
export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

export interface PutFileOptions {
  /** Kept as object metadata by drivers that have it (S3); the database stays the source of truth. */
  contentType?: string;
}

export interface StoredFileStat {
  size: number;
}

/** A storage key: the lowercase hex SHA-256 of the content, nothing else. */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{64}$/;

export function isStorageKey(key: unknown): key is string {
  return typeof key === 'string' && STORAGE_KEY_PATTERN.test(key);
}

/** Every driver calls this first, so a key can never reach a path or an object name unchecked. */
export function assertStorageKey(key: unknown): asserts key is string {
  if (!isStorageKey(key)) throw new InvalidStorageKeyError(key);
}

/**
 * Content-addressed blob storage for manuscripts and other uploads. Also the Nest injection
 * token: inject `FileStorage`, never a driver, so the backend is a configuration choice.
 *
 * Uploads are streamed (hashed on the way through, never held whole in memory), identical
 * content is stored once, and a failed upload leaves nothing behind under its final key.
 */
export abstract class FileStorage {
  /** Streams `source` into storage and returns its key (the SHA-256 of the content). */
  abstract put(source: Readable, options?: PutFileOptions): Promise<StoredFile>;

  /** A stream of the content. Rejects with StoredFileNotFoundError when there is none. */
  abstract get(key: string): Promise<Readable>;

  /** The stored size, or null when the key is not stored. */
  abstract stat(key: string): Promise<StoredFileStat | null>;

  abstract exists(key: string): Promise<boolean>;

  /** Removes the content; deleting a key that is not stored is not an error. */
  abstract delete(key: string): Promise<void>;

  /** Resolves when the backend can be used; rejects with StorageUnavailableError otherwise. */
  abstract checkReady(): Promise<void>;
}
