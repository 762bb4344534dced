import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startModuleThread } from '../../common/threads/module-thread';
import type { ArticlePdfProperties } from './article-pdfs';
import type { CutReply, CutRequest } from './article-cutter.thread';
import type { ArticlePlacement } from './typst-engine';

// `.js` in the build, `.ts` when the tests run the sources.
const THREAD_ENTRY = join(__dirname, `article-cutter.thread${extname(__filename)}`);

/** The cut failed inside its thread: a PDF pdf-lib could not read or write. */
export class ArticleCutError extends Error {
  constructor(message: string) {
    super(`cutting the issue into article PDFs failed: ${message}`);
    this.name = 'ArticleCutError';
  }
}

/**
 * Cuts issue PDFs into article PDFs (see cutArticles) on a thread of its own, so that the
 * typesetting thread can do other work meanwhile (evict the compiler's caches, write the HTML
 * and JATS galleys): an issue's cut takes about as long as those, and the worker has two cores.
 * The thread starts on the first cut and is kept for the next ones.
 */
export class ArticleCutter {
  private thread: Worker | undefined;
  private readonly waiting = new Map<
    number,
    {
      thread: Worker;
      resolve: (articles: Map<string, Buffer>) => void;
      reject: (error: Error) => void;
      /** Settles with the cut, whichever way it ends (close waits for it). */
      settled: Promise<unknown>;
    }
  >();
  private lastId = 0;

  cut(
    issuePdf: Uint8Array,
    placements: ArticlePlacement[],
    properties: Map<string, ArticlePdfProperties>,
    modified: Date,
  ): Promise<Map<string, Buffer>> {
    const thread = this.thread ?? this.start();
    const id = ++this.lastId;
    const request: CutRequest = {
      id,
      issuePdf,
      placements,
      properties: [...properties],
      modified: modified.getTime(),
    };
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    return new Promise<Map<string, Buffer>>((resolve, reject) => {
      this.waiting.set(id, { thread, resolve, reject, settled });
      // An idle thread does not keep the process alive; one at work does.
      thread.ref();
      thread.postMessage(request);
    }).finally(settle);
  }

  /**
   * Stops the thread (on shutdown) once the cuts it has been given are done: a job still running
   * when the worker is asked to stop finishes with its article PDFs. A later cut would start
   * another thread.
   */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    if (!thread) return;
    const pending = [...this.waiting.values()]
      .filter((entry) => entry.thread === thread)
      .map((entry) => entry.settled);
    await Promise.all(pending);
    await thread.terminate();
  }

  private start(): Worker {
    const thread = startModuleThread(THREAD_ENTRY);
    thread.on('message', (reply: CutReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (![...this.waiting.values()].some((entry) => entry.thread === thread)) thread.unref();
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new ArticleCutError(reply.error));
      else
        waiting.resolve(
          new Map(
            reply.articles.map(([key, bytes]) => [
              key,
              Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            ]),
          ),
        );
    });
    thread.on('error', (error) => this.fail(thread, error));
    thread.on('exit', (code) =>
      this.fail(thread, new ArticleCutError(`its thread stopped (exit code ${code})`)),
    );
    this.thread = thread;
    return thread;
  }

  /** A thread that died takes its requests with it: they fail, and the next cut starts anew. */
  private fail(thread: Worker, error: Error) {
    if (this.thread === thread) this.thread = undefined;
    for (const [id, waiting] of this.waiting) {
      if (waiting.thread !== thread) continue;
      this.waiting.delete(id);
      waiting.reject(error);
    }
  }
}
