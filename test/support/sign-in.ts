import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../src/demo';
import type { Stack } from './api-with-worker';

/** What to sign in against: a stack, an app (createApi), or its HTTP server. */
export type SignInTarget = Stack | INestApplication | Parameters<typeof request>[0];

/** A demo person's key ('editor', 'section.field'…) or any email address. */
export const addressOf = (who: string) =>
  who.includes('@') ? who : `${who}@volunteering.example.org`;

function httpOf(target: SignInTarget) {
  if (typeof target === 'object' && target !== null && 'http' in target)
    return (target as Stack).http();
  if (typeof target === 'object' && target !== null && 'getHttpServer' in target)
    return request((target as INestApplication).getHttpServer());
  return request(target as Parameters<typeof request>[0]);
}

/**
 * Signs `who` in through the API (POST /api/auth/login, which must answer 200) with the demo
 * password unless another is given; returns the `Authorization` header's value, or with
 * `cookie: true` the session cookie as well.
 */
export async function signIn(
  target: SignInTarget,
  who: string,
  options?: { password?: string; cookie?: false },
): Promise<string>;
export async function signIn(
  target: SignInTarget,
  who: string,
  options: { password?: string; cookie: true },
): Promise<{ bearer: string; cookie: string[] }>;
export async function signIn(
  target: SignInTarget,
  who: string,
  options: { password?: string; cookie?: boolean } = {},
): Promise<string | { bearer: string; cookie: string[] }> {
  const login = await httpOf(target)
    .post('/api/auth/login')
    .send({ email: addressOf(who), password: options.password ?? DEMO_PASSWORD })
    .expect(200);
  const bearer = `Bearer ${login.body.token}`;
  if (!options.cookie) return bearer;
  return { bearer, cookie: login.get('Set-Cookie')!.map((line) => line.split(';')[0]) };
}
