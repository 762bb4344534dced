import { randomUUID } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentHasher } from './content-hasher';
import {
  assertStorageKey,
  FileStorage,
  type PutFileOptions,
  type StoredFile,
  type StoredFileStat,
} from './file-storage';
import { StorageUnavailableError, StoredFileNotFoundError } from './storage.errors';

// Duck-typed, not instanceof Error: fs errors can come from another realm (e.g. under jest).
const isErrno = (error: unknown, ...codes: string[]): boolean =>
  typeof error === 'object' &&
  error !== null &&
  codes.includes(String((error as NodeJS.ErrnoException).code));

/**
 * Files on the local disk at `<root>/<k[0..2]>/<k[2..4]>/<key>` (two fan-out levels keep
 * directories small). Uploads go to `<root>/.tmp/` first: it is on the same filesystem, so the
 * final rename is atomic and a reader never sees a half-written file.
 */
export class LocalFileStorage extends FileStorage {
  readonly tmpDir: string;

  /** @param root an absolute directory; created on first use. */
  constructor(readonly root: string) {
    super();
    this.tmpDir = join(root, '.tmp');
  }

  /** Where a key lives; the key is validated first, so the result is always inside root. */
  pathFor(key: string): string {
    assertStorageKey(key);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  // Local files carry no metadata: the content type lives with the database record.
  async put(source: Readable, _options?: PutFileOptions): Promise<StoredFile> {
    const tmpPath = join(this.tmpDir, randomUUID());
    try {
      await mkdir(this.tmpDir, { recursive: true });
      const hasher = new ContentHasher();
      // flush: fsync before close, so a crash right after the rename cannot leave an empty file.
      await pipeline(source, hasher, createWriteStream(tmpPath, { flags: 'wx', flush: true }));
      const key = hasher.sha256;
      const target = this.pathFor(key);
      await mkdir(dirname(target), { recursive: true });
      if (await this.statPath(target)) {
        await unlink(tmpPath); // same key, same bytes: keep the copy we already have
      } else {
        await this.moveIntoPlace(tmpPath, target);
      }
      return { key, sha256: key, size: hasher.size };
    } catch (error) {
      source.destroy(); // if we failed before reading it, release the upload it comes from
      await unlink(tmpPath).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathFor(key);
    // Open before returning so a missing file is a rejection here, not a later stream 'error'.
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw isErrno(error, 'ENOENT', 'ENOTDIR') ? new StoredFileNotFoundError(key) : error;
    });
    return handle.createReadStream(); // closes the handle when the stream ends or is destroyed
  }

  async stat(key: string): Promise<StoredFileStat | null> {
    return this.statPath(this.pathFor(key));
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathFor(key)).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT', 'ENOTDIR')) throw error;
    });
  }

  async checkReady(): Promise<void> {
    try {
      await mkdir(this.tmpDir, { recursive: true });
      await access(this.root, constants.R_OK | constants.W_OK);
      await access(this.tmpDir, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new StorageUnavailableError(`Local storage at ${this.root} is not usable`, {
        cause: error,
      });
    }
  }

  private async statPath(path: string): Promise<StoredFileStat | null> {
    try {
      const stats = await stat(path);
      return { size: stats.size };
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) return null;
      throw error;
    }
  }

  private async moveIntoPlace(tmpPath: string, target: string): Promise<void> {
    try {
      await rename(tmpPath, target);
    } catch (error) {
      // A concurrent put of the same content won the race (Windows refuses to replace a file).
      if (isErrno(error, 'EEXIST', 'EPERM') && (await this.statPath(target))) {
        await unlink(tmpPath);
        return;
      }
      throw error;
    }
  }
}
