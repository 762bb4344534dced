import { AuditEvent } from '../src/audit/audit-event.entity';
import { Session } from '../src/accounts/session.entity';
import { User } from '../src/accounts/user.entity';
import { type Stack, startStack, tokenIn } from './support/api-with-worker';

const PASSWORD = 'Dunes-and-cedars-42';
const NEW_PASSWORD = 'Atlas-mountains-after-rain';

describe('accounts: registration, verification, sessions, passwords, profile', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ LOGIN_FAILURES_PER_ACCOUNT: '3' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const register = (email: string, extra: Record<string, unknown> = {}) =>
    stack
      .http()
      .post('/api/auth/register')
      .send({
        email,
        password: PASSWORD,
        names: {
          Arab: { given: 'ليلى', family: 'بنعلي' },
          Latn: { given: 'Leila', family: 'Benali' },
        },
        preferredLocale: 'ar',
        ...extra,
      });
  const login = (email: string, password = PASSWORD) =>
    stack.http().post('/api/auth/login').send({ email, password });

  describe('registration → email verification → sign-in', () => {
    const email = 'leila.benali@example.org';
    let token: string;

    it('registers and emails a confirmation link in the chosen language', async () => {
      const response = await register('Leila.Benali@Example.org').expect(202);
      expect(response.body.message).toMatch(/If this address can be used/);
      const mail = await stack.mailTo(email);
      expect(mail.subject).toBe('تأكيد عنوان بريدك الإلكتروني في تحكيم');
      expect(mail.html).toContain('dir="rtl"');
      expect(mail.text).toContain('http://journals.test/verify-email?token=');
      const user = await stack.dataSource.getRepository(User).findOneByOrFail({ email });
      expect(user.emailVerifiedAt).toBeNull();
    });

    it('refuses to sign in before the address is confirmed, and sends a new link', async () => {
      const response = await login(email).expect(403);
      expect(response.body.type).toBe('urn:tahkim:problem:email-not-verified');
      token = tokenIn(await stack.mailTo(email));
    });

    it('answers a second registration of the address exactly like the first, and warns the owner by email', async () => {
      const response = await register(email).expect(202);
      expect(response.body.message).toMatch(/If this address can be used/);
      const mail = await stack.mailTo(
        email,
        (candidate) => candidate.subject?.includes('محاولة تسجيل') ?? false,
      );
      expect(mail.text).toContain('http://journals.test/forgot-password');
      expect(await stack.dataSource.getRepository(User).countBy({ email })).toBe(1);
    });

    it('confirms the address once; the same link does not work twice', async () => {
      const confirmed = await stack.http().post('/api/auth/verify-email').send({ token });
      expect(confirmed.body).toEqual({ verified: true });
      const again = await stack.http().post('/api/auth/verify-email').send({ token }).expect(400);
      expect(again.body.type).toBe('urn:tahkim:problem:invalid-token');
    });

    it('refuses forged and malformed tokens without changing anything', async () => {
      const [id] = token.split('.');
      for (const forged of [
        `${id}.not-the-secret-at-all`,
        'garbage-token-value',
        `00000000-0000-4000-8000-000000000000.${token.split('.')[1]}`,
      ]) {
        const response = await stack
          .http()
          .post('/api/auth/verify-email')
          .send({ token: forged })
          .expect(400);
        expect(response.body.type).toBe('urn:tahkim:problem:invalid-token');
      }
    });

    it('signs in, with an httpOnly SameSite cookie and a bearer token', async () => {
      const response = await login(email).expect(200);
      expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(response.body.user).toMatchObject({
        email,
        emailVerified: true,
        preferredLocale: 'ar',
      });
      expect(response.body.user).not.toHaveProperty('passwordHash');
      const cookie = response.headers['set-cookie'][0];
      expect(cookie).toMatch(/^tahkim_session=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);

      await stack.http().get('/api/me').set('Cookie', cookie.split(';')[0]).expect(200);
      await stack
        .http()
        .get('/api/me')
        .set('Authorization', `Bearer ${response.body.token}`)
        .expect(200);
    });

    it('gives one generic answer for an unknown address and for a wrong password', async () => {
      const unknown = await login('nobody@example.org').expect(401);
      const wrong = await login(email, 'Wrong-password-123').expect(401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
      expect(unknown.body.type).toBe('urn:tahkim:problem:wrong-credentials');
    });
  });

  describe('bad registrations', () => {
    it('refuses a common password, naming the field', async () => {
      const response = await register('weak@example.org', { password: 'password123' }).expect(400);
      expect(response.body.errors[0].field).toBe('password');
      expect(response.body.errors[0].messages.join(' ')).toMatch(/at least 10|common/);
    });

    it('refuses an invalid address, an unknown locale, no name and unknown fields', async () => {
      const response = await stack
        .http()
        .post('/api/auth/register')
        .send({
          email: 'not-an-email',
          password: PASSWORD,
          names: {},
          preferredLocale: 'de',
          isSiteAdmin: true,
        })
        .expect(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field).sort();
      expect(fields).toEqual(['email', 'isSiteAdmin', 'names', 'preferredLocale']);
      expect(await stack.dataSource.getRepository(User).countBy({ email: 'not-an-email' })).toBe(0);
    });
  });

  describe('signed in', () => {
    const email = 'rachid.ouazzani@example.org';
    let token: string;
    const auth = () => ({ Authorization: `Bearer ${token}` });

    beforeAll(async () => {
      await register(email, {
        preferredLocale: 'fr',
        names: { Latn: { given: 'Rachid', family: 'Ouazzani' } },
      }).expect(202);
      const verification = tokenIn(await stack.mailTo(email));
      await stack.http().post('/api/auth/verify-email').send({ token: verification }).expect(200);
      token = (await login(email).expect(200)).body.token;
    });

    it('updates the profile with a checked ORCID iD, ROR id, country and interests', async () => {
      const response = await stack
        .http()
        .patch('/api/me')
        .set(auth())
        .send({
          names: {
            Arab: { given: 'رشيد', family: 'الوزاني' },
            Latn: { given: 'Rachid', family: 'Ouazzani' },
          },
          orcid: 'https://orcid.org/0000-0002-1825-0097',
          rorId: '05dxps055',
          country: 'ma',
          affiliation: 'Université Abdelmalek Essaâdi',
          reviewInterests: ['bénévolat', 'العمل التطوعي', 'civil society', 'bénévolat'],
          availableForReview: true,
          maxConcurrentReviews: 4,
        })
        .expect(200);
      expect(response.body).toMatchObject({
        orcid: '0000-0002-1825-0097',
        orcidUrl: 'https://orcid.org/0000-0002-1825-0097',
        rorId: 'https://ror.org/05dxps055',
        country: 'MA',
        reviewInterests: ['bénévolat', 'العمل التطوعي', 'civil society'],
        maxConcurrentReviews: 4,
      });
    });

    it('refuses an ORCID iD with a wrong check digit and changes nothing', async () => {
      const response = await stack
        .http()
        .patch('/api/me')
        .set(auth())
        .send({ orcid: '0000-0002-1825-0098', bio: 'changed?' })
        .expect(400);
      expect(response.body.errors).toEqual([
        { field: 'orcid', messages: [expect.stringMatching(/ORCID/)] },
      ]);
      const me = await stack.http().get('/api/me').set(auth()).expect(200);
      expect(me.body.orcid).toBe('0000-0002-1825-0097');
      expect(me.body.bio).toBeNull();
    });

    it('records profile changes in the audit log with before and after', async () => {
      const me = await stack.http().get('/api/me').set(auth()).expect(200);
      const event = await stack.dataSource
        .getRepository(AuditEvent)
        .findOneOrFail({ where: { objectId: me.body.id, action: 'user.profile_updated' } });
      expect(event.before).toMatchObject({ orcid: null });
      expect(event.after).toMatchObject({ orcid: '0000-0002-1825-0097' });
      expect(event.after).not.toHaveProperty('email');
    });

    it('exports everything about the person as JSON', async () => {
      const response = await stack.http().get('/api/me/export').set(auth()).expect(200);
      expect(response.body.profile.email).toBe(email);
      expect(response.body.sessions.length).toBeGreaterThanOrEqual(1);
      expect(
        response.body.emailsReceived.map((mail: { template: string }) => mail.template),
      ).toContain('account-verification');
      expect(response.body.activity.map((event: { action: string }) => event.action)).toEqual(
        expect.arrayContaining(['user.signed_in', 'user.profile_updated']),
      );
      expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|tokenHash|secretHash/);
    });

    it('changes the password: other sessions end, this one stays, and a notice is emailed', async () => {
      const other = (await login(email).expect(200)).body.token;
      await stack
        .http()
        .post('/api/auth/password')
        .set(auth())
        .send({ currentPassword: 'not-it-at-all', newPassword: NEW_PASSWORD })
        .expect(400);
      await stack
        .http()
        .post('/api/auth/password')
        .set(auth())
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(204);
      await stack
        .http()
        .get('/api/me')
        .set({ Authorization: `Bearer ${other}` })
        .expect(401);
      await stack.http().get('/api/me').set(auth()).expect(200);
      const notice = await stack.mailTo(
        email,
        (mail) => mail.subject?.includes('a été modifié') ?? false,
      );
      expect(notice.text).toContain('http://journals.test/forgot-password');
      await login(email, PASSWORD).expect(401);
      await login(email, NEW_PASSWORD).expect(200);
    });

    it('signs out: the session token stops working', async () => {
      const session = (await login(email, NEW_PASSWORD).expect(200)).body.token;
      await stack
        .http()
        .post('/api/auth/logout')
        .set({ Authorization: `Bearer ${session}` })
        .expect(204);
      await stack
        .http()
        .get('/api/me')
        .set({ Authorization: `Bearer ${session}` })
        .expect(401);
    });

    it('refuses a cookie-authenticated write from a foreign origin', async () => {
      const response = await login(email, NEW_PASSWORD).expect(200);
      const cookie = response.headers['set-cookie'][0].split(';')[0];
      const refused = await stack
        .http()
        .patch('/api/me')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example')
        .send({ bio: 'csrf' })
        .expect(403);
      expect(refused.body.detail).toMatch(/evil\.example/);
      await stack
        .http()
        .patch('/api/me')
        .set('Cookie', cookie)
        .set('Origin', 'http://journals.test')
        .send({ bio: 'same origin' })
        .expect(200);
    });
  });

  describe('password reset', () => {
    const email = 'maryam.alsayed@example.org';

    beforeAll(async () => {
      await register(email, {
        preferredLocale: 'en',
        names: { Latn: { given: 'Maryam', family: 'Al-Sayed' } },
      }).expect(202);
      await stack
        .http()
        .post('/api/auth/verify-email')
        .send({ token: tokenIn(await stack.mailTo(email)) })
        .expect(200);
    });

    it('answers the same for known and unknown addresses', async () => {
      const known = await stack
        .http()
        .post('/api/auth/password-reset/request')
        .send({ email })
        .expect(202);
      const unknown = await stack
        .http()
        .post('/api/auth/password-reset/request')
        .send({ email: 'ghost@example.org' })
        .expect(202);
      expect(known.body).toEqual(unknown.body);
    });

    it('resets with the emailed single-use link, ends every session, and refuses reuse', async () => {
      const session = (await login(email).expect(200)).body.token;
      const mail = await stack.mailTo(
        email,
        (candidate) => candidate.subject?.startsWith('Reset your password') ?? false,
      );
      expect(mail.text).toContain('60 minutes');
      const token = tokenIn(mail);
      const weak = await stack
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token, newPassword: 'qwertyuiop' })
        .expect(400);
      expect(weak.body.errors[0].field).toBe('newPassword');
      // The refused attempt did not spend the token.
      await stack
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token, newPassword: NEW_PASSWORD })
        .expect(204);
      await stack
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token, newPassword: 'Another-fine-password-9' })
        .expect(400);
      await stack
        .http()
        .get('/api/me')
        .set({ Authorization: `Bearer ${session}` })
        .expect(401);
      await login(email, NEW_PASSWORD).expect(200);
    });

    it('refuses an expired link', async () => {
      await stack.http().post('/api/auth/password-reset/request').send({ email }).expect(202);
      const token = tokenIn(
        await stack.mailTo(
          email,
          (candidate) => candidate.subject?.startsWith('Reset your password') ?? false,
        ),
      );
      await stack.dataSource.query(
        `UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [token.split('.')[0]],
      );
      const response = await stack
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token, newPassword: 'Yet-another-fine-one-7' })
        .expect(400);
      expect(response.body.type).toBe('urn:tahkim:problem:invalid-token');
      await login(email, NEW_PASSWORD).expect(200);
    });
  });

  describe('sign-in throttling per account', () => {
    it('locks the account after repeated failures, even for the right password, with a 429', async () => {
      const email = 'locked@example.org';
      await register(email, { names: { Latn: { given: 'Lock', family: 'Tester' } } }).expect(202);
      await stack
        .http()
        .post('/api/auth/verify-email')
        .send({ token: tokenIn(await stack.mailTo(email)) })
        .expect(200);
      for (let i = 0; i < 3; i++) await login(email, 'Wrong-password-123').expect(401);
      const locked = await login(email).expect(429);
      expect(locked.body.type).toBe('urn:tahkim:problem:too-many-sign-in-failures');
      expect(locked.body.retryAfterSeconds).toBeGreaterThan(0);
      // Another account is not affected.
      await login('leila.benali@example.org').expect(200);
    });
  });

  describe('account deletion', () => {
    it('anonymises the account, ends its sessions and keeps the row for history', async () => {
      const email = 'leaving@example.org';
      await register(email, { names: { Latn: { given: 'Leaving', family: 'Person' } } }).expect(
        202,
      );
      await stack
        .http()
        .post('/api/auth/verify-email')
        .send({ token: tokenIn(await stack.mailTo(email)) })
        .expect(200);
      const token = (await login(email).expect(200)).body.token;
      const me = await stack
        .http()
        .get('/api/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);

      await stack
        .http()
        .post('/api/me/delete')
        .set({ Authorization: `Bearer ${token}` })
        .send({ password: 'wrong-password-x' })
        .expect(400);
      await stack
        .http()
        .post('/api/me/delete')
        .set({ Authorization: `Bearer ${token}` })
        .send({ password: PASSWORD })
        .expect(204);

      await stack
        .http()
        .get('/api/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(401);
      await login(email).expect(401);
      const row = await stack.dataSource.getRepository(User).findOneByOrFail({ id: me.body.id });
      expect(row).toMatchObject({ status: 'deleted', names: {}, orcid: null, affiliation: null });
      expect(row.email).toBe(`deleted-${me.body.id}@deleted.invalid`);
      expect(await stack.dataSource.getRepository(Session).countBy({ userId: me.body.id })).toBe(0);
    });
  });

  it('keeps the audit log append-only', async () => {
    await expect(
      stack.dataSource.query('UPDATE audit_events SET action = $1', ['tampered']),
    ).rejects.toThrow(/append-only/);
    await expect(stack.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });
});
