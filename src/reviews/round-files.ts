import { extensionOf, REVIEW_ROUND_GENRES } from '../submissions';
import type { SubmissionFileRow } from './reviewer-submission.repository';

/** A file of a round as a reviewer gets it: a neutral name, and which stored content it is. */
export interface RoundFile {
  id: string;
  genre: string;
  /** `manuscript-v2.docx`, `figure-1-v1.png`: never the uploaded name. */
  name: string;
  mediaType: string;
  size: number;
  /** The stored content the reviewer receives (the cleaned copy in double-anonymous review). */
  key: string;
}

/**
 * The files of a round's version: per kind, the newest version not after the round's; only
 * the kinds in REVIEW_ROUND_GENRES. A double-anonymous reviewer gets each file's cleaned copy,
 * or the original of a file an editor released after checking it by hand; a file that could
 * not be cleaned and was not released is not shown at all.
 */
export function roundFiles(
  files: SubmissionFileRow[],
  version: number,
  anonymous: boolean,
): RoundFile[] {
  const latest = new Map<string, number>();
  for (const file of files)
    if (file.version <= version && (REVIEW_ROUND_GENRES as readonly string[]).includes(file.genre))
      latest.set(file.genre, Math.max(latest.get(file.genre) ?? 0, file.version));
  const chosen = files.flatMap((file) => {
    if (latest.get(file.genre) !== file.version) return [];
    if (!anonymous) return [{ file, key: file.storageKey }];
    if (file.anonymisedKey) return [{ file, key: file.anonymisedKey }];
    return file.releasedAt ? [{ file, key: file.storageKey }] : [];
  });
  return chosen.map(({ file, key }) => {
    const sameGenre = chosen.filter((other) => other.file.genre === file.genre);
    const n =
      sameGenre.length > 1 ? `-${sameGenre.findIndex((other) => other.file === file) + 1}` : '';
    return {
      id: file.id,
      genre: file.genre,
      name: `${file.genre}${n}-v${file.version}.${extensionOf(file.mediaType)}`,
      mediaType: file.mediaType,
      size: file.size,
      key,
    };
  });
}
