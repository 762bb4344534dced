import { type ListQuery, checkFormat } from './oai-request';
import { OaiError } from './oai-xml';

/**
 * Stateless resumption tokens: the list's filters, the keyset position of the next page, the
 * cursor and the complete list's size, as base64url JSON. Nothing is kept on the server, so a
 * token stays valid across workers and restarts; one the repository did not give is refused.
 */
export function encodeToken(query: ListQuery, total: number): string {
  const payload = {
    p: query.prefix,
    f: query.from?.toISOString() ?? null,
    u: query.until?.toISOString() ?? null,
    s: query.set,
    a: query.after,
    c: query.cursor,
    n: total,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The list a token resumes, and its size; badResumptionToken for anything else. */
export function decodeToken(token: string): { query: ListQuery; total: number } {
  const fail = () =>
    new OaiError('badResumptionToken', 'The resumption token is not one this repository gave');
  let payload: {
    p?: unknown;
    f?: unknown;
    u?: unknown;
    s?: unknown;
    a?: { datestamp?: unknown; id?: unknown } | null;
    c?: unknown;
    n?: unknown;
  };
  try {
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  const date = (value: unknown) => {
    if (value === null) return null;
    if (typeof value !== 'string' || Number.isNaN(new Date(value).getTime())) throw fail();
    return new Date(value);
  };
  if (
    typeof payload !== 'object' ||
    payload === null ||
    typeof payload.p !== 'string' ||
    !Number.isInteger(payload.c) ||
    !Number.isInteger(payload.n) ||
    (payload.s !== null && typeof payload.s !== 'string') ||
    !payload.a ||
    typeof payload.a.datestamp !== 'string' ||
    typeof payload.a.id !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(payload.a.id)
  )
    throw fail();
  checkFormat(payload.p);
  return {
    query: {
      prefix: payload.p,
      from: date(payload.f),
      until: date(payload.u),
      set: payload.s as string | null,
      after: { datestamp: date(payload.a.datestamp)!.toISOString(), id: payload.a.id },
      cursor: payload.c as number,
    },
    total: payload.n as number,
  };
}
