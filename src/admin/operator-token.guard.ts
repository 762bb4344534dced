import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppConfig } from '../config/app-config';
import { ProblemException } from '../common/http/problem.exception';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Installation-wide operations (queues, failed jobs) need the operator's bearer token,
 * ADMIN_API_TOKEN. Compared in constant time over digests so neither content nor length leaks.
 */
@Injectable()
export class OperatorTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: AppConfig) {
    this.expected = digest(config.ADMIN_API_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const match = /^Bearer (\S+)$/.exec(header ?? '');
    if (!match) {
      throw new ProblemException({
        status: 401,
        title: 'Unauthorized',
        detail: 'This route needs the operator token: Authorization: Bearer <ADMIN_API_TOKEN>',
      });
    }
    if (!timingSafeEqual(digest(match[1]), this.expected)) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: 'The token is not the operator token',
      });
    }
    return true;
  }
}
