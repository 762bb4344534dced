import SwaggerParser from '@apidevtools/swagger-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApi } from '../src/api.bootstrap';
import { createTestEnvironment, type TestEnvironment } from './support/test-environment';

describe('HTTP conventions', () => {
  let env: TestEnvironment;
  let app: NestExpressApplication;
  let operator: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    operator = `Bearer ${env.config.ADMIN_API_TOKEN}`;
    app = await createApi(env.config);
    await app.init();
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

  it('sets security headers (helmet)', async () => {
    const response = await request(app.getHttpServer()).get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
  });
});
