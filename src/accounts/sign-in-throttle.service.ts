import { Injectable } from '@nestjs/common';
import { FailOpen } from '../redis/rate-limit';
import { AppConfig } from '../config/app-config';
import { AppRedis } from '../redis/redis.module';
import { retrySeconds, tooManyRequests, waitInWords } from './accounts.problems';
import { Clock } from './clock';
import { clientNetwork, keyPart } from './throttle-keys';

const HOUR_MS = 60 * 60 * 1000;
/** The wait after the first failure past the free ones; each further failure doubles it. */
export const FIRST_SIGN_IN_DELAY_MS = 2_000;
/** Failures of one address from one network are forgotten a day after the last one… */
export const PAIR_FAILURE_MEMORY_MS = 24 * HOUR_MS;
/** …and failures of one network (whatever the addresses) an hour after the last one. */
export const NETWORK_FAILURE_MEMORY_MS = HOUR_MS;

/**
 * The waits after the 1st, 2nd… failure past the free ones: doubling from the first delay up
 * to the cap, which then repeats.
 */
export function delaySchedule(firstDelayMs: number, maxDelayMs: number): number[] {
  const delays = [Math.min(firstDelayMs, maxDelayMs)];
  while (delays[delays.length - 1] < maxDelayMs) {
    delays.push(Math.min(delays[delays.length - 1] * 2, maxDelayMs));
  }
  return delays;
}

/**
 * One Redis hash per (address, network) pair and one per network: `failures`, `blockedUntil`,
 * `lastAt` (ms). An attempt is refused while either is blocked; otherwise it is counted as a
 * failure before the password is checked (so that parallel guesses cannot slip past the count),
 * and a count past the free ones blocks the next attempt for the scheduled delay. A correct
 * password then takes the attempt back (see RELEASE). Times come from the caller's clock;
 * the keys' expiry only clears what nothing remembers any more.
 *
 * KEYS: pair, network. ARGV: now, free failures of pair and network, the delay schedule (ms,
 * comma-separated), memory of pair and network (ms).
 * Returns {0, pair wait ms, network wait ms} when refused, {1, the network's new blockedUntil}.
 */
const ATTEMPT = `
local now = tonumber(ARGV[1])
local delays = {}
for delay in string.gmatch(ARGV[4], '%d+') do delays[#delays + 1] = tonumber(delay) end
local function load(key, memory)
  local v = redis.call('HMGET', key, 'failures', 'blockedUntil', 'lastAt')
  local failures, blockedUntil = tonumber(v[1]) or 0, tonumber(v[2]) or 0
  if now >= (tonumber(v[3]) or 0) + memory and now >= blockedUntil then return 0, 0 end
  return failures, blockedUntil
end
local pairMemory, networkMemory = tonumber(ARGV[5]), tonumber(ARGV[6])
local pairFailures, pairUntil = load(KEYS[1], pairMemory)
local networkFailures, networkUntil = load(KEYS[2], networkMemory)
if pairUntil > now or networkUntil > now then
  return {0, math.max(0, pairUntil - now), math.max(0, networkUntil - now)}
end
local function count(key, failures, free, memory)
  local blockedUntil = now
  if failures > free then blockedUntil = now + delays[math.min(failures - free, #delays)] end
  local blocked = string.format('%.0f', blockedUntil)
  redis.call('HSET', key, 'failures', failures, 'blockedUntil', blocked,
    'lastAt', string.format('%.0f', now))
  redis.call('PEXPIRE', key, math.max(memory, blockedUntil - now))
  return blocked
end
count(KEYS[1], pairFailures + 1, tonumber(ARGV[2]), pairMemory)
return {1, count(KEYS[2], networkFailures + 1, tonumber(ARGV[3]), networkMemory)}
`;

/**
 * After a correct password: the pair's failures are forgotten; the network's count loses this
 * attempt, and the block this attempt set on the network (if it is still the current one).
 * KEYS: pair, network. ARGV: the network's blockedUntil ATTEMPT returned.
 */
const RELEASE = `
redis.call('DEL', KEYS[1])
local v = redis.call('HMGET', KEYS[2], 'failures', 'blockedUntil')
if (tonumber(v[1]) or 0) > 0 then
  redis.call('HINCRBY', KEYS[2], 'failures', -1)
  if v[2] == ARGV[1] then redis.call('HSET', KEYS[2], 'blockedUntil', '0') end
end
return 1
`;

/** An attempt let through: what to take back if its password was right. */
export interface SignInAttempt {
  keys: [pair: string, network: string];
  networkBlockedUntil: string;
}

/**
 * Sign-in throttling as the OWASP Authentication Cheat Sheet recommends, instead of locking
 * accounts: failed sign-ins slow down the network they come from, for that address (after
 * LOGIN_FAILURES_PER_ACCOUNT_IP free failures) and for every address (after
 * LOGIN_FAILURES_PER_IP), with waits doubling from 2 s up to LOGIN_MAX_DELAY_SECONDS. The owner
 * signing in from another network is never slowed down by someone else's failures, and a
 * successful sign-in forgets its network's failures on that address. The address is counted
 * whether or not it has an account, so the answers say nothing about that. While Redis is down
 * sign-in is not throttled (see FailOpen).
 */
@Injectable()
export class SignInThrottle {
  private readonly failOpen = new FailOpen('sign-in throttling');
  private readonly delays: string;

  constructor(
    private readonly redis: AppRedis,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.delays = delaySchedule(FIRST_SIGN_IN_DELAY_MS, config.LOGIN_MAX_DELAY_SECONDS * 1000).join(
      ',',
    );
  }

  private keys(email: string, ip: string | undefined): [string, string] {
    const secret = this.config.APP_SECRET;
    const network = keyPart(secret, 'network', clientNetwork(ip));
    return [
      `sign-in:pair:${keyPart(secret, 'email', email)}:${network}`,
      `sign-in:network:${network}`,
    ];
  }

  /**
   * Lets an attempt through, counted as a failure until `succeeded`, or refuses it with a 429
   * while a delay runs. Call it before looking the address up.
   */
  async begin(email: string, ip: string | undefined): Promise<SignInAttempt | null> {
    const keys = this.keys(email, ip);
    const result = await this.failOpen.run(
      () =>
        this.redis.client.eval(
          ATTEMPT,
          2,
          ...keys,
          this.clock.now(),
          this.config.LOGIN_FAILURES_PER_ACCOUNT_IP,
          this.config.LOGIN_FAILURES_PER_IP,
          this.delays,
          PAIR_FAILURE_MEMORY_MS,
          NETWORK_FAILURE_MEMORY_MS,
        ) as Promise<[number, number | string, number?]>,
      null,
    );
    if (result === null) return null;
    if (result[0] === 1) return { keys, networkBlockedUntil: String(result[1]) };
    const [, pairWait, networkWait = 0] = result as [number, number, number];
    const retryAfterSeconds = retrySeconds(Math.max(pairWait, networkWait));
    const wait = waitInWords(retryAfterSeconds);
    throw tooManyRequests(
      'too-many-sign-in-failures',
      pairWait >= networkWait
        ? `Too many failed sign-ins with this email address from your network. Wait ${wait} before trying again, or reset your password.`
        : `Too many failed sign-ins from your network. Wait ${wait} before trying again.`,
      retryAfterSeconds,
    );
  }

  /** The password was right: the attempt was not a failure. */
  async succeeded(attempt: SignInAttempt | null): Promise<void> {
    if (!attempt) return;
    await this.failOpen.run(
      () => this.redis.client.eval(RELEASE, 2, ...attempt.keys, attempt.networkBlockedUntil),
      null,
    );
  }
}
