import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AnonymiserPool } from '../anonymisation/anonymiser-pool';
import {
  ArchiveLimitError,
  DocumentAnonymisationError,
  reportOf,
  type StoredAnonymisation,
  UncleanableFileError,
} from '../anonymisation/file-anonymiser';
import { assertSound } from '../anonymisation/soundness';
import type { ReceivedFile } from '../common/http/files';
import { StoredContent } from '../editorial/stored-content';
import { FileStorage, type StoredFile } from '../storage/file-storage';
import { submissionProblems } from './submissions.problems';

/** What to do with a sound file the pipeline cannot clean. */
export type WhenUncleanable =
  /** An author's file: stored, but held back from double-anonymous reviewers until released. */
  | 'hold'
  /** A reviewer's or an editor's file: refused, so the uploader sends another kind. */
  | 'refuse';

export type ReviewCopy =
  | { outcome: 'cleaned'; stored: StoredFile; report: StoredAnonymisation }
  | { outcome: 'held'; report: StoredAnonymisation & { heldReason: string } };

/**
 * Makes the copy of an uploaded file that may cross the anonymity line, through the one
 * anonymisation pipeline (src/anonymisation). A refused upload leaves nothing behind: the
 * stored original is deleted unless another row uses the same content.
 */
@Injectable()
export class ReviewCopies implements OnApplicationShutdown {
  /** The pipeline runs on threads of its own: cleaning a file never holds the event loop. */
  private readonly pool = new AnonymiserPool();

  constructor(
    private readonly stored: StoredContent,
    private readonly storage: FileStorage,
  ) {}

  async make(
    received: ReceivedFile,
    names: readonly string[],
    whenUncleanable: WhenUncleanable,
  ): Promise<ReviewCopy> {
    try {
      const content = await buffer(await this.storage.get(received.key));
      const copy = await this.pool.run(content, received.mediaType, {
        contributorNames: [...new Set(names)],
      });
      const stored = await this.storage.put(Readable.from(copy.content));
      return { outcome: 'cleaned', stored, report: reportOf(copy) };
    } catch (error) {
      if (error instanceof UncleanableFileError && whenUncleanable === 'hold')
        return { outcome: 'held', report: { heldReason: error.message } };
      await this.discard(received.key);
      throw refusal(error);
    }
  }

  /**
   * For a file that does not cross the anonymity line (a cover letter, a stage file): a PDF must
   * parse, a zip must unpack within the archive limits; otherwise it is refused and discarded.
   */
  async checkSound(received: ReceivedFile): Promise<void> {
    try {
      await assertSound(await buffer(await this.storage.get(received.key)), received.mediaType);
    } catch (error) {
      await this.discard(received.key);
      throw refusal(error);
    }
  }

  /** The pipeline's threads (and their ExifTool processes) end with the API. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  /** Deletes refused content from storage unless a file row already holds the same bytes. */
  async discard(key: string): Promise<void> {
    if (!(await this.stored.inUse(key))) await this.storage.delete(key);
  }
}

/** The problem answer for a file the pipeline refused; other errors pass through unchanged. */
export function refusal(error: unknown): unknown {
  if (error instanceof ArchiveLimitError)
    return submissionProblems.raise(
      'archive-limit',
      error.message,
      { limit: error.limit, max: error.max },
      error.status,
    );
  if (error instanceof UncleanableFileError)
    return submissionProblems.raise(
      'uncleanable-file',
      `${error.message}. Send it as a PDF, an office document or an image instead.`,
    );
  if (error instanceof DocumentAnonymisationError)
    return submissionProblems.raise('unacceptable-file', error.message);
  return error;
}
