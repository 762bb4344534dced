import { ArchiveBudget, type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from './archive-limits';
import type { NameTerm, NameWarning } from './name-matcher';

/** What kind of thing a removal took away: the report's summary counts these. */
export type RemovalKind =
  | 'property'
  | 'comment-author'
  | 'revision-author'
  | 'person'
  | 'header-footer'
  | 'image-metadata'
  | 'whole-part';

export const REMOVAL_KINDS: readonly RemovalKind[] = [
  'property',
  'comment-author',
  'revision-author',
  'person',
  'header-footer',
  'image-metadata',
  'whole-part',
];

interface Removal {
  kind: RemovalKind;
  text: string;
  count: number;
}

/** Between a container and a file inside it in report locations: 'a.docx › word/x.xml'. */
export const INSIDE = ' › ';

/** 'part qname', with a count when the same thing was stripped more than once. */
export function describeRemoval(part: string, what: string, count = 1): string {
  return count > 1 ? `${part} ${what} (${count})` : `${part} ${what}`;
}

/**
 * Cleans a file found inside another (an embedded package, an image in a package, a PDF's
 * attachment), deciding its type from its bytes; returns the bytes to keep in its place.
 */
export type NestedCleaner = (input: Uint8Array, ctx: CleaningContext) => Promise<Uint8Array>;

interface Shared {
  removals: Removal[];
  warnings: NameWarning[];
  /** Files inside the upload that were cleaned in turn (packages, images, PDF attachments). */
  embedded: string[];
  /** Files whose text could not be searched for names (a scanned PDF): '' for the upload. */
  unread: string[];
}

/**
 * One cleaning run over a file and everything nested in it: the names to look for, the archive
 * budget they all share, and the report being written. A nested file gets `inside(part)`, which
 * prefixes its locations with the path to it and counts one level of depth.
 */
export class CleaningContext {
  private constructor(
    readonly terms: readonly NameTerm[],
    readonly budget: ArchiveBudget,
    /** 0 for the uploaded file; +1 per container it sits in. */
    readonly depth: number,
    /** '' for the uploaded file; else the path to this one, ending in INSIDE. */
    readonly path: string,
    private readonly shared: Shared,
    private readonly cleaner: NestedCleaner,
  ) {}

  static root(
    terms: readonly NameTerm[],
    cleaner: NestedCleaner,
    limits: Readonly<ArchiveLimits> = DEFAULT_ARCHIVE_LIMITS,
  ): CleaningContext {
    const shared = { removals: [], warnings: [], embedded: [], unread: [] };
    return new CleaningContext(terms, new ArchiveBudget(limits), 0, '', shared, cleaner);
  }

  /** For a file inside this one: a package's part, a PDF's attachment. */
  inside(part: string): CleaningContext {
    return new CleaningContext(
      this.terms,
      this.budget,
      this.depth + 1,
      `${this.path}${part}${INSIDE}`,
      this.shared,
      this.cleaner,
    );
  }

  /** Cleans `part`, a file inside this one, in turn. */
  cleanEmbedded(input: Uint8Array, part: string): Promise<Uint8Array> {
    return this.cleaner(input, this.inside(part));
  }

  /** This file as messages name it: its path inside the upload, or "The file". */
  get where(): string {
    return this.at('') || 'The file';
  }

  /** Where `part` of this file is, as the report says it; '' for this file itself. */
  at(part: string): string {
    return part ? `${this.path}${part}` : this.path.slice(0, -INSIDE.length);
  }

  /** `part` '' for something of this file as a whole (an image's metadata). */
  removed(kind: RemovalKind, part: string, what: string, count = 1): void {
    const text = describeRemoval(this.at(part), what, count).trim();
    this.shared.removals.push({ kind, text, count });
  }

  removedWhole(part: string, kind: RemovalKind = 'whole-part'): void {
    this.shared.removals.push({ kind, text: `${this.at(part)} (whole part)`, count: 1 });
  }

  /** Names found in this file; their locations get this file's path. */
  warn(warnings: readonly NameWarning[]): void {
    for (const warning of warnings)
      this.shared.warnings.push({ ...warning, location: this.at(warning.location) });
  }

  /** This (nested) file was cleaned in turn. */
  cleanedEmbedded(): void {
    if (this.path) this.shared.embedded.push(this.path.slice(0, -INSIDE.length));
  }

  /** This file's text could not be read, so nobody knows whether it names someone. */
  bodyNotChecked(): void {
    this.shared.unread.push(this.at(''));
  }

  /** The files (by location; '' for the upload) whose text could not be searched. */
  get unread(): string[] {
    return this.shared.unread;
  }

  get removedList(): string[] {
    return this.shared.removals.map((removal) => removal.text);
  }

  get warnings(): NameWarning[] {
    return this.shared.warnings;
  }

  get embedded(): string[] {
    return this.shared.embedded;
  }

  /** How many of each kind were removed, for the report's summary. */
  summary(): Record<RemovalKind, number> {
    const counts = Object.fromEntries(REMOVAL_KINDS.map((kind) => [kind, 0])) as Record<
      RemovalKind,
      number
    >;
    for (const removal of this.shared.removals) counts[removal.kind] += removal.count;
    return counts;
  }
}
