import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { httpProblems, STATUS_PROBLEM_CODES } from '../problems/http.problems';
import { ProblemException, type ProblemInit } from './problem.exception';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

// PostgreSQL error codes that mean the request, not the server, was wrong.
const PG_CLIENT_ERRORS: Record<string, ProblemInit> = {
  '23505': {
    status: 409,
    type: httpProblems.type('conflict'),
    title: 'This conflicts with an existing record',
  },
  '23503': {
    status: 409,
    type: httpProblems.type('conflict'),
    title: 'This refers to a record that does not exist or is still in use',
  },
  '22P02': {
    status: 400,
    type: httpProblems.type('invalid-value'),
    title: 'A value has the wrong format',
  },
  '22001': { status: 400, type: httpProblems.type('invalid-value'), title: 'A value is too long' },
};

// What body-parser's errors (http-errors `type`) mean, in words written for the client.
const MIDDLEWARE_ERROR_DETAILS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is larger than this server accepts',
  'parameters.too.many': 'The request body has more parameters than this server accepts',
  'charset.unsupported': 'The request body must be sent in UTF-8',
  'encoding.unsupported': 'The request body has a Content-Encoding this server does not accept',
  'request.aborted': 'The request ended before its body had arrived',
  'request.size.invalid': 'The request body is not as long as its Content-Length says',
};

/**
 * Turns anything thrown into an RFC 9457 problem. Only ProblemException and Nest's
 * HttpException (raised on purpose, worded for the client) put their own text in the answer;
 * PostgreSQL refusals and body-parser errors get our words, anything else is a 500 with one
 * generic sentence (the error itself goes to the log). Exported for the body-parser error hook.
 */
export function toProblem(exception: unknown): ProblemInit {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const {
      message,
      error: _error,
      statusCode: _statusCode,
      ...extensions
    } = typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)
      : { message: body };
    const detail = Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : undefined;
    return { status, title: STATUS_CODES[status] ?? 'Error', detail, extensions };
  }
  if (exception instanceof QueryFailedError) {
    // PostgreSQL's own detail names tables, columns and values: it stays in the log.
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    if (code && PG_CLIENT_ERRORS[code]) return PG_CLIENT_ERRORS[code];
  }
  // body-parser and other Express middleware errors carry an HTTP status of their own. Their
  // messages are not ours to show: known kinds get our sentence, others only the status title.
  const status = (exception as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: unknown }).type;
    return {
      status,
      type: type === 'entity.parse.failed' ? httpProblems.type('malformed-body') : undefined,
      title: STATUS_CODES[status] ?? 'Bad Request',
      detail: typeof type === 'string' ? MIDDLEWARE_ERROR_DETAILS[type] : undefined,
    };
  }
  return {
    status: 500,
    title: 'Internal Server Error',
    detail: 'Something went wrong on our side. Quote the correlationId when you report it.',
  };
}

/**
 * Every answer but a 500 carries a registered type: one raised without its own gets the type
 * its status means (`unauthenticated` for a 401, `rate-limited` for a 429…).
 */
function withRegisteredType(problem: ProblemInit): ProblemInit {
  if (problem.type || problem.status >= 500) return problem;
  const code = STATUS_PROBLEM_CODES[problem.status];
  return code ? { ...problem, type: httpProblems.type(code) } : problem;
}

export function problemDocument(problem: ProblemInit, request: Request): ProblemDocument {
  // Extensions first: they may never override the members RFC 9457 defines.
  return {
    ...(problem.extensions ?? {}),
    type: problem.type ?? 'about:blank',
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: request.originalUrl,
    correlationId: String(request.id ?? ''),
  };
}

/**
 * The HTML page of a problem for a browser (the web's error pages, given by the app at start),
 * or where to send the browser instead (a signed-out visitor to a workspace: the sign-in page),
 * or null to answer problem+json (the API, programs, and a page that failed to render).
 */
export type ProblemPage = (
  problem: ProblemDocument,
  request: Request,
) => string | { redirect: string } | null;

/**
 * Every error leaves the API in one shape, application/problem+json (RFC 9457), with the
 * request's correlation id, which also tags the log line. Stack traces stay in the logs.
 * Browsers asking for a web page get the same problem as an HTML page (`page`).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly page?: ProblemPage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    sendProblem(exception, request, response, this.logger, this.page);
  }
}

export function sendProblem(
  exception: unknown,
  request: Request,
  response: Response,
  logger: Logger,
  page?: ProblemPage,
): void {
  const problem = withRegisteredType(toProblem(exception));
  const document = problemDocument(problem, request);
  if (problem.status >= 500) {
    logger.error(
      { err: exception, correlationId: document.correlationId },
      `unhandled error on ${request.method} ${request.originalUrl}`,
    );
  }
  if (response.headersSent) return;
  const html = page?.(document, request);
  if (html && typeof html === 'object') {
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, html.redirect);
    return;
  }
  if (html) {
    // An error page is about this request only: never cached, never indexed.
    response.setHeader('Cache-Control', 'no-store');
    response.status(problem.status).type('text/html; charset=utf-8').send(html);
    return;
  }
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(document));
}
