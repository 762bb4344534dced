import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ProblemException } from '../common/http/problem.exception';
import { AppConfig } from '../config/app-config';
import { AppRedis } from '../redis/redis.module';

/** The window failed sign-ins are counted in; an account locked by them unlocks when it ends. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Per-account sign-in throttling (the per-IP limit is the route's @Throttle). Counts failures
 * per address in Redis; the address is hashed so the keys do not list who tried to sign in.
 */
@Injectable()
export class LoginFailures {
  constructor(
    private readonly redis: AppRedis,
    private readonly config: AppConfig,
  ) {}

  private key(email: string): string {
    return `login-failures:${createHash('sha256').update(email).digest('hex')}`;
  }

  async assertNotLocked(email: string): Promise<void> {
    const key = this.key(email);
    const [count, ttl] = await Promise.all([
      this.redis.client.get(key),
      this.redis.client.pttl(key),
    ]);
    if (Number(count ?? 0) >= this.config.LOGIN_FAILURES_PER_ACCOUNT) {
      const retryAfterSeconds = Math.max(1, Math.ceil(ttl / 1000));
      throw new ProblemException({
        status: 429,
        type: 'urn:tahkim:problem:too-many-sign-in-failures',
        title: 'Too Many Requests',
        detail: `Too many failed sign-ins for this account. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes, or reset your password.`,
        extensions: { retryAfterSeconds },
      });
    }
  }

  async record(email: string): Promise<void> {
    const key = this.key(email);
    try {
      const count = await this.redis.client.incr(key);
      if (count === 1) await this.redis.client.pexpire(key, LOGIN_FAILURE_WINDOW_MS);
    } catch {
      // Redis down: see assertNotLocked.
    }
  }

  async clear(email: string): Promise<void> {
    await this.redis.client.del(this.key(email)).catch(() => undefined);
  }
}
