/**
 * Limits on what any zip the server opens may unpack to (office packages, the packages and
 * files embedded in them, PDF attachments). A 1 MB upload can hold a 1 GiB entry; without
 * these, opening it would take the API's memory and a core for as long as it inflates.
 *
 * Declared sizes are checked first (the central directory gives them for free), then the bytes
 * actually inflated are counted as they stream, so an archive that lies about its sizes is
 * stopped at the first byte past a limit. One budget is shared by a file and everything nested
 * in it, so the limits hold for the whole tree, not per level.
 */

/** Which limit an archive broke: part of the problem answer (`limit`). */
export enum ArchiveLimit {
  TotalBytes = 'total-uncompressed-bytes',
  EntryBytes = 'entry-uncompressed-bytes',
  Entries = 'entries',
  Ratio = 'compression-ratio',
  Depth = 'nesting-depth',
}

export interface ArchiveLimits {
  /** Everything a file unpacks to, nested packages and attachments included. */
  totalBytes: number;
  /** One entry (or one PDF stream) once inflated. */
  entryBytes: number;
  /** Entries across the whole tree. */
  entries: number;
  /**
   * Uncompressed to compressed, per entry. Apache POI refuses past 100:1 (its
   * ZipSecureFile's 1% inflate ratio); real document parts stay far below.
   */
  ratio: number;
  /** Entries smaller than this are not held to the ratio: tiny parts compress wildly. */
  ratioGraceBytes: number;
  /** Containers inside containers: a document in a workbook in a document is depth 2. */
  depth: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  totalBytes: 256 * MiB,
  entryBytes: 128 * MiB,
  entries: 10_000,
  ratio: 100,
  ratioGraceBytes: 1 * MiB,
  depth: 3,
});

const LIMIT_WORDS: Record<ArchiveLimit, (max: number) => string> = {
  [ArchiveLimit.TotalBytes]: (max) => `unpacks to more than ${max / MiB} MiB in all`,
  [ArchiveLimit.EntryBytes]: (max) => `has a part that unpacks to more than ${max / MiB} MiB`,
  [ArchiveLimit.Entries]: (max) => `holds more than ${max.toLocaleString('en')} parts`,
  [ArchiveLimit.Ratio]: (max) => `has a part compressed more than ${max}:1`,
  [ArchiveLimit.Depth]: (max) => `nests packages more than ${max} deep`,
};

/**
 * A file broke an archive limit. Not a damaged file: a deliberately or absurdly inflated one,
 * refused before it costs anything (413 for sizes, 422 for the rest).
 */
export class ArchiveLimitError extends Error {
  constructor(
    readonly limit: ArchiveLimit,
    readonly max: number,
    /** Where in the file, e.g. 'word/media/zero.bin' or 'word/embeddings/a.xlsx › …'. */
    readonly where: string,
  ) {
    super(`The file ${LIMIT_WORDS[limit](max)} (${where}); Tahkim does not open such files`);
    this.name = new.target.name;
  }

  get status(): 413 | 422 {
    return this.limit === ArchiveLimit.TotalBytes || this.limit === ArchiveLimit.EntryBytes
      ? 413
      : 422;
  }
}

/** What one file and everything inside it may still unpack. */
export class ArchiveBudget {
  private bytes = 0;
  private entries = 0;

  constructor(readonly limits: Readonly<ArchiveLimits> = DEFAULT_ARCHIVE_LIMITS) {}

  /** Before opening a container at `depth` (0 for the uploaded file itself). */
  enter(depth: number, where: string): void {
    if (depth > this.limits.depth)
      throw new ArchiveLimitError(ArchiveLimit.Depth, this.limits.depth, where);
  }

  /** Counts entries as the central directory announces them. */
  countEntries(count: number, where: string): void {
    this.entries += count;
    if (this.entries > this.limits.entries)
      throw new ArchiveLimitError(ArchiveLimit.Entries, this.limits.entries, where);
  }

  /** An entry's declared sizes, checked before a byte of it is inflated. */
  checkDeclared(uncompressed: number, compressed: number, where: string): void {
    this.checkEntry(uncompressed, compressed, where);
    if (this.bytes + uncompressed > this.limits.totalBytes)
      throw new ArchiveLimitError(ArchiveLimit.TotalBytes, this.limits.totalBytes, where);
  }

  /**
   * Bytes as they are inflated: `soFar` of this entry, from `compressed` bytes of input.
   * Throws at the first chunk past a limit.
   */
  checkInflating(soFar: number, compressed: number, where: string): void {
    this.checkEntry(soFar, compressed, where);
    if (this.bytes + soFar > this.limits.totalBytes)
      throw new ArchiveLimitError(ArchiveLimit.TotalBytes, this.limits.totalBytes, where);
  }

  /** Bytes unpacked so far, across the whole tree. */
  get spent(): number {
    return this.bytes;
  }

  /** An entry fully inflated: its bytes now count against the total. */
  spend(bytes: number): void {
    this.bytes += bytes;
  }

  private checkEntry(uncompressed: number, compressed: number, where: string): void {
    const { entryBytes, ratio, ratioGraceBytes } = this.limits;
    if (uncompressed > entryBytes)
      throw new ArchiveLimitError(ArchiveLimit.EntryBytes, entryBytes, where);
    if (uncompressed > ratioGraceBytes && uncompressed > Math.max(compressed, 1) * ratio)
      throw new ArchiveLimitError(ArchiveLimit.Ratio, ratio, where);
  }
}
