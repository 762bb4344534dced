import { parentPort } from 'node:worker_threads';
import { DocumentAnonymisationError, UncleanableFileError } from './anonymisation.errors';
import { ArchiveLimitError, type ArchiveLimits } from './archive-limits';
import { type AnonymisationReport, anonymiseFile } from './file-anonymiser';
import { closeImageCleaner } from './image-anonymiser';

/** What the API asks of this thread: one file to run through the pipeline. */
export interface AnonymiseRequest {
  id: number;
  input: Uint8Array;
  mediaType: string;
  contributorNames: string[];
  limits?: ArchiveLimits;
}

/** An error as it crosses back: enough to raise the same class on the other side. */
export type ThreadError =
  | { kind: 'archive-limit'; limit: ArchiveLimitError['limit']; max: number; where: string }
  | { kind: 'uncleanable' | 'unreadable' | 'internal'; message: string };

export type AnonymiseReply =
  | { id: number; content: Uint8Array; report: AnonymisationReport }
  | { id: number; error: ThreadError };

function describe(error: unknown): ThreadError {
  if (error instanceof ArchiveLimitError)
    return { kind: 'archive-limit', limit: error.limit, max: error.max, where: error.where };
  if (error instanceof UncleanableFileError) return { kind: 'uncleanable', message: error.message };
  if (error instanceof DocumentAnonymisationError)
    return { kind: 'unreadable', message: error.message };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Asked before the thread is stopped: its ExifTool processes end first, cleanly. */
export interface CloseRequest {
  close: true;
}

// The thread's whole work: clean each file it is sent, and send back the copy or the refusal.
parentPort?.on('message', (request: AnonymiseRequest | CloseRequest) => {
  if ('close' in request) {
    void closeImageCleaner().finally(() => parentPort!.postMessage({ closed: true }));
    return;
  }
  const input = Buffer.from(request.input.buffer, request.input.byteOffset, request.input.length);
  anonymiseFile(input, request.mediaType, {
    contributorNames: request.contributorNames,
    limits: request.limits,
  }).then(
    ({ content, ...report }) => {
      const reply: AnonymiseReply = { id: request.id, content, report };
      // A buffer that owns its whole memory moves across; a slice of Node's pool is copied.
      const owned = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength;
      parentPort!.postMessage(reply, owned ? [content.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => {
      const reply: AnonymiseReply = { id: request.id, error: describe(error) };
      parentPort!.postMessage(reply);
    },
  );
});
