import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { ProblemException } from '../common/http/problem.exception';
import { UserToken, type UserTokenPurpose } from './user-token.entity';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const invalidTokenProblem = () =>
  new ProblemException({
    status: 400,
    type: 'urn:tahkim:problem:invalid-token',
    title: 'This link is not valid',
    detail: 'The link is wrong, has expired or was already used. Ask for a new one.',
  });

/** Issues and redeems the single-use tokens that emails carry (verification, reset, invitation). */
@Injectable()
export class UserTokens {
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: UserTokenPurpose,
    ttlMs: number,
  ): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    // A new token of the same purpose replaces the old ones: only the latest email works.
    await manager.update(UserToken, { userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
    const { identifiers } = await manager.insert(UserToken, {
      userId,
      purpose,
      secretHash: sha256(secret),
      expiresAt: new Date(Date.now() + ttlMs),
    });
    return `${identifiers[0].id as string}.${secret}`;
  }

  /**
   * Marks the token used and returns its user id; expired, used, forged or wrong-purpose tokens
   * all get the same 400, and nothing changes. The row lock makes two concurrent redemptions of
   * one token impossible.
   */
  async redeem(manager: EntityManager, token: string, purpose: UserTokenPurpose): Promise<string> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !UUID.test(id)) throw invalidTokenProblem();
    const row = await manager.findOne(UserToken, {
      where: { id, purpose },
      lock: { mode: 'pessimistic_write' },
    });
    const given = Buffer.from(sha256(secret), 'hex');
    const valid =
      row !== null &&
      timingSafeEqual(given, Buffer.from(row.secretHash, 'hex')) &&
      row.usedAt === null &&
      row.expiresAt.getTime() > Date.now();
    if (!valid) throw invalidTokenProblem();
    await manager.update(UserToken, { id }, { usedAt: new Date() });
    return row.userId;
  }
}
