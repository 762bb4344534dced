import { type Stack, startStack } from './support/api-with-worker';

/** Per-IP limits, counted in Redis: a general one, and a stricter one for anonymous auth routes. */
describe('rate limits', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ AUTH_REQUESTS_PER_IP: '3', RATE_LIMIT_PER_MINUTE: '12' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('limits sign-in attempts per IP address, whatever the account', async () => {
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) {
      await stack
        .http()
        .post('/api/auth/login')
        .send({ email, password: 'Some-password-1' })
        .expect(401);
    }
    const limited = await stack
      .http()
      .post('/api/auth/login')
      .send({ email: 'd@example.org', password: 'Some-password-1' })
      .expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      Number(limited.headers['retry-after-auth'] ?? limited.headers['retry-after']),
    ).toBeGreaterThan(0);
  });

  it('applies the general per-minute limit per IP and route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await stack.http().get('/api/journals')).status);
    expect(statuses).toEqual([...Array<number>(12).fill(200), 429]);
    // Another route has its own count.
    await stack.http().get('/api/journals/none').expect(404);
  });

  it('never limits health probes', async () => {
    for (let i = 0; i < 5; i++) await stack.http().get('/health/live').expect(200);
  });
});
