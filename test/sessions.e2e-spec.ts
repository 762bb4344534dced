import { Session } from '../src/accounts/session.entity';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { DEMO_PASSWORD, seedDemo } from '../src/demo';
import { type Stack, startStack } from './support/api-with-worker';
import { addressOf } from './support/sign-in';

const LAPTOP =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/124.0.6367.60 Chrome/124.0.6367.60 Safari/537.36';
const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1';
const ORIGIN = 'http://journals.test';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** A sign-in: its bearer header, its cookie, and its session's id. */
interface SignedIn {
  auth: { Authorization: string };
  cookie: string;
  sessionId: string;
}

interface Listed {
  id: string;
  current: boolean;
  device: { browser: string | null; os: string | null; label: string };
  [field: string]: unknown;
}

describe('my sessions: listing them and signing them out', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api, { submissions: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const sessions = () => stack.dataSource.getRepository(Session);
  const audit = () => stack.dataSource.getRepository(AuditEvent);

  /** Signs `who` in from a client with this user agent. */
  async function signInFrom(who: string, userAgent: string): Promise<SignedIn> {
    const login = await stack
      .http()
      .post('/api/auth/login')
      .set('User-Agent', userAgent)
      .send({ email: addressOf(who), password: DEMO_PASSWORD })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const listed = await list(auth);
    const current = listed.filter((session) => session.current);
    expect(current).toHaveLength(1);
    return {
      auth,
      cookie: login.get('Set-Cookie')![0].split(';')[0],
      sessionId: current[0].id,
    };
  }

  async function list(auth: { Authorization: string }): Promise<Listed[]> {
    return (await stack.http().get('/api/me/sessions').set(auth).expect(200)).body;
  }

  const revoke = (auth: { Authorization: string }, sessionId: string) =>
    stack.http().delete(`/api/me/sessions/${sessionId}`).set(auth);
  const me = (auth: { Authorization: string }) => stack.http().get('/api/me').set(auth);

  describe('two sign-ins of one person, from a laptop and a phone', () => {
    let laptop: SignedIn;
    let phone: SignedIn;

    beforeAll(async () => {
      laptop = await signInFrom('author1', LAPTOP);
      phone = await signInFrom('author1', PHONE);
    });

    it('lists both, each with its device, and says which one is asking', async () => {
      const fromLaptop = await list(laptop.auth);
      expect(fromLaptop).toHaveLength(2);
      const byId = new Map(fromLaptop.map((session) => [session.id, session]));
      expect(byId.get(laptop.sessionId)).toMatchObject({
        current: true,
        device: { browser: 'Chromium', os: 'Linux', label: 'Chromium on Linux' },
        userAgent: LAPTOP,
        ip: expect.any(String),
      });
      expect(byId.get(phone.sessionId)).toMatchObject({
        current: false,
        device: { browser: 'Safari', os: 'iPhone', label: 'Safari on iPhone' },
      });
      for (const session of fromLaptop) {
        expect(Object.keys(session).sort()).toEqual(
          [
            'createdAt',
            'current',
            'device',
            'expiresAt',
            'id',
            'ip',
            'lastSeenAt',
            'userAgent',
          ].sort(),
        );
        expect(new Date(session.expiresAt as string).getTime()).toBeGreaterThan(Date.now());
      }

      const fromPhone = await list(phone.auth);
      expect(fromPhone.find((session) => session.current)?.id).toBe(phone.sessionId);
    });

    it('lists the most recently used first, and leaves out expired sessions and other people’s', async () => {
      await sessions().update(
        { id: laptop.sessionId },
        { lastSeenAt: new Date(Date.now() - 3_600_000) },
      );
      const stale = await signInFrom('author1', LAPTOP);
      await sessions().update({ id: stale.sessionId }, { expiresAt: new Date(Date.now() - 1000) });
      await signInFrom('author2', LAPTOP);

      const listed = await list(phone.auth);
      expect(listed.map((session) => session.id)).toEqual([phone.sessionId, laptop.sessionId]);
    });

    it('ends the laptop’s session from the phone: its token stops working, the phone’s stays, and it is audited', async () => {
      await revoke(phone.auth, laptop.sessionId).expect(204);
      await me(laptop.auth).expect(401);
      await me(phone.auth).expect(200);
      expect((await list(phone.auth)).map((session) => session.id)).toEqual([phone.sessionId]);

      const event = await audit().findOneByOrFail({
        action: 'user.session_revoked',
        objectId: laptop.sessionId,
      });
      const [author] = await stack.dataSource.query('SELECT id FROM users WHERE email = $1', [
        addressOf('author1'),
      ]);
      expect(event).toMatchObject({
        objectType: 'session',
        actorKind: 'user',
        actorUserId: author.id,
        after: { device: 'Chromium on Linux', current: false },
      });
    });

    it('answers 404 for a session that is not one of mine, alike whether it exists, and changes nothing', async () => {
      const other = await signInFrom('author2', PHONE);
      const eventsBefore = await audit().countBy({ action: 'user.session_revoked' });

      const someoneElses = await revoke(phone.auth, other.sessionId).expect(404);
      const unknown = await revoke(phone.auth, NO_SUCH_ID).expect(404);
      const alreadyEnded = await revoke(phone.auth, laptop.sessionId).expect(404);
      expect(someoneElses.body.type).toBe('urn:tahkim:problem:not-found');
      expect(someoneElses.body.detail).toBe(unknown.body.detail);
      expect(alreadyEnded.body.detail).toBe(unknown.body.detail);
      await revoke(phone.auth, 'not-a-session-id').expect(400);

      await me(other.auth).expect(200);
      await me(phone.auth).expect(200);
      expect(await audit().countBy({ action: 'user.session_revoked' })).toBe(eventsBefore);
    });
  });

  describe('signing out everywhere else', () => {
    it('ends every other session of mine, leaves mine and other people’s, and is audited', async () => {
      const here = await signInFrom('author3', LAPTOP);
      const elsewhere = [await signInFrom('author3', PHONE), await signInFrom('author3', LAPTOP)];
      const someoneElse = await signInFrom('reviewer1', PHONE);

      await stack.http().post('/api/me/sessions/sign-out-others').set(here.auth).expect(204);

      expect(await list(here.auth)).toEqual([
        expect.objectContaining({ id: here.sessionId, current: true }),
      ]);
      for (const session of elsewhere) await me(session.auth).expect(401);
      await me(here.auth).expect(200);
      await me(someoneElse.auth).expect(200);

      const [author] = await stack.dataSource.query('SELECT id FROM users WHERE email = $1', [
        addressOf('author3'),
      ]);
      const event = await audit().findOneByOrFail({
        action: 'user.other_sessions_revoked',
        objectId: author.id,
      });
      expect(event).toMatchObject({
        objectType: 'user',
        actorUserId: author.id,
        after: { sessionsEnded: 2 },
      });
    });
  });

  describe('ending the session I am signed in with', () => {
    it('signs me out and clears the cookie when the request came by cookie', async () => {
      const browser = await signInFrom('reviewer2', LAPTOP);
      const refused = await stack
        .http()
        .delete(`/api/me/sessions/${browser.sessionId}`)
        .set('Cookie', browser.cookie)
        .set('Origin', 'https://evil.example')
        .expect(403);
      expect(refused.body.type).toBe('urn:tahkim:problem:cross-origin-write');
      await me(browser.auth).expect(200);

      const response = await stack
        .http()
        .delete(`/api/me/sessions/${browser.sessionId}`)
        .set('Cookie', browser.cookie)
        .set('Origin', ORIGIN)
        .expect(204);
      const cleared = response.get('Set-Cookie') ?? [];
      expect(cleared).toEqual([
        expect.stringMatching(/^tahkim_session=;.*Expires=Thu, 01 Jan 1970/),
      ]);
      await stack.http().get('/api/me').set('Cookie', browser.cookie).expect(401);
      const event = await audit().findOneByOrFail({
        action: 'user.session_revoked',
        objectId: browser.sessionId,
      });
      expect(event.after).toEqual({ device: 'Chromium on Linux', current: true });
    });

    it('signs a bearer client out without touching a cookie', async () => {
      const program = await signInFrom('reviewer2', 'curl/8.5.0');
      const response = await revoke(program.auth, program.sessionId).expect(204);
      expect(response.get('Set-Cookie')).toBeUndefined();
      await me(program.auth).expect(401);
    });
  });

  describe('without a signed-in person', () => {
    const routes = () => [
      stack.http().get('/api/me/sessions'),
      stack.http().delete(`/api/me/sessions/${NO_SUCH_ID}`),
      stack.http().post('/api/me/sessions/sign-out-others'),
    ];

    it('answers 401 to anonymous requests on every route', async () => {
      for (const route of routes()) {
        const response = await route.expect(401);
        expect(response.body.type).toBe('urn:tahkim:problem:unauthenticated');
      }
    });

    it('answers 401 to the operator token, which is no person', async () => {
      const operator = `Bearer ${stack.env.config.ADMIN_API_TOKEN}`;
      for (const route of routes()) await route.set('Authorization', operator).expect(401);
    });
  });
});
