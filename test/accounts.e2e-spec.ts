import { AuditEvent } from '../src/audit/audit-event.entity';
import { Session } from '../src/accounts/session.entity';
import { User } from '../src/accounts/user.entity';
import { OutboxMessage } from '../src/notifications/entities/outbox-message.entity';
import { type Stack, startStack, tokenIn } from './support/api-with-worker';

const PASSWORD = 'Dunes-and-cedars-42';
const NEW_PASSWORD = 'Atlas-mountains-after-rain';

describe('accounts: registration, verification, sessions, passwords, profile', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The email caps at their defaults: 3 emails per address, 20 requests per IP an hour.
    stack = await startStack();
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
  /** Emails queued (in the outbox, so counted without waiting for delivery) to an address. */
  const emailsQueued = (email: string, template: string) =>
    stack.dataSource.getRepository(OutboxMessage).countBy({ recipientEmail: email, template });
  const verify = (token: string) => stack.http().post('/api/auth/verify-email').send({ token });

  describe('registration → email verification → sign-in', () => {
    const email = 'leila.benali@example.org';
    let token: string;
    let secondToken: string;

    it('registers and emails a confirmation link in the chosen language', async () => {
      const response = await register('Leila.Benali@Example.org').expect(202);
      expect(response.body.message).toMatch(/If this address can be used/);
      const mail = await stack.mailTo(email);
      expect(mail.subject).toBe('تأكيد عنوان بريدك الإلكتروني في تحكيم');
      expect(mail.html).toContain('dir="rtl"');
      expect(mail.text).toContain('http://journals.test/ar/verify-email?token=');
      token = tokenIn(mail);
      const user = await stack.dataSource.getRepository(User).findOneByOrFail({ email });
      expect(user.emailVerifiedAt).toBeNull();
    });

    it('refuses to sign in before the address is confirmed, saying plainly that a new link was sent', async () => {
      const response = await login(email).expect(403);
      expect(response.body).toMatchObject({
        type: 'urn:tahkim:problem:email-not-verified',
        verificationEmail: 'sent',
        detail: expect.stringMatching(/just sent a new confirmation link.*before still work/),
      });
      secondToken = tokenIn(await stack.mailTo(email));
      expect(secondToken).not.toBe(token);
    });

    it('answers a second registration of the address exactly like the first, and warns the owner by email', async () => {
      const response = await register(email).expect(202);
      expect(response.body.message).toMatch(/If this address can be used/);
      const mail = await stack.mailTo(
        email,
        (candidate) => candidate.subject?.includes('محاولة تسجيل') ?? false,
      );
      expect(mail.text).toContain('http://journals.test/ar/password/forgot');
      expect(await stack.dataSource.getRepository(User).countBy({ email })).toBe(1);
    });

    it('confirms the address with the first link although a second was sent; either link then only says so', async () => {
      const confirmed = await verify(token).expect(200);
      expect(confirmed.body).toEqual({ verified: true });
      const user = await stack.dataSource.getRepository(User).findOneByOrFail({ email });
      expect(user.emailVerifiedAt).not.toBeNull();
      // Pressed again (a double click, an older email): the work is done, and nothing changes.
      expect((await verify(token).expect(200)).body).toEqual({ verified: true });
      expect((await verify(secondToken).expect(200)).body).toEqual({ verified: true });
      const after = await stack.dataSource.getRepository(User).findOneByOrFail({ email });
      expect(after.emailVerifiedAt).toEqual(user.emailVerifiedAt);
      // The purpose is served: both links are spent.
      expect(
        await stack.dataSource.query(
          `SELECT count(*)::int AS unused FROM user_tokens
            WHERE user_id = $1 AND purpose = 'verify_email' AND used_at IS NULL`,
          [user.id],
        ),
      ).toEqual([{ unused: 0 }]);
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
      expect(notice.text).toContain('http://journals.test/fr/password/forgot');
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

  describe('emails anyone can ask for are capped', () => {
    const resetRequest = (email: string, ip: string) =>
      stack
        .http()
        .post('/api/auth/password-reset/request')
        .set('X-Forwarded-For', ip)
        .send({ email });
    const resendRequest = (email: string, ip: string) =>
      stack.http().post('/api/auth/resend-verification').set('X-Forwarded-For', ip).send({ email });

    it('sends at most 3 reset emails an hour to an address, answering every request alike, and the latest link still works', async () => {
      const email = 'many.resets@example.org';
      await register(email, {
        preferredLocale: 'en',
        names: { Latn: { given: 'Many', family: 'Resets' } },
      }).expect(202);
      await verify(tokenIn(await stack.mailTo(email))).expect(200);

      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await resetRequest(email, '192.0.2.10').expect(202));
      const unknown = await resetRequest('nobody.at.all@example.org', '192.0.2.10').expect(202);
      for (const answer of answers) expect(answer.body).toEqual(unknown.body);
      expect(await emailsQueued(email, 'password-reset')).toBe(3);

      const resets = (candidate: { subject?: string }) =>
        candidate.subject?.startsWith('Reset your password') ?? false;
      const links: string[] = [];
      for (let i = 0; i < 3; i++) links.push(tokenIn(await stack.mailTo(email, resets)));
      // The capped requests issued no token, so the latest link sent (the emails may arrive in
      // any order) was not voided.
      const [{ id: latest }] = await stack.dataSource.query<{ id: string }[]>(
        `SELECT t.id FROM user_tokens t JOIN users u ON u.id = t.user_id
          WHERE u.email = $1 AND t.purpose = 'reset_password' ORDER BY t.created_at DESC LIMIT 1`,
        [email],
      );
      const link = links.find((token) => token.startsWith(`${latest}.`));
      await stack
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token: link, newPassword: NEW_PASSWORD })
        .expect(204);
    });

    it('counts verification resends and sign-ins in the cap, keeps every link sent valid, and says when no new link was sent', async () => {
      const email = 'keeps.asking@example.org';
      await register(email, { names: { Latn: { given: 'Keeps', family: 'Asking' } } }).expect(202);
      const first = tokenIn(await stack.mailTo(email));
      await resendRequest(email, '192.0.2.11').expect(202);
      const second = tokenIn(await stack.mailTo(email));
      const signIn = await login(email).expect(403);
      expect(signIn.body.verificationEmail).toBe('sent');
      await stack.mailTo(email);

      // Three emails this hour: the next requests are answered as usual, and nothing is sent.
      const resent = await resendRequest(email, '192.0.2.11').expect(202);
      const unknown = await resendRequest('nobody.else@example.org', '192.0.2.11').expect(202);
      expect(resent.body).toEqual(unknown.body);
      const capped = await login(email).expect(403);
      expect(capped.body).toMatchObject({
        type: 'urn:tahkim:problem:email-not-verified',
        verificationEmail: 'recently-sent',
        detail: expect.stringMatching(/have not sent another confirmation link.*latest email/),
      });
      expect(await emailsQueued(email, 'account-verification')).toBe(3);

      // The second of the three links confirms the address.
      await verify(second).expect(200);
      // The first, spent with it, only says the address is confirmed.
      expect((await verify(first).expect(200)).body).toEqual({ verified: true });
      await login(email).expect(200);
    });

    it('refuses the 21st email request an hour from one IP with a 429, whatever the address, and not another IP', async () => {
      const ip = '192.0.2.12';
      for (let i = 0; i < 10; i++) {
        await resetRequest(`unknown-${i}@example.org`, ip).expect(202);
        await resendRequest(`unknown-${i}@example.org`, ip).expect(202);
      }
      for (const email of ['unknown-99@example.org', 'leila.benali@example.org']) {
        const refused = await resetRequest(email, ip).expect(429);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({
          type: 'urn:tahkim:problem:too-many-email-requests',
          status: 429,
          retryAfterSeconds: expect.any(Number),
        });
        expect(refused.body.retryAfterSeconds).toBeGreaterThan(3000);
        expect(refused.body.retryAfterSeconds).toBeLessThanOrEqual(3600);
        expect(Number(refused.headers['retry-after'])).toBe(refused.body.retryAfterSeconds);
      }
      await resendRequest('unknown-99@example.org', ip).expect(429);
      await register('one.more@example.org')
        .set('X-Forwarded-For', ip)
        .expect(429)
        .expect((response) =>
          expect(response.body.type).toBe('urn:tahkim:problem:too-many-email-requests'),
        );
      await resetRequest('unknown-99@example.org', '192.0.2.13').expect(202);
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
