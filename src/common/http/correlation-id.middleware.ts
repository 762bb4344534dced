import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The first middleware of the app: every request gets a correlation id (a sane incoming
 * X-Request-Id, or a new UUID) before anything can fail, body parsing included. It is echoed
 * in the X-Request-Id header, tags the request's log lines and is quoted in problem answers.
 */
export function correlationId(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (request as Request & { id: string }).id = id;
  response.setHeader('X-Request-Id', id);
  next();
}
