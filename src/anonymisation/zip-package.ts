import JSZip from 'jszip';
import { crc32, type Inflate } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DocumentAnonymisationError, UncleanableFileError } from './anonymisation.errors';
import { ArchiveBudget, ArchiveLimitError } from './archive-limits';

interface PackageEntry {
  name: string;
  dir: boolean;
  date: Date;
  data: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const STORED = 0;
const DEFLATED = 8;

function openZip(input: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      input,
      // validateEntrySizes off: readEntry compares the bytes with the declared size itself. With
      // yauzl's check, an entry lying about its size failed at its first byte past it as a
      // damaged file (400), so a bomb with lying headers was never answered with its limit.
      { lazyEntries: true, validateEntrySizes: false, decodeStrings: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

/**
 * Inflates one entry, counting bytes against the budget as they arrive and checking the size
 * and the CRC: a bomb is stopped at its first chunk past a limit, never inflated whole.
 */
function readEntry(zip: ZipFile, entry: Entry, budget: ArchiveBudget, where: string) {
  return new Promise<Uint8Array>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let chunks: Buffer[] = [];
      let size = 0;
      let crc = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Past its declared size the entry lied, and is refused whatever follows. Its bytes are
        // no longer kept, only counted, so that a bomb is answered with the limit it breaks and
        // a smaller lie as damage; and its ratio is no longer the one it declared but the one
        // it inflates at: over the compressed bytes zlib has consumed so far (bytesWritten of
        // the inflate stream yauzl hands out when it does not validate sizes). A 1 GiB entry
        // of zeros claiming 4 KiB is stopped past 1 MiB (the grace), not at 100 × its
        // compressed size (100 MiB, half a second of a core).
        const lied = size > entry.uncompressedSize;
        const consumed = lied ? (stream as Partial<Inflate>).bytesWritten : undefined;
        try {
          budget.checkInflating(size, consumed ?? entry.compressedSize, where);
        } catch (limit) {
          stream.destroy();
          return reject(limit as Error);
        }
        if (lied) {
          chunks = [];
          return;
        }
        crc = crc32(chunk, crc);
        chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => {
        if (size !== entry.uncompressedSize)
          return reject(
            new Error(
              `${entry.fileName} unpacks to ${size} bytes, not the ${entry.uncompressedSize} it declares`,
            ),
          );
        if (crc >>> 0 !== entry.crc32 >>> 0)
          return reject(new Error(`bad CRC in ${entry.fileName}`));
        budget.spend(size);
        resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
      });
    });
  });
}

/**
 * An office package (OOXML or ODF) held in memory, entries in their original order. Read with
 * the archive limits of `budget` (see archive-limits.ts); written back with JSZip.
 */
export class ZipPackage {
  private readonly entries: PackageEntry[];

  private constructor(entries: PackageEntry[]) {
    this.entries = entries;
  }

  /**
   * Reads every entry, checking sizes against the budget and CRCs: a damaged zip fails here,
   * not in a reviewer's hands. `where` prefixes entry names in errors ('' at the top level).
   */
  static async load(
    input: Buffer,
    label: string,
    budget: ArchiveBudget,
    where = '',
  ): Promise<ZipPackage> {
    let zip: ZipFile;
    try {
      zip = await openZip(input);
    } catch (error) {
      throw new DocumentAnonymisationError(`${label} is not a readable zip package`, {
        cause: error,
      });
    }
    try {
      budget.countEntries(zip.entryCount, where || label);
      // Every entry's declared sizes first, against what the budget has left: without this pass
      // the entries were inflated (and held) one by one until the one whose declared size broke
      // the total, so a package of 100 MiB parts cost 200 MiB before its 413.
      const declared = new ArchiveBudget(budget.limits);
      declared.spend(budget.spent);
      await checkDeclaredEntries(input, declared, where);
      return new ZipPackage(await ZipPackage.readAll(zip, label, budget, where));
    } finally {
      zip.close();
    }
  }

  private static readAll(
    zip: ZipFile,
    label: string,
    budget: ArchiveBudget,
    where: string,
  ): Promise<PackageEntry[]> {
    const entries: PackageEntry[] = [];
    const seen = new Set<string>();
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) => {
        zip.removeAllListeners();
        if (error instanceof ArchiveLimitError || error instanceof DocumentAnonymisationError)
          reject(error);
        else
          reject(
            new DocumentAnonymisationError(`${label} has a damaged part`, {
              cause: error,
            }),
          );
      };
      zip.on('error', fail);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: Entry) => {
        const name = entry.fileName;
        const at = `${where}${name}`;
        const dir = name.endsWith('/');
        try {
          // Two entries of one name: a reader may show either, so neither can be trusted clean.
          if (seen.has(name.toLowerCase()))
            throw new DocumentAnonymisationError(`${label} has two parts named ${name}`);
          seen.add(name.toLowerCase());
          if (entry.isEncrypted())
            throw new UncleanableFileError(`${at} is encrypted, so it cannot be cleaned`);
          if (!dir && ![STORED, DEFLATED].includes(entry.compressionMethod))
            throw new UncleanableFileError(
              `${at} uses a compression method (${entry.compressionMethod}) Tahkim cannot read`,
            );
          budget.checkDeclared(entry.uncompressedSize, entry.compressedSize, at);
        } catch (error) {
          return fail(error);
        }
        const date = entry.getLastModDate();
        if (dir) {
          entries.push({ name, dir, date, data: new Uint8Array() });
          zip.readEntry();
          return;
        }
        readEntry(zip, entry, budget, at).then((data) => {
          entries.push({ name, dir, date, data });
          zip.readEntry();
        }, fail);
      });
      zip.readEntry();
    });
  }

  names(): string[] {
    return this.entries.filter((entry) => !entry.dir).map((entry) => entry.name);
  }

  has(name: string): boolean {
    return this.entries.some((entry) => !entry.dir && entry.name === name);
  }

  bytes(name: string): Uint8Array | undefined {
    return this.entries.find((entry) => !entry.dir && entry.name === name)?.data;
  }

  /** The entry as UTF-8 text (what Word and LibreOffice write); anything else is refused. */
  text(name: string): string {
    const data = this.bytes(name);
    if (data === undefined) throw new DocumentAnonymisationError(`The package has no ${name}`);
    try {
      return utf8.decode(data);
    } catch (error) {
      throw new DocumentAnonymisationError(`${name} is not UTF-8 text`, { cause: error });
    }
  }

  /** Replaces the content of an existing entry, keeping its place and date. */
  setText(name: string, text: string): void {
    this.setBytes(name, Buffer.from(text, 'utf8'));
  }

  setBytes(name: string, data: Uint8Array): void {
    const entry = this.entries.find((candidate) => !candidate.dir && candidate.name === name);
    if (!entry) throw new Error(`No entry ${name} to replace`);
    entry.data = data;
  }

  remove(name: string): boolean {
    const index = this.entries.findIndex((entry) => !entry.dir && entry.name === name);
    if (index === -1) return false;
    this.entries.splice(index, 1);
    return true;
  }

  /**
   * Writes the package back: `first` leads (OPC wants [Content_Types].xml early; ODF demands
   * `mimetype` first), everything else follows in its original order, DEFLATE-compressed except
   * the entries in `stored`. The zip comment and per-entry comments are not carried over.
   */
  async toBuffer(first: string, stored: readonly string[] = []): Promise<Buffer> {
    const zip = new JSZip();
    const ordered = [
      ...this.entries.filter((entry) => entry.name === first),
      ...this.entries.filter((entry) => entry.name !== first),
    ];
    for (const entry of ordered) {
      // createFolders: false, or JSZip would invent directory entries Word never wrote.
      if (entry.dir) {
        zip.file(entry.name, null, { dir: true, date: entry.date, createFolders: false });
        continue;
      }
      zip.file(entry.name, entry.data, {
        date: entry.date,
        binary: true,
        createFolders: false,
        compression: stored.includes(entry.name) ? 'STORE' : 'DEFLATE',
      });
    }
    return zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
      platform: 'DOS',
    });
  }
}

/**
 * The cheap check for files that are stored but not opened now (an office file in a journal
 * without double-anonymous review): the central directory's entry count and declared sizes.
 * Throws ArchiveLimitError; a file that is not a zip passes (its own reader will refuse it).
 */
export async function checkDeclaredArchive(input: Buffer, budget: ArchiveBudget): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openZip(input);
  } catch {
    return;
  }
  try {
    budget.countEntries(zip.entryCount, 'the file');
  } finally {
    zip.close();
  }
  await checkDeclaredEntries(input, budget, '');
}

/**
 * Each entry's declared sizes against the budget, spending them: the central directory only,
 * nothing inflated. A damaged directory passes (the reader that opens the file refuses it).
 */
async function checkDeclaredEntries(
  input: Buffer,
  budget: ArchiveBudget,
  where: string,
): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openZip(input);
  } catch {
    return;
  }
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => resolve());
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        try {
          budget.checkDeclared(
            entry.uncompressedSize,
            entry.compressedSize,
            `${where}${entry.fileName}`,
          );
        } catch (error) {
          zip.removeAllListeners();
          return reject(error as Error);
        }
        budget.spend(entry.uncompressedSize);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
