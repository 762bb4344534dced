import { cpus } from 'node:os';
import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startModuleThread } from '../common/threads/module-thread';
import { DocumentAnonymisationError, UncleanableFileError } from './anonymisation.errors';
import type {
  AnonymiseReply,
  AnonymiseRequest,
  CloseRequest,
  ThreadError,
} from './anonymiser.thread';
import { ArchiveLimitError } from './archive-limits';
import type { AnonymiseOptions, AnonymisedFile } from './file-anonymiser';

// `.js` in the build, `.ts` when the tests run the sources.
const THREAD_ENTRY = join(__dirname, `anonymiser.thread${extname(__filename)}`);

/**
 * A thread's heap: the archive limits keep a file and what it unpacks to 256 MiB, and the
 * pipeline holds a few copies of a part as text; past this the thread dies, not the API.
 */
const THREAD_HEAP_MB = 1024;
/** How long a closing thread is given to end its ExifTool processes. */
const CLOSE_TIMEOUT_MS = 5_000;

interface Waiting {
  thread: Worker;
  resolve: (file: AnonymisedFile) => void;
  reject: (error: Error) => void;
}

function raise(error: ThreadError): Error {
  switch (error.kind) {
    case 'archive-limit':
      return new ArchiveLimitError(error.limit, error.max, error.where);
    case 'uncleanable':
      return new UncleanableFileError(error.message);
    case 'unreadable':
      return new DocumentAnonymisationError(error.message);
    default:
      return new Error(`the anonymisation thread failed: ${error.message}`);
  }
}

/**
 * Runs the anonymisation pipeline on threads of its own, so that the work of cleaning a file
 * (inflating a package, searching a long text for names, reading a PDF's pages) never holds the
 * API's event loop: other requests, health checks among them, are answered meanwhile. A thread
 * has a bounded heap, so a file that would exhaust memory ends that thread alone: its request
 * fails as unreadable and the next one starts a new thread. Threads start on first use, one per
 * core up to `size`, and each takes the next file when it is free.
 */
export class AnonymiserPool {
  private readonly threads: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;

  constructor(private readonly size = Math.max(1, Math.min(2, cpus().length))) {}

  run(input: Buffer, mediaType: string, options: AnonymiseOptions): Promise<AnonymisedFile> {
    const thread = this.idlest();
    const id = ++this.lastId;
    const request: AnonymiseRequest = {
      id,
      input,
      mediaType,
      contributorNames: [...options.contributorNames],
      limits: options.limits ? { ...options.limits } : undefined,
    };
    return new Promise<AnonymisedFile>((resolve, reject) => {
      this.waiting.set(id, { thread, resolve, reject });
      this.busy.set(thread, (this.busy.get(thread) ?? 0) + 1);
      // An idle thread does not keep the process alive; one at work does.
      thread.ref();
      thread.postMessage(request);
    });
  }

  /**
   * Ends the threads (on shutdown), each after its ExifTool processes (or after a few seconds if
   * they do not answer); files still being cleaned fail.
   */
  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(
      threads.map(async (thread) => {
        thread.ref();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
          thread.on('message', (reply: { closed?: true }) => {
            if (!reply.closed) return;
            clearTimeout(timer);
            resolve();
          });
          thread.postMessage({ close: true } satisfies CloseRequest);
        });
        await thread.terminate();
      }),
    );
  }

  /** The thread with the fewest files in hand, starting a new one while there is room. */
  private idlest(): Worker {
    const free = this.threads.find((thread) => !this.busy.get(thread));
    if (free) return free;
    if (this.threads.length < this.size) return this.start();
    return this.threads.reduce((a, b) =>
      (this.busy.get(a) ?? 0) <= (this.busy.get(b) ?? 0) ? a : b,
    );
  }

  private start(): Worker {
    const thread = startModuleThread(THREAD_ENTRY, { maxOldGenerationSizeMb: THREAD_HEAP_MB });
    thread.unref();
    thread.on('message', (reply: AnonymiseReply | { closed: true }) => this.settle(thread, reply));
    thread.on('error', (error) => this.fail(thread, error));
    thread.on('exit', (code) =>
      this.fail(
        thread,
        new DocumentAnonymisationError(
          `The file could not be read: cleaning it took more memory than Tahkim allows (thread exit ${code})`,
        ),
      ),
    );
    this.threads.push(thread);
    return thread;
  }

  private settle(thread: Worker, reply: AnonymiseReply | { closed: true }): void {
    if ('closed' in reply) return;
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    const left = (this.busy.get(thread) ?? 1) - 1;
    this.busy.set(thread, left);
    if (left === 0) thread.unref();
    if (!waiting) return;
    if ('error' in reply) return waiting.reject(raise(reply.error));
    const content = Buffer.from(
      reply.content.buffer,
      reply.content.byteOffset,
      reply.content.length,
    );
    waiting.resolve({ ...reply.report, content });
  }

  /** A thread that died takes its requests with it: they fail, and later ones start anew. */
  private fail(thread: Worker, error: Error): void {
    const index = this.threads.indexOf(thread);
    if (index === -1) return;
    this.threads.splice(index, 1);
    this.busy.delete(thread);
    for (const [id, waiting] of this.waiting) {
      if (waiting.thread !== thread) continue;
      this.waiting.delete(id);
      waiting.reject(error);
    }
  }
}
