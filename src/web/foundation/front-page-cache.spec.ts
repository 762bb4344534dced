import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import request from 'supertest';
import { FrontPageCache, type PageFreshness, serveFrontPages } from './front-page-cache';
import { RenderedPage } from './page-responses';

const ADDRESS = '/ar/j/volunteering/articles/1';
const HTML = `<!doctype html><p>${'مقالة '.repeat(400)}</p>`;

/** The cache in front of a route that says it was reached (the page was not served from memory). */
function app(cache: FrontPageCache) {
  // Express as Nest's adapter makes it (the app's own server is one).
  const server = new ExpressAdapter().getInstance<Express>();
  server.use(serveFrontPages(cache, 'public, max-age=300'));
  server.use((_request, response) => {
    response.status(200).send('rendered by the app');
  });
  return server;
}

describe('the front page cache', () => {
  let stamp: string | null;
  const freshness: PageFreshness = { stampOf: () => stamp };
  let cache: FrontPageCache;

  beforeEach(() => {
    stamp = 'journal.1';
    cache = new FrontPageCache(2);
    cache.useFreshness(freshness);
    cache.remember(ADDRESS, 'journal.1', new RenderedPage(HTML), 'ar');
  });

  it('serves a kept page to a signed-out visitor, compressed, with its ETag and a 304', async () => {
    const first = await request(app(cache)).get(ADDRESS).set('Accept-Encoding', 'br').expect(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['content-language']).toBe('ar');
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.text).toBe(HTML);
    await request(app(cache)).get(ADDRESS).set('If-None-Match', first.headers.etag).expect(304);
    const head = await request(app(cache)).head(ADDRESS).expect(200);
    expect(head.text).toBeFalsy();
  });

  it('never serves it once the record changed, and forgets it', async () => {
    stamp = 'journal.2';
    expect((await request(app(cache)).get(ADDRESS)).text).toBe('rendered by the app');
    stamp = 'journal.1';
    expect((await request(app(cache)).get(ADDRESS)).text).toBe('rendered by the app');
    // Unknown freshness (not listening): nothing kept is trusted.
    cache.remember(ADDRESS, 'journal.1', new RenderedPage(HTML), 'ar');
    stamp = null;
    expect((await request(app(cache)).get(ADDRESS)).text).toBe('rendered by the app');
  });

  it('leaves signed-in visitors, programs with a token, messages, queries and writes to the app', async () => {
    const reached = async (test: request.Test) => (await test).text === 'rendered by the app';
    const server = app(cache);
    expect(await reached(request(server).get(ADDRESS).set('Cookie', 'tahkim_session=x'))).toBe(
      true,
    );
    expect(await reached(request(server).get(ADDRESS).set('Cookie', 'a=1; tahkim_flash=k.k'))).toBe(
      true,
    );
    expect(await reached(request(server).get(ADDRESS).set('Authorization', 'Bearer x'))).toBe(true);
    expect(await reached(request(server).get(`${ADDRESS}?q=1`))).toBe(true);
    expect(await reached(request(server).post(ADDRESS))).toBe(true);
    // A visitor with only a language choice or a visitor cookie is still a signed-out reader.
    expect(await reached(request(server).get(ADDRESS).set('Cookie', 'tahkim_locale=ar'))).toBe(
      false,
    );
  });

  it('keeps public pages only, and no more than its bound', async () => {
    cache.remember('/api/journals', 'journal.1', new RenderedPage(HTML), 'ar');
    expect(cache.lookup('/api/journals')).toBeNull();
    cache.remember('/en/j/volunteering', 'journal.1', new RenderedPage(HTML), 'en');
    cache.remember('/fr/j/volunteering', 'journal.1', new RenderedPage(HTML), 'fr');
    expect(cache.lookup(ADDRESS)).toBeNull();
    expect(cache.lookup('/fr/j/volunteering')).not.toBeNull();
  });
});
