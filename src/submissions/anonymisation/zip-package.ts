import JSZip from 'jszip';
import { DocumentAnonymisationError } from './anonymisation.errors';

interface PackageEntry {
  name: string;
  dir: boolean;
  date: Date;
  data: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A DOCX or ODT package held in memory, entries in their original order. Uploads are capped by
 * the intake (tens of MB), so reading every entry once is simpler and safer than streaming.
 */
export class ZipPackage {
  private readonly entries: PackageEntry[];

  private constructor(entries: PackageEntry[]) {
    this.entries = entries;
  }

  /** Reads every entry, checking CRCs: a damaged zip fails here, not in a reviewer's hands. */
  static async load(input: Buffer, label: string): Promise<ZipPackage> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(input, { checkCRC32: true, createFolders: false });
    } catch (error) {
      throw new DocumentAnonymisationError(`The ${label} file is not a readable zip package`, {
        cause: error,
      });
    }
    const entries: PackageEntry[] = [];
    try {
      for (const file of Object.values(zip.files)) {
        entries.push({
          name: file.name,
          dir: file.dir,
          date: file.date,
          data: file.dir ? new Uint8Array() : await file.async('uint8array'),
        });
      }
    } catch (error) {
      throw new DocumentAnonymisationError(`The ${label} file has a damaged entry`, {
        cause: error,
      });
    }
    return new ZipPackage(entries);
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
    const entry = this.entries.find((candidate) => !candidate.dir && candidate.name === name);
    if (!entry) throw new Error(`No entry ${name} to replace`);
    entry.data = Buffer.from(text, 'utf8');
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
