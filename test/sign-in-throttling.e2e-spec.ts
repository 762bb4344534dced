import type { Response } from 'supertest';
import { Clock } from '../src/accounts/clock';
import { type Stack, startStack, tokenIn } from './support/api-with-worker';
import { PrivateRedis } from './support/private-redis';
import { eventually } from './support/worker-context';

const PASSWORD = 'Olive-groves-of-Meknes-7';
const WRONG = 'Not-the-password-at-all-1';
const names = { Latn: { given: 'Throttle', family: 'Tester' } };

/** Registers an address through the API and confirms it with the emailed link. */
async function createAccount(stack: Stack, email: string): Promise<void> {
  await stack
    .http()
    .post('/api/auth/register')
    .send({ email, password: PASSWORD, names, preferredLocale: 'en' })
    .expect(202);
  const token = tokenIn(await stack.mailTo(email));
  await stack.http().post('/api/auth/verify-email').send({ token }).expect(200);
}

/** A sign-in attempt from the client at `ip` (the API trusts X-Forwarded-For from loopback). */
const signIn = (stack: Stack, ip: string, email: string, password: string) =>
  stack.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

/**
 * Sign-in is slowed down per (address, IP) and per IP with doubling waits, instead of locking
 * accounts (OWASP Authentication Cheat Sheet). The throttle reads the app's Clock, which these
 * tests move forward instead of waiting.
 */
describe('sign-in throttling', () => {
  let stack: Stack;
  let now: number;
  const advanceSeconds = (seconds: number) => (now += seconds * 1000);

  beforeAll(async () => {
    stack = await startStack({
      LOGIN_FAILURES_PER_ACCOUNT_IP: '3',
      LOGIN_FAILURES_PER_IP: '10',
      LOGIN_MAX_DELAY_SECONDS: '60',
    });
    now = Date.now();
    jest.spyOn(stack.api.get(Clock), 'now').mockImplementation(() => now);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const expectThrottled = (response: Response) => {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'urn:tahkim:problem:too-many-sign-in-failures',
      status: 429,
      retryAfterSeconds: expect.any(Number),
    });
    expect(Number(response.headers['retry-after'])).toBe(response.body.retryAfterSeconds);
    return response.body.retryAfterSeconds as number;
  };

  it('slows one IP down on one address with doubling waits up to the cap, even for the right password, and never locks the owner out', async () => {
    const owner = 'reviewer.one@example.org';
    await createAccount(stack, owner);
    const attacker = '198.51.100.7';

    // Three free failures, then a fourth that starts the first wait.
    for (let i = 0; i < 4; i++) await signIn(stack, attacker, owner, WRONG).expect(401);
    const waits = [expectThrottled(await signIn(stack, attacker, owner, WRONG))];
    expect(waits[0]).toBe(2);
    expect((await signIn(stack, attacker, owner, WRONG)).body.detail).toMatch(
      /with this email address from your network\. Wait 2 seconds/,
    );
    // The right password from that IP is refused too while the wait runs: no guess is checked.
    expectThrottled(await signIn(stack, attacker, owner, PASSWORD));

    // The owner, elsewhere, signs in as usual.
    await signIn(stack, '203.0.113.20', owner, PASSWORD).expect(200);

    // Each failure after a wait doubles the next wait, up to LOGIN_MAX_DELAY_SECONDS.
    for (let i = 0; i < 6; i++) {
      advanceSeconds(waits[waits.length - 1]);
      await signIn(stack, attacker, owner, WRONG).expect(401);
      waits.push(expectThrottled(await signIn(stack, attacker, owner, WRONG)));
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60]);
    await signIn(stack, '203.0.113.20', owner, PASSWORD).expect(200);
  });

  it('forgets the failures of one IP on an address when the right password is given from it', async () => {
    const owner = 'forgetful.author@example.org';
    await createAccount(stack, owner);
    const home = '198.51.100.8';
    for (let i = 0; i < 4; i++) await signIn(stack, home, owner, WRONG).expect(401);
    advanceSeconds(expectThrottled(await signIn(stack, home, owner, WRONG)));
    await signIn(stack, home, owner, PASSWORD).expect(200);
    // Free failures again, from the start.
    for (let i = 0; i < 4; i++) await signIn(stack, home, owner, WRONG).expect(401);
    expect(expectThrottled(await signIn(stack, home, owner, WRONG))).toBe(2);
  });

  it('slows down an IP that fails on many addresses, whatever the address, and no other IP', async () => {
    const owner = 'editor.one@example.org';
    await createAccount(stack, owner);
    const sprayer = '198.51.100.9';
    // Ten free failures on ten addresses, then an eleventh that starts the IP's first wait.
    for (let i = 0; i <= 10; i++) {
      await signIn(stack, sprayer, `target-${i}@example.org`, WRONG).expect(401);
    }
    const refused = await signIn(stack, sprayer, 'never-tried@example.org', WRONG);
    expect(expectThrottled(refused)).toBe(2);
    expect(refused.body.detail).toMatch(/^Too many failed sign-ins from your network\. Wait 2/);
    expectThrottled(await signIn(stack, sprayer, owner, PASSWORD));
    await signIn(stack, '203.0.113.21', owner, PASSWORD).expect(200);
    advanceSeconds(2);
    await signIn(stack, sprayer, owner, PASSWORD).expect(200);
  });

  it('throttles an unknown address exactly like an account', async () => {
    const known = 'known.person@example.org';
    await createAccount(stack, known);
    const answers = async (email: string) => {
      const ip = '198.51.100.10';
      const responses: Response[] = [];
      for (let i = 0; i < 6; i++) responses.push(await signIn(stack, ip, email, WRONG));
      return responses.map(({ status, body }) => [status, body.type, body.detail]);
    };
    const forKnown = await answers(known);
    const forUnknown = await answers('unknown.person@example.org');
    expect(forKnown.map(([status]) => status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(forUnknown).toEqual(forKnown);
  });

  it('refuses a malformed sign-in with a 400 problem, not a 500', async () => {
    const response = await stack
      .http()
      .post('/api/auth/login')
      .send({ email: 'not-an-address', password: 42 })
      .expect(400);
    expect(response.body.type).toBe('urn:tahkim:problem:validation-error');
  });
});

/**
 * A throttle must not take sign-in down: with its Redis stopped, sign-in works unthrottled
 * (and the outage is logged). This stack runs its own redis-server so that stopping it
 * disturbs nothing else.
 */
describe('sign-in throttling while Redis is down', () => {
  let stack: Stack;
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await startStack({
      REDIS_URL: redis.url,
      LOGIN_FAILURES_PER_ACCOUNT_IP: '2',
    });
  });

  afterAll(async () => {
    await stack?.close();
    await redis?.close();
  });

  it('lets sign-ins through, checked as usual, instead of failing them', async () => {
    const owner = 'during.outage@example.org';
    await createAccount(stack, owner);
    const ip = '198.51.100.11';
    // With Redis: throttled after the free failures.
    for (let i = 0; i < 3; i++) await signIn(stack, ip, owner, WRONG).expect(401);
    await signIn(stack, ip, owner, WRONG).expect(429);

    await redis.stop();
    try {
      for (let i = 0; i < 5; i++) await signIn(stack, ip, owner, WRONG).expect(401);
      await signIn(stack, ip, owner, PASSWORD).expect(200);
    } finally {
      // Back up, and reached again by the app, before the stack is closed.
      await redis.resume();
      await eventually(async () => (await stack.http().get('/health/ready')).status === 200);
    }
  });
});
