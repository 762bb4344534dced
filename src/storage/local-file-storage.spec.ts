import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { describeFileStorageContract, failingStream } from './file-storage.contract';
import { LocalFileStorage } from './local-file-storage';
import { InvalidStorageKeyError, StorageUnavailableError } from './storage.errors';

/** Every regular file under `dir`, as sorted POSIX-style relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tahkim-storage-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeFileStorageContract('LocalFileStorage', async () => {
  const root = await tempDir();
  return {
    storage: new LocalFileStorage(join(root, 'files')), // created on first use
    listAll: () => filesUnder(join(root, 'files')),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
});

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(async () => {
    root = await tempDir();
    storage = new LocalFileStorage(root);
  });

  it('lays files out as <root>/<k[0..2]>/<k[2..4]>/<key> with no .tmp leftovers', async () => {
    const content = Buffer.from('<manuscript/>');
    const key = createHash('sha256').update(content).digest('hex');

    await storage.put(Readable.from([content]));
    await storage.put(Readable.from([content]));

    expect(await filesUnder(root)).toEqual([`${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`]);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
    expect(await readFile(storage.pathFor(key))).toEqual(content);
  });

  it('removes the temporary file when the source fails midway', async () => {
    const failure = new Error('socket hang up');

    await expect(storage.put(failingStream(2 * 1024 * 1024, failure))).rejects.toBe(failure);

    expect(await readdir(join(root, '.tmp'))).toEqual([]);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('never turns a key into a path outside the root', () => {
    expect(() => storage.pathFor('../../etc/passwd')).toThrow(InvalidStorageKeyError);
    expect(storage.pathFor('ab'.repeat(32))).toBe(join(root, 'ab', 'ab', 'ab'.repeat(32)));
  });

  it('is not ready when the root cannot be a directory', async () => {
    const file = join(root, 'not-a-directory');
    await writeFile(file, 'occupied');

    const broken = new LocalFileStorage(file);

    await expect(broken.checkReady()).rejects.toBeInstanceOf(StorageUnavailableError);
    const source = Readable.from([Buffer.from('x')]);
    await expect(broken.put(source)).rejects.toThrow();
    expect(source.destroyed).toBe(true);
  });
});
