import { parentPort } from 'node:worker_threads';
import { cutArticles, type ArticlePdfProperties } from './article-pdfs';
import type { ArticlePlacement } from './typst-engine';

/** What the typesetting thread asks of this one: the issue PDF and where each article is. */
export interface CutRequest {
  id: number;
  issuePdf: Uint8Array;
  placements: ArticlePlacement[];
  properties: [string, ArticlePdfProperties][];
  /** Milliseconds since the epoch: the articles' creation and modification date. */
  modified: number;
}

export type CutReply =
  { id: number; articles: [string, Uint8Array][] } | { id: number; error: string };

// The thread's whole work: cut each request's issue into its articles' PDFs and send them back.
parentPort?.on('message', (request: CutRequest) => {
  cutArticles(
    request.issuePdf,
    request.placements,
    new Map(request.properties),
    new Date(request.modified),
  ).then(
    (articles) => parentPort!.postMessage({ id: request.id, articles: [...articles] } as CutReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } as CutReply),
  );
});
