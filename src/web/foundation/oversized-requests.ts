import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { httpProblems } from '../../common/problems/http.problems';
import type { WebErrorPages } from './error-pages';
import { localeInPath, pathAfterLocale } from './visitor-locale';

/** How much of an oversized request's first line is read to find the page's language. */
const REQUEST_LINE_PREFIX = 2048;

/**
 * A request whose headers (the address included) exceed Node's limit is refused by the HTTP
 * parser before any middleware runs, as a bare 431. A visitor who typed a very long search on a
 * page of the site gets instead the 400 page in the page's language; other requests (the API,
 * programs) keep Node's answer. Other parser errors are left to Node as well.
 */
export function answerOversizedPageRequests(server: Server, pages: WebErrorPages): void {
  const nodeDefault = server.listeners('clientError');
  server.removeAllListeners('clientError');
  server.on(
    'clientError',
    (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
      // As Node does: answer only when no response in flight has started on this connection.
      const inFlight = (socket as Socket & { _httpMessage?: { _headerSent?: boolean } })
        ._httpMessage;
      const fresh = socket.writable && !inFlight?._headerSent;
      const html = error.code === 'HPE_HEADER_OVERFLOW' ? pageFor(error.rawPacket, pages) : null;
      if (html && fresh) {
        const body = Buffer.from(html, 'utf8');
        socket.write(
          [
            'HTTP/1.1 400 Bad Request',
            'Content-Type: text/html; charset=utf-8',
            `Content-Length: ${body.length}`,
            'Cache-Control: no-store',
            'Connection: close',
            '',
            '',
          ].join('\r\n'),
        );
        socket.end(body);
        return;
      }
      if (nodeDefault.length)
        for (const listener of nodeDefault) listener.call(server, error, socket);
      else if (fresh)
        socket.end(
          `HTTP/1.1 ${error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nConnection: close\r\n\r\n`,
        );
      else socket.destroy(error);
    },
  );
}

function pageFor(raw: Buffer | undefined, pages: WebErrorPages): string | null {
  const line = raw?.subarray(0, REQUEST_LINE_PREFIX).toString('latin1').split('\r\n')[0] ?? '';
  const [method, target] = line.split(' ');
  if (method !== 'GET' || !target?.startsWith('/')) return null;
  const locale = localeInPath(target);
  if (!locale) return null;
  const path = target.split('?')[0];
  const { problem } = httpProblems.raise('bad-request', 'The address is too long');
  return pages.page(
    {
      type: problem.type ?? 'about:blank',
      status: problem.status,
      detail: problem.detail,
      title: problem.title ?? 'Bad Request',
      instance: path,
      correlationId: randomUUID(),
    },
    { locale, path: pathAfterLocale(path), signedIn: false },
  );
}
