import type { StoredAnonymisation } from '../../anonymisation/file-anonymiser';
import { REMOVAL_KINDS } from '../../anonymisation/cleaning-context';
import { REVIEW_ROUND_GENRES, type SubmissionFile } from '../../submissions';

/**
 * One sentence of a file's anonymisation report, for `{{t key …}}`: where a contributor's name
 * was found (`who` on `page` of `file`), or how many things of a kind were removed.
 */
export interface ReportSentence {
  key: string;
  who?: string;
  page?: number;
  paragraph?: number;
  line?: number;
  /** The package part a mention is in, when it is not the main text (`word/header1.xml`). */
  part?: string;
  /** About 60 characters around a mention. */
  excerpt?: string;
  count?: number;
}

/** A file's report as the files step and the review show it, in the page's words. */
export interface FileReport {
  /** `cleaned`: reviewers get the cleaned copy; `held`: nothing until an editor releases it; `private`: not sent to reviewers. */
  state: 'cleaned' | 'held' | 'private';
  /** Where a contributor's name is still in the copy: each a sentence. */
  mentions: ReportSentence[];
  /** How many things of each kind were removed. */
  removals: ReportSentence[];
  /** What was removed, as the pipeline writes it (English, technical). */
  removedDetail: string[];
  /** Files inside it that were cleaned in turn. */
  embedded: string[];
  /** The parts whose text could not be searched ('' being the file itself); empty when all was. */
  unread: string[];
  /** Why the file could not be cleaned (the pipeline's English sentence). */
  heldReason: string | null;
}

/** The sentence of a mention, by what the pipeline knows of where it is. */
function mentionKey(page?: number, paragraph?: number, line?: number): string {
  if (page !== undefined) return 'submit.report.name-on-page';
  if (paragraph !== undefined) return 'submit.report.name-in-paragraph';
  if (line !== undefined) return 'submit.report.name-on-line';
  return 'submit.report.name-in-file';
}

/** The keys of the report's sentences (the area's unit spec checks the catalogs have them). */
export const REPORT_KEYS = [
  'submit.report.name-on-page',
  'submit.report.name-in-paragraph',
  'submit.report.name-on-line',
  'submit.report.name-in-file',
  ...REMOVAL_KINDS.map((kind) => `submit.report.removed.${kind}`),
];

/** The report the API returns with a file (`anonymisation`, `heldReason`), in sentences. */
export function fileReport(
  file: Pick<SubmissionFile, 'genre' | 'anonymisation' | 'heldReason'>,
): FileReport {
  const report: StoredAnonymisation = file.anonymisation ?? {};
  const state = !REVIEW_ROUND_GENRES.includes(file.genre)
    ? 'private'
    : file.heldReason
      ? 'held'
      : 'cleaned';
  return {
    state,
    mentions: (report.nameWarnings ?? []).map((warning) => ({
      key: mentionKey(warning.page, warning.paragraph, warning.line),
      who: warning.name,
      page: warning.page,
      paragraph: warning.paragraph,
      line: warning.line,
      part: warning.location !== 'body' ? warning.location : undefined,
      excerpt: warning.excerpt,
    })),
    removals: REMOVAL_KINDS.filter((kind) => (report.summary?.[kind] ?? 0) > 0).map((kind) => ({
      key: `submit.report.removed.${kind}`,
      count: report.summary![kind],
    })),
    removedDetail: report.removed ?? [],
    embedded: report.embeddedCleaned ?? [],
    unread: report.bodyTextChecked === false ? (report.unreadText ?? ['']) : [],
    heldReason: file.heldReason ?? report.heldReason ?? null,
  };
}
