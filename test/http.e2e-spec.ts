import SwaggerParser from '@apidevtools/swagger-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApi } from '../src/api.bootstrap';
import { MAX_JSON_DEPTH } from '../src/common/http/hostile-input';
import { seedDemo } from '../src/demo';
import { Section } from '../src/journals/section.entity';
import { FailingRoutesModule, INTERNAL_TEXT } from './support/failing-routes.module';
import { createTestEnvironment, type TestEnvironment } from './support/test-environment';
import { signIn } from './support/sign-in';

describe('HTTP conventions', () => {
  let env: TestEnvironment;
  let app: NestExpressApplication;
  let operator: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    env = await createTestEnvironment();
    operator = `Bearer ${env.config.ADMIN_API_TOKEN}`;
    app = await createApi(env.config, { imports: [FailingRoutesModule] });
    await app.init();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await seedDemo(app, { submissions: false });
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  const expectProblem = (response: request.Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      title: expect.any(String),
      type: expect.any(String),
    });
    expect(response.body.correlationId).toBe(response.headers['x-request-id']);
    expect(response.body).not.toHaveProperty('stack');
  };

  describe('errors are RFC 9457 problem details', () => {
    it('answers an unknown route with 404 problem+json', async () => {
      const response = await request(app.getHttpServer()).get('/api/no-such-thing');
      expectProblem(response, 404);
      expect(response.body.instance).toBe('/api/no-such-thing');
    });

    it('answers an unknown route outside /api the same way', async () => {
      expectProblem(await request(app.getHttpServer()).post('/nowhere').send({}), 404);
    });

    it('names each invalid field', async () => {
      const response = await request(app.getHttpServer())
        .get('/api/admin/queues/notifications/jobs?state=exploded&limit=0')
        .set('Authorization', operator);
      expectProblem(response, 400);
      expect(response.body.type).toBe('urn:tahkim:problem:validation-error');
      const fields = response.body.errors.map((error: { field: string }) => error.field).sort();
      expect(fields).toEqual(['limit', 'state']);
    });

    it('refuses unknown fields instead of ignoring them', async () => {
      const response = await request(app.getHttpServer())
        .get('/api/admin/queues/notifications/jobs?colour=blue')
        .set('Authorization', operator);
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([
        { field: 'colour', messages: ['property colour should not exist'] },
      ]);
    });

    it('answers malformed JSON with 400, not 500', async () => {
      const response = await request(app.getHttpServer())
        .post('/api/admin/queues')
        .set('Content-Type', 'application/json')
        .send('{"title": ');
      expectProblem(response, 400);
      expect(response.body.type).toBe('urn:tahkim:problem:malformed-body');
    });

    it('answers an over-large body with 413', async () => {
      const response = await request(app.getHttpServer())
        .post('/api/admin/queues')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ text: 'x'.repeat(1_100_000) }));
      expectProblem(response, 413);
    });

    it('keeps a sane incoming X-Request-Id as the correlation id', async () => {
      const response = await request(app.getHttpServer())
        .get('/api/nope')
        .set('X-Request-Id', 'client-chosen-id-123');
      expect(response.headers['x-request-id']).toBe('client-chosen-id-123');
      expect(response.body.correlationId).toBe('client-chosen-id-123');
    });

    it('replaces an unsafe X-Request-Id', async () => {
      const response = await request(app.getHttpServer())
        .get('/api/nope')
        .set('X-Request-Id', '<script>');
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('operator routes', () => {
    it('refuses a request without a token (401)', async () => {
      expectProblem(await request(app.getHttpServer()).get('/api/admin/queues'), 401);
    });

    it('refuses a token that is neither the operator token nor a session (401)', async () => {
      const response = await request(app.getHttpServer())
        .get('/api/admin/queues')
        .set('Authorization', 'Bearer not-the-operator-token-nor-a-session');
      expectProblem(response, 401);
    });

    it('refuses the failed-jobs list without a token', async () => {
      expectProblem(
        await request(app.getHttpServer()).get('/api/admin/queues/notifications/jobs'),
        401,
      );
    });

    it('lists queue counts for the operator', async () => {
      const response = await request(app.getHttpServer())
        .get('/api/admin/queues')
        .set('Authorization', operator)
        .expect(200);
      expect(response.body).toEqual([
        expect.objectContaining({
          name: 'notifications',
          counts: expect.objectContaining({ failed: 0 }),
        }),
        expect.objectContaining({
          name: 'reviews',
          counts: expect.objectContaining({ failed: 0 }),
        }),
        expect.objectContaining({
          name: 'publishing',
          counts: expect.objectContaining({ failed: 0 }),
        }),
        expect.objectContaining({
          name: 'typesetting',
          counts: expect.objectContaining({ failed: 0 }),
        }),
      ]);
    });

    it('answers an unknown queue with 404', async () => {
      const response = await request(app.getHttpServer())
        .get('/api/admin/queues/bogus/jobs')
        .set('Authorization', operator);
      expectProblem(response, 404);
    });
  });

  describe('health', () => {
    it('is live', async () => {
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    });

    it('reports PostgreSQL and Redis separately when ready', async () => {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body.status).toBe('ok');
      expect(response.body.details.database.status).toBe('up');
      expect(response.body.details.redis.status).toBe('up');
    });
  });

  describe('OpenAPI', () => {
    it('serves a valid OpenAPI document at /api/docs-json', async () => {
      const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
      const document = await SwaggerParser.validate(structuredClone(response.body));
      expect(document.info.title).toBe('Tahkim API');
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/health/ready',
          '/api/admin/queues',
          '/api/admin/queues/{queue}/jobs',
        ]),
      );
    });

    it('serves the documentation UI at /api/docs', async () => {
      const response = await request(app.getHttpServer()).get('/api/docs/').expect(200);
      expect(response.text).toContain('swagger-ui');
    });
  });

  const bioOf = async (email: string) =>
    (await dataSource.query('SELECT bio FROM users WHERE email = $1', [email]))[0].bio;

  describe('cookie-authenticated changes must come from this site', () => {
    const email = 'author2@volunteering.example.org';
    let session: { cookie: string[]; bearer: string };

    beforeAll(async () => {
      session = await signIn(app, 'author2', { cookie: true });
    });

    const patchMe = (bio: string, headers: Record<string, string>) =>
      request(app.getHttpServer()).patch('/api/me').set(headers).send({ bio });

    it('refuses one with neither Origin nor Sec-Fetch-Site (403), changing nothing', async () => {
      const before = await bioOf(email);
      const refused = await patchMe('forged', { Cookie: session.cookie.join('; ') });
      expectProblem(refused, 403);
      expect(refused.body.type).toBe('urn:tahkim:problem:cross-origin-write');
      expect(refused.body.detail).toMatch(/Origin.*Sec-Fetch-Site: same-origin.*Bearer/);
      expect(await bioOf(email)).toBe(before);
    });

    it.each(['none', 'same-site', 'cross-site'])(
      'refuses one that says only Sec-Fetch-Site: %s (403)',
      async (site) => {
        const refused = await patchMe(`from ${site}`, {
          Cookie: session.cookie.join('; '),
          'Sec-Fetch-Site': site,
        });
        expectProblem(refused, 403);
        expect(await bioOf(email)).not.toBe(`from ${site}`);
      },
    );

    it('refuses an opaque Origin ("null") even with Sec-Fetch-Site: same-origin', async () => {
      const refused = await patchMe('sandboxed', {
        Cookie: session.cookie.join('; '),
        Origin: 'null',
        'Sec-Fetch-Site': 'same-origin',
      });
      expectProblem(refused, 403);
      expect(await bioOf(email)).not.toBe('sandboxed');
    });

    it('refuses signing out with the cookie alone, and the session keeps working', async () => {
      const refused = await request(app.getHttpServer())
        .post('/api/auth/logout')
        .set('Cookie', session.cookie);
      expectProblem(refused, 403);
      await request(app.getHttpServer()).get('/api/me').set('Cookie', session.cookie).expect(200);
    });

    it('accepts Sec-Fetch-Site: same-origin, an allowed Origin, and a bearer token', async () => {
      await patchMe('same-origin fetch', {
        Cookie: session.cookie.join('; '),
        'Sec-Fetch-Site': 'same-origin',
      }).expect(200);
      expect(await bioOf(email)).toBe('same-origin fetch');
      await patchMe('our page', {
        Cookie: session.cookie.join('; '),
        Origin: new URL(env.config.PUBLIC_URL).origin,
      }).expect(200);
      expect(await bioOf(email)).toBe('our page');
      await patchMe('a program', { Authorization: session.bearer }).expect(200);
      expect(await bioOf(email)).toBe('a program');
    });
  });

  describe('text PostgreSQL cannot store, and bodies nested too deeply, are refused at the edge', () => {
    let author: { cookie: string[]; bearer: string };
    let submissionId: string;

    beforeAll(async () => {
      author = await signIn(app, 'author1', { cookie: true });
      const sections = await dataSource.getRepository(Section).find();
      const section = sections.find((candidate) => candidate.titles.en === 'Research Articles')!;
      const draft = await request(app.getHttpServer())
        .post('/api/journals/volunteering/submissions')
        .set('Authorization', author.bearer)
        .send({ sectionId: section.id, locale: 'en' })
        .expect(201);
      submissionId = draft.body.id;
      await request(app.getHttpServer())
        .patch(`/api/submissions/${submissionId}`)
        .set('Authorization', author.bearer)
        .send({ funding: 'Stored before.' })
        .expect(204);
    });

    const fundingOf = async () =>
      (await dataSource.query('SELECT funding FROM submissions WHERE id = $1', [submissionId]))[0]
        .funding;
    const expectFieldRefused = (response: request.Response, field: string, message: RegExp) => {
      expectProblem(response, 400);
      expect(response.body.type).toBe('urn:tahkim:problem:validation-error');
      expect(response.body.errors).toEqual([{ field, messages: [expect.stringMatching(message)] }]);
    };
    const NUL = /NUL character \(U\+0000\)/;
    const SURROGATE = /lone UTF-16 surrogate/;

    it('refuses a NUL in registration, before signing in, and creates no account', async () => {
      const email = 'nul.registrant@example.org';
      const response = await request(app.getHttpServer())
        .post('/api/auth/register')
        .send({ email, password: 'a long enough password', names: { Latn: { given: 'A\u0000' } } });
      expectFieldRefused(response, 'names.Latn.given', NUL);
      expect(await dataSource.query('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
    });

    it('refuses a NUL in a draft, changing nothing stored', async () => {
      const response = await request(app.getHttpServer())
        .patch(`/api/submissions/${submissionId}`)
        .set('Authorization', author.bearer)
        .send({ funding: 'Grant\u0000 42', references: 'Fine.' });
      expectFieldRefused(response, 'funding', NUL);
      expect(await fundingOf()).toBe('Stored before.');
    });

    it('refuses a NUL in a contributor, naming it by its place in the list', async () => {
      const response = await request(app.getHttpServer())
        .put(`/api/submissions/${submissionId}/contributors`)
        .set('Authorization', author.bearer)
        .send({
          contributors: [
            { names: { Latn: { given: 'Leila' } }, email: 'author1@volunteering.example.org' },
            { names: { Latn: { given: 'Omar', family: 'B\u0000' } }, email: 'o@example.org' },
          ],
        });
      expectFieldRefused(response, 'contributors.1.names.Latn.family', NUL);
      const contributors = await dataSource.query(
        'SELECT email FROM contributors WHERE submission_id = $1',
        [submissionId],
      );
      expect(contributors).toEqual([{ email: 'author1@volunteering.example.org' }]);
    });

    it('refuses a NUL in a profile, and a NUL in a field name', async () => {
      const me = () =>
        request(app.getHttpServer()).patch('/api/me').set('Authorization', author.bearer);
      const before = await bioOf('author1@volunteering.example.org');
      expectFieldRefused(await me().send({ affiliation: 'Univ\u0000' }), 'affiliation', NUL);
      expectFieldRefused(
        await me().send({ names: { 'La\u0000tn': { given: 'X' } } }),
        'names.La\\u0000tn',
        /^is a name that must not contain the NUL/,
      );
      expect(await bioOf('author1@volunteering.example.org')).toBe(before);
    });

    it('refuses a lone surrogate instead of storing U+FFFD', async () => {
      const response = await request(app.getHttpServer())
        .patch('/api/me')
        .set('Authorization', author.bearer)
        .set('Content-Type', 'application/json')
        .send('{"bio": "before \\ud800 after"}');
      expectFieldRefused(response, 'bio', SURROGATE);
      const bio = await bioOf('author1@volunteering.example.org');
      expect(bio ?? '').not.toContain('\uFFFD');
      // A surrogate pair (an emoji) is one well-formed character, and is kept.
      await request(app.getHttpServer())
        .patch('/api/me')
        .set('Authorization', author.bearer)
        .set('Content-Type', 'application/json')
        .send('{"bio": "\\ud83d\\ude00"}')
        .expect(200);
      expect(await bioOf('author1@volunteering.example.org')).toBe('😀');
    });

    it('refuses a JSON body that is not UTF-8 instead of storing U+FFFD', async () => {
      const response = await request(app.getHttpServer())
        .patch('/api/me')
        .set('Authorization', author.bearer)
        .set('Content-Type', 'application/json')
        // Sent as the bytes they are (superagent would otherwise write a Buffer out as JSON).
        .serialize((bytes: Buffer) => bytes as unknown as string)
        .send(Buffer.from([...Buffer.from('{"bio": "caf'), 0xff, ...Buffer.from('"}')]));
      expectProblem(response, 400);
      expect(response.body.type).toBe('urn:tahkim:problem:malformed-body');
      expect(response.body.detail).toMatch(/not valid UTF-8/);
      expect((await bioOf('author1@volunteering.example.org')) ?? '').not.toContain('\uFFFD');
    });

    it('refuses a NUL or invalid UTF-8 in a path segment, before any guard reads it', async () => {
      const nul = await request(app.getHttpServer()).get('/api/journals/volunteer%00ing');
      expectFieldRefused(nul, 'path', /^segment "volunteer%00ing" must not contain the NUL/);
      const surrogate = await request(app.getHttpServer())
        .get(`/api/journals/volunteering/submissions/%ED%A0%80`)
        .set('Authorization', author.bearer);
      expectFieldRefused(
        surrogate,
        'path',
        /^segment "%ED%A0%80" is not valid percent-encoded UTF-8/,
      );
    });

    it('refuses a NUL in a query value or a form field', async () => {
      const query = await request(app.getHttpServer()).get(
        '/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Ax%00y',
      );
      expectFieldRefused(query, 'identifier', NUL);
      const form = await request(app.getHttpServer())
        .post('/api/oai')
        .type('form')
        .send('verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Ax%00y');
      expectFieldRefused(form, 'identifier', NUL);
      // A % that starts no escape is an ordinary character, as before.
      await request(app.getHttpServer()).get('/api/oai?verb=Identify&note=100%').expect(200);
    });

    const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);

    it.each([
      ['POST /api/auth/login', () => request(app.getHttpServer()).post('/api/auth/login')],
      [
        'PATCH /api/submissions/:id',
        () =>
          request(app.getHttpServer())
            .patch(`/api/submissions/${submissionId}`)
            .set('Authorization', author.bearer),
      ],
    ])('refuses JSON nested 5,000 levels deep on %s (400, naming the limit)', async (_, call) => {
      const body = nested(5_000);
      expect(body.length).toBeGreaterThan(29_000);
      const response = await call().set('Content-Type', 'application/json').send(body);
      expectProblem(response, 400);
      expect(response.body).toMatchObject({
        type: 'urn:tahkim:problem:nested-too-deeply',
        maxDepth: MAX_JSON_DEPTH,
        detail: expect.stringContaining(`at most ${MAX_JSON_DEPTH} levels`),
      });
      expect(await fundingOf()).toBe('Stored before.');
    });

    it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more`, async () => {
      const withExtra = (levels: number) =>
        request(app.getHttpServer())
          .patch(`/api/submissions/${submissionId}`)
          .set('Authorization', author.bearer)
          .set('Content-Type', 'application/json')
          .send(`{"extra": ${nested(levels - 1)}}`);
      const atLimit = await withExtra(MAX_JSON_DEPTH);
      expectProblem(atLimit, 400);
      expect(atLimit.body.type).toBe('urn:tahkim:problem:validation-error'); // "extra" is unknown
      const beyond = await withExtra(MAX_JSON_DEPTH + 1);
      expectProblem(beyond, 400);
      expect(beyond.body.type).toBe('urn:tahkim:problem:nested-too-deeply');
    });
  });

  describe('internal error text never reaches the client', () => {
    const internal = Object.values(INTERNAL_TEXT);

    it('answers a bug (a TypeError) with a generic 500 that quotes the correlation id', async () => {
      const response = await request(app.getHttpServer()).get('/api/test/failures/type-error');
      expectProblem(response, 500);
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Something went wrong on our side. Quote the correlationId when you report it.',
        instance: '/api/test/failures/type-error',
        correlationId: response.headers['x-request-id'],
      });
      expect(response.text).not.toMatch(/Cannot read|Pages|TypeError/);
    });

    it('does not show the message of a library error that carries an HTTP status', async () => {
      const response = await request(app.getHttpServer()).get(
        '/api/test/failures/library-error-with-status',
      );
      expectProblem(response, 404);
      for (const text of internal) expect(response.text).not.toContain(text);
    });

    it("does not show PostgreSQL's detail (tables, columns, values) of a refused write", async () => {
      const response = await request(app.getHttpServer()).get(
        '/api/test/failures/unique-violation',
      );
      expectProblem(response, 409);
      expect(response.body.title).toBe('This conflicts with an existing record');
      for (const text of internal) expect(response.text).not.toContain(text);
      expect(response.text).not.toMatch(/Key \(|already exists/);
    });
  });

  it('sets security headers (helmet)', async () => {
    const response = await request(app.getHttpServer()).get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
  });
});
