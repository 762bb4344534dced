import { Injectable } from '@nestjs/common';
import { FailOpen } from '../redis/rate-limit';
import { AppConfig } from '../config/app-config';
import { AppRedis } from '../redis/redis.module';
import { retrySeconds, tooManyRequests, waitInWords } from './accounts.problems';
import { clientNetwork, keyPart } from './throttle-keys';

/** The caps count over an hour from the first email or request counted. */
export const EMAIL_CAP_WINDOW_MS = 60 * 60 * 1000;

/** The emails capped per address, each kind on its own. */
export type CappedEmail = 'verification' | 'password-reset';

/** Counts one more in a window that starts with the first; returns {count, ms left}. */
const COUNT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return {count, redis.call('PTTL', KEYS[1])}
`;

/**
 * Caps on the emails anyone can make Tahkim send to an address without signing in
 * (verification and password-reset links), against mail bombing and against spending the
 * sender's reputation:
 *
 * - per address, AUTH_EMAILS_PER_ACCOUNT_PER_HOUR confirmation emails and as many reset
 *   emails: past the cap the request is answered exactly as before and no email leaves (nor is a
 *   token issued). Only emails actually sent are counted, and the answer is the same whether
 *   the address has an account, was capped, or got its email.
 * - per network, AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR requests (verification resends, reset requests,
 *   registrations): past the cap a 429. Every request counts, for unknown addresses too, so the
 *   429 says nothing about which addresses have accounts.
 *
 * While Redis is down the caps are not applied (see FailOpen).
 */
@Injectable()
export class EmailCaps {
  private readonly failOpen = new FailOpen('email caps');

  constructor(
    private readonly redis: AppRedis,
    private readonly config: AppConfig,
  ) {}

  private count(key: string): Promise<[count: number, msLeft: number]> {
    return this.failOpen.run(
      () => this.redis.client.eval(COUNT, 1, key, EMAIL_CAP_WINDOW_MS) as Promise<[number, number]>,
      [0, 0],
    );
  }

  private networkKey(ip: string | undefined): string {
    return `email-cap:network:${keyPart(this.config.APP_SECRET, 'network', clientNetwork(ip))}`;
  }

  /** Counts a request that may send an email; a 429 past the network's cap. */
  async admitRequest(ip: string | undefined): Promise<void> {
    const [count, msLeft] = await this.count(this.networkKey(ip));
    if (count <= this.config.AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR) return;
    const retryAfterSeconds = retrySeconds(msLeft);
    throw tooManyRequests(
      'too-many-email-requests',
      `Too many confirmation and password-reset emails were asked for from your network in the last hour. Try again in ${waitInWords(retryAfterSeconds)}.`,
      retryAfterSeconds,
    );
  }

  /** Whether one more email of this kind may go to this address now (and counts it if so). */
  async admitEmail(email: string, kind: CappedEmail): Promise<boolean> {
    const [count] = await this.count(
      `email-cap:address:${kind}:${keyPart(this.config.APP_SECRET, 'email', email)}`,
    );
    return count <= this.config.AUTH_EMAILS_PER_ACCOUNT_PER_HOUR;
  }

  /**
   * For the confirmation link a sign-in with an unconfirmed address sends: counted against both
   * caps, without a 429 (the password was right; the answer says that no link was sent).
   */
  async admitEmailAfterSignIn(email: string, ip: string | undefined): Promise<boolean> {
    const [count] = await this.count(this.networkKey(ip));
    if (count > this.config.AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR) return false;
    return this.admitEmail(email, 'verification');
  }
}
