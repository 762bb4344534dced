import { StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

type Encoding = 'br' | 'gzip';

/** Below this size compressing a page costs more than it saves. */
const COMPRESS_FROM = 1024;

/**
 * A page's HTML with its validator, and its compressed forms made on first demand and kept:
 * Brotli at quality 5 and gzip at level 6, which take well under a millisecond for a page and
 * give most of what the slowest settings would.
 */
export class RenderedPage {
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Buffer>();

  constructor(readonly html: string) {
    this.etag = `W/"${createHash('sha1').update(html).digest('base64url')}"`;
  }

  /** Whether compressing it is worth it (see COMPRESS_FROM). */
  get compressible(): boolean {
    return this.html.length >= COMPRESS_FROM;
  }

  /** Roughly what it holds in memory, compressed forms included. */
  get size(): number {
    return Buffer.byteLength(this.html) * 1.5;
  }

  body(encoding: Encoding): Buffer {
    let body = this.encoded.get(encoding);
    if (!body) {
      const raw = Buffer.from(this.html);
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 5,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            })
          : gzipSync(raw, { level: 6 });
      this.encoded.set(encoding, body);
    }
    return body;
  }
}

/**
 * What a page controller's answer becomes: its ETag, then a 304 when the visitor's copy is
 * current (Express answers it for the empty body), else the HTML in the best encoding the
 * visitor accepts (Brotli, then gzip), with `Vary: Accept-Encoding`.
 */
export function sendPage(
  page: RenderedPage,
  request: Request,
  response: Response,
): string | StreamableFile {
  response.setHeader('ETag', page.etag);
  response.vary('Accept-Encoding');
  if (request.fresh) return '';
  const encoding = page.compressible ? request.acceptsEncodings('br', 'gzip', 'identity') : false;
  if (encoding !== 'br' && encoding !== 'gzip') return page.html;
  response.setHeader('Content-Encoding', encoding);
  return new StreamableFile(page.body(encoding), { type: 'text/html; charset=utf-8' });
}

/**
 * Pages rendered for visitors who are not signed in, by the key their controller gave
 * (PageOptions.cacheKey) and what else shapes the HTML: the least recently used go first once
 * they hold more than `budget` bytes. A key names the data it was rendered from, so a changed
 * record is a new key and the old page simply ages out.
 */
export class RenderedPages {
  private readonly pages = new Map<string, RenderedPage>();
  private bytes = 0;

  constructor(private readonly budget = 32 * 1024 * 1024) {}

  get(key: string): RenderedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: RenderedPage): void {
    const previous = this.pages.get(key);
    if (previous) {
      this.pages.delete(key);
      this.bytes -= previous.size;
    }
    this.pages.set(key, page);
    this.bytes += page.size;
    for (const [oldest, old] of this.pages) {
      if (this.bytes <= this.budget) break;
      this.pages.delete(oldest);
      this.bytes -= old.size;
    }
  }
}
