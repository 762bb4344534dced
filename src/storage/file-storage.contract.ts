/// <reference types="jest" />
// (The reference keeps this helper type-correct in the build, which compiles src/ without jest.)
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { type FileStorage } from './file-storage';
import { InvalidStorageKeyError, StoredFileNotFoundError } from './storage.errors';

/** One fresh, empty storage per test, and a way to look at everything it holds. */
export interface FileStorageHarness {
  storage: FileStorage;
  /** Every file or object the backend holds right now, temporary ones included. */
  listAll(): Promise<string[]>;
  dispose(): Promise<void>;
}

const MiB = 1024 * 1024;
const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Reads a whole stream; only for the small payloads of these tests. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Hashes a stream without keeping it: what a caller checking a large download would do. */
export async function digestOf(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * A stream of `total` random bytes produced chunk by chunk (never one big Buffer); `digest()`
 * gives the expected hash once the stream has been consumed.
 */
export function generatedStream(total: number, chunkSize = 64 * 1024) {
  const hash = createHash('sha256');
  let produced = 0;
  async function* chunks() {
    while (produced < total) {
      const chunk = randomBytes(Math.min(chunkSize, total - produced));
      hash.update(chunk);
      produced += chunk.length;
      yield chunk;
    }
  }
  return {
    stream: Readable.from(chunks(), { objectMode: false }),
    digest: () => ({ sha256: hash.digest('hex'), size: produced }),
  };
}

/** A source that delivers `bytesBeforeFailure` bytes and then errors, like a dropped upload. */
export function failingStream(bytesBeforeFailure: number, error: Error): Readable {
  async function* chunks() {
    let sent = 0;
    while (sent < bytesBeforeFailure) {
      const chunk = randomBytes(Math.min(256 * 1024, bytesBeforeFailure - sent));
      sent += chunk.length;
      yield chunk;
    }
    throw error;
  }
  return Readable.from(chunks(), { objectMode: false });
}

const VALID_KEY = 'a'.repeat(64);
const INVALID_KEYS: unknown[] = [
  '../etc/passwd',
  '',
  '..',
  '/etc/passwd',
  `../${'a'.repeat(61)}`,
  `aa/${'a'.repeat(61)}`,
  'A'.repeat(64), // uppercase hex is not the canonical form
  'a'.repeat(63),
  'a'.repeat(65),
  `${'a'.repeat(64)}\n`,
  `${'a'.repeat(63)}g`,
  `${'a'.repeat(62)}%2f`,
  undefined,
  null,
  42,
];

/**
 * The behaviour every FileStorage driver must have. Each driver's spec calls this with a factory
 * for a fresh, empty storage, so the local disk and S3 are held to exactly the same rules.
 */
export function describeFileStorageContract(
  name: string,
  factory: () => Promise<FileStorageHarness>,
): void {
  describe(`${name}: FileStorage contract`, () => {
    let harness: FileStorageHarness;
    let storage: FileStorage;

    beforeEach(async () => {
      harness = await factory();
      storage = harness.storage;
    });

    afterEach(async () => {
      await harness?.dispose();
    });

    it('round-trips binary content and keys it by its SHA-256', async () => {
      const content = Buffer.concat([
        Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)),
        randomBytes(10_000),
      ]);

      const stored = await storage.put(Readable.from([content]));

      expect(stored).toEqual({ key: sha256(content), sha256: sha256(content), size: 10_256 });
      expect(stored.key).toMatch(/^[0-9a-f]{64}$/);
      expect((await readAll(await storage.get(stored.key))).equals(content)).toBe(true);
      expect(await storage.stat(stored.key)).toEqual({ size: 10_256 });
      expect(await storage.exists(stored.key)).toBe(true);
    });

    it('round-trips UTF-8 Arabic text byte for byte, even when chunks split characters', async () => {
      const text = 'تحكيم: مجلة علمية محكّمة — ملخّص البحث ١٢٣\nسطر ثانٍ 🙂';
      const bytes = Buffer.from(text, 'utf8');
      // Odd split points cut through the two-byte Arabic letters and the four-byte emoji.
      const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 30), bytes.subarray(30)];

      const stored = await storage.put(Readable.from(chunks), {
        contentType: 'text/plain; charset=utf-8',
      });

      expect(stored.key).toBe(sha256(bytes));
      expect(stored.size).toBe(bytes.length);
      expect((await readAll(await storage.get(stored.key))).toString('utf8')).toBe(text);
    });

    it('stores string chunks as UTF-8', async () => {
      const stored = await storage.put(Readable.from(['مرحبا', ' ', 'بالعالم']));

      expect(stored.key).toBe(sha256('مرحبا بالعالم'));
      expect((await readAll(await storage.get(stored.key))).toString('utf8')).toBe('مرحبا بالعالم');
    });

    it('stores empty content under the SHA-256 of nothing', async () => {
      const stored = await storage.put(Readable.from([]));

      expect(stored).toEqual({
        key: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        size: 0,
      });
      expect((await readAll(await storage.get(stored.key))).length).toBe(0);
      expect(await storage.stat(stored.key)).toEqual({ size: 0 });
    });

    it('keeps one copy of identical content and leaves no temporary files', async () => {
      const content = randomBytes(50_000);

      const first = await storage.put(Readable.from([content]));
      const second = await storage.put(
        Readable.from([content.subarray(0, 1), content.subarray(1)]),
      );

      expect(second).toEqual(first);
      expect(await harness.listAll()).toHaveLength(1);
      expect((await readAll(await storage.get(first.key))).equals(content)).toBe(true);
    });

    it('keeps one copy when identical content is stored concurrently', async () => {
      const content = randomBytes(200_000);

      const results = await Promise.all(
        Array.from({ length: 5 }, () => storage.put(Readable.from([content]))),
      );

      expect(new Set(results.map((result) => result.key))).toEqual(new Set([sha256(content)]));
      expect(await harness.listAll()).toHaveLength(1);
      expect((await readAll(await storage.get(sha256(content)))).equals(content)).toBe(true);
    });

    it('gives different content different keys', async () => {
      const a = await storage.put(Readable.from([Buffer.from('first version')]));
      const b = await storage.put(Readable.from([Buffer.from('second version')]));

      expect(a.key).not.toBe(b.key);
      expect(await harness.listAll()).toHaveLength(2);
      expect((await readAll(await storage.get(a.key))).toString()).toBe('first version');
      expect((await readAll(await storage.get(b.key))).toString()).toBe('second version');
    });

    it('streams a 20 MB upload through and back with matching hash and size', async () => {
      const source = generatedStream(20 * MiB);

      const stored = await storage.put(source.stream, { contentType: 'application/pdf' });
      const expected = source.digest();

      expect(stored).toEqual({ key: expected.sha256, sha256: expected.sha256, size: 20 * MiB });
      expect(await storage.stat(stored.key)).toEqual({ size: 20 * MiB });
      expect(await digestOf(await storage.get(stored.key))).toEqual(expected);
      expect(await harness.listAll()).toHaveLength(1);
    }, 120_000);

    it('reports a missing key as not found', async () => {
      const missing = sha256('never stored');

      await expect(storage.get(missing)).rejects.toBeInstanceOf(StoredFileNotFoundError);
      await expect(storage.get(missing)).rejects.toMatchObject({ key: missing });
      expect(await storage.stat(missing)).toBeNull();
      expect(await storage.exists(missing)).toBe(false);
    });

    it('deletes idempotently', async () => {
      const stored = await storage.put(Readable.from([Buffer.from('to be withdrawn')]));

      await storage.delete(stored.key);
      expect(await storage.exists(stored.key)).toBe(false);
      expect(await storage.stat(stored.key)).toBeNull();
      await expect(storage.get(stored.key)).rejects.toBeInstanceOf(StoredFileNotFoundError);
      await expect(storage.delete(stored.key)).resolves.toBeUndefined();
      await expect(storage.delete(sha256('never stored'))).resolves.toBeUndefined();
      expect(await harness.listAll()).toEqual([]);
    });

    it('can store content again after it was deleted', async () => {
      const content = Buffer.from('resubmitted manuscript');
      const first = await storage.put(Readable.from([content]));
      await storage.delete(first.key);

      const second = await storage.put(Readable.from([content]));

      expect(second.key).toBe(first.key);
      expect((await readAll(await storage.get(second.key))).equals(content)).toBe(true);
    });

    it.each(INVALID_KEYS.map((key) => [JSON.stringify(key) ?? String(key), key]))(
      'refuses the invalid key %s for every operation',
      async (_label, key) => {
        const bad = key as string;
        await expect(storage.get(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.stat(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.exists(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.delete(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      },
    );

    it('accepts a well-formed key that is simply not stored', async () => {
      await expect(storage.stat(VALID_KEY)).resolves.toBeNull();
    });

    it.each([
      ['immediately', 0],
      ['after a few hundred kilobytes', 300 * 1024],
      ['after several megabytes (past the first multipart part)', 7 * MiB],
    ])(
      'rejects a source that fails %s and leaves nothing behind',
      async (_when, bytes) => {
        const failure = new Error('client disconnected');
        const source = failingStream(bytes, failure);

        await expect(storage.put(source)).rejects.toBe(failure);

        expect(source.destroyed).toBe(true);
        expect(await harness.listAll()).toEqual([]);
        // The storage stays usable after a failed upload.
        const stored = await storage.put(Readable.from([Buffer.from('next upload')]));
        expect(await harness.listAll()).toHaveLength(1);
        expect((await readAll(await storage.get(stored.key))).toString()).toBe('next upload');
      },
      60_000,
    );

    it('is ready when the backend is usable', async () => {
      await expect(storage.checkReady()).resolves.toBeUndefined();
    });
  });
}
