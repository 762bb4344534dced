import { fileReport } from './anonymisation-report';
import type { Draft } from './submit-wizard.service';

/** A file's size for the page: kilobytes under a megabyte, else megabytes to one decimal. */
function sizeOf(bytes: number): { key: string; amount: number } {
  return bytes < 1024 * 1024
    ? { key: 'submit.files.kb', amount: Math.max(1, Math.round(bytes / 1024)) }
    : { key: 'submit.files.mb', amount: Math.round((bytes / 1024 / 1024) * 10) / 10 };
}

/** The draft's files as the files step and the review list them, each with its report. */
export function draftFiles(draft: Draft, fresh: string | null = null) {
  return draft.files
    .filter((file) => file.version === draft.submission.currentVersion)
    .map((file) => ({
      id: file.id,
      fileName: file.originalName,
      genre: file.genre,
      size: sizeOf(file.size),
      uploadedAt: file.createdAt,
      fresh: file.id === fresh,
      report: fileReport(file),
    }));
}
